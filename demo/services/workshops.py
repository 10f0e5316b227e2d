"""The ODOP Sampark workshops from workshops.json, and their translations."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Locale

from demo.content import DemoContent, Workshop, load_content
from stories.models import SuccessStoryPage
from workshops.models import WorkshopIndexPage, WorkshopPage

from .localize import SegmentTranslator, locales_for, translate_object
from .result import DemoResult


def load_workshops(
    *,
    index: WorkshopIndexPage,
    taxonomy: dict,
    stories: list[SuccessStoryPage],
    result: DemoResult,
    content: DemoContent | None = None,
) -> list[WorkshopPage]:
    by_slug = {story.slug: story for story in stories}
    pages = []
    for workshop in (content or load_content()).workshops:
        page = WorkshopPage.objects.child_of(index).filter(slug=workshop.slug).first()
        if page is None:
            page = _create_workshop(index=index, workshop=workshop, taxonomy=taxonomy, by_slug=by_slug)
            result.add("workshop")
        pages.append(page)
    return pages


@transaction.atomic
def _create_workshop(
    *, index: WorkshopIndexPage, workshop: Workshop, taxonomy: dict, by_slug: dict
) -> WorkshopPage:
    page = WorkshopPage(
        title=workshop.english.title,
        slug=workshop.slug,
        state=taxonomy["states"][workshop.state],
        date=workshop.date,
        venue=workshop.venue,
        summary=workshop.english.summary,
    )
    page.stories = [by_slug[slug] for slug in workshop.stories]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_workshop(
    *, page: WorkshopPage, locales: list[Locale], user, result: DemoResult, content: DemoContent | None = None
) -> None:
    """Translate into those of `locales` that workshops.json has text for."""
    workshop = next(w for w in (content or load_content()).workshops if w.slug == page.slug)
    for locale in locales_for(locales, workshop.languages):
        translator = workshop_translator(workshop=workshop, code=locale.language_code)
        if translate_object(instance=page, locale=locale, translate_text=translator, user=user):
            result.add("workshop translation")


def workshop_translator(*, workshop: Workshop, code: str) -> SegmentTranslator:
    """Title and summary; the venue and the slug stay in English."""
    english, translated = workshop.english, workshop.text[code]
    known = {english.title: translated.title, english.summary: translated.summary}

    def translate(text: str, path: str) -> str | None:
        return known.get(text)

    return translate
