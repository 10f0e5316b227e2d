"""The three site roots (home, story index, workshop index) and their
translations into every enabled locale."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Locale, Page

from demo.content import DemoContent, load_content
from home.models import HomePage
from stories.models import StoryIndexPage
from workshops.models import WorkshopIndexPage

from .localize import SegmentTranslator, translate_object
from .result import DemoResult

INDEX_MODELS = {"stories": StoryIndexPage, "workshops": WorkshopIndexPage}


@transaction.atomic
def ensure_site_pages(
    *, locale: Locale, result: DemoResult, content: DemoContent | None = None
) -> dict[str, Page]:
    pages = (content or load_content()).site_pages
    home = HomePage.objects.get(locale=locale, depth=2)
    intro = pages["home"].intro["en"]
    if home.intro != intro:
        home.intro = intro
        home.save_revision().publish()
    roots = {"home": home}
    for kind, model in INDEX_MODELS.items():
        roots[kind] = _child(home, model, slug=pages[kind].slug, title=pages[kind].title["en"], result=result)
    return roots


def _child(parent: Page, model, *, slug: str, title: str, result: DemoResult):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(title=title, slug=slug)
        parent.add_child(instance=page)
        page.save_revision().publish()
        result.add(model._meta.model_name)
    return page


def translate_site_pages(
    *,
    roots: dict[str, Page],
    locales: list[Locale],
    user,
    result: DemoResult,
    content: DemoContent | None = None,
) -> None:
    content = content or load_content()
    for kind in ("home", "stories", "workshops"):
        for locale in locales:
            translator = site_page_translator(content=content, kind=kind, code=locale.language_code)
            if translate_object(instance=roots[kind], locale=locale, translate_text=translator, user=user):
                result.add(f"{kind} page translation")


def site_page_translator(*, content: DemoContent, kind: str, code: str) -> SegmentTranslator:
    """The title from site.json (None keeps the English one), then the site intro, then shared phrases."""
    page = content.site_pages[kind]
    intros = {p.intro["en"]: p.intro.get(code) for p in content.site_pages.values() if p.intro}

    def translate(text: str, path: str) -> str | None:
        if path == "title":
            return page.title.get(code)
        if text in intros:
            return intros[text]
        return content.phrase(text, code)

    return translate
