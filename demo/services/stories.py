"""The success stories: English pages built from stories/<slug>.json, with
their posters, then their translations."""

from __future__ import annotations

import html

from django.db import transaction
from wagtail.models import Locale

from demo.content import DemoContent, Story, load_content
from demo.content.story_files import BODY_HEADINGS, CREDIT
from demo.images import poster_image
from stories.models import Seller, StoryIndexPage, SuccessStoryPage

from .localize import SegmentTranslator, locales_for, translate_object
from .result import DemoResult


def load_stories(
    *, index: StoryIndexPage, taxonomy: dict, user, result: DemoResult, content: DemoContent | None = None
) -> list[SuccessStoryPage]:
    pages = []
    for story in (content or load_content()).stories:
        page = SuccessStoryPage.objects.child_of(index).filter(slug=story.slug).first()
        if page is None:
            page = _create_story(index=index, story=story, taxonomy=taxonomy, user=user)
            result.add("success story")
        pages.append(page)
    return pages


@transaction.atomic
def _create_story(*, index: StoryIndexPage, story: Story, taxonomy: dict, user) -> SuccessStoryPage:
    product = taxonomy["products"][story.product]
    hero, detail = _posters(story, product=product)
    caption = story.english.caption
    page = SuccessStoryPage(
        title=story.english.headline,
        slug=story.slug,
        subheadlines=[("subheadline", text) for text in story.english.subheadlines],
        summary=story.english.summary,
        posted_at=story.posted_at,
        release_id=story.release_id,
        issuing_office=taxonomy["offices"][story.office],
        ministry=taxonomy["ministries"][story.ministry],
        sector=product.sector,
        hero_image=hero,
        hero_caption=caption,
        hero_credit=CREDIT,
        footer_initials=story.footer_initials,
        body=_story_body(story, image=detail, caption=caption),
    )
    page.districts = [product.district]
    page.products = [product]
    page.tags.add(*story.tags)
    page.sellers = [
        Seller(
            name=name,
            kind=seller.kind,
            where_to_buy=[
                ("link", {"marketplace": link.marketplace, "url": link.url}) for link in seller.links
            ],
        )
        for seller, name in zip(story.sellers, story.english.seller_names, strict=True)
    ]
    index.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    return page


def _posters(story: Story, *, product):
    """The hero poster and the one in the body, drawn once and reused on later runs."""
    district = product.district
    badge = "ODOP  ·  GI tag" if product.has_gi_tag else "ODOP"
    seller = story.english.seller_names[0]
    hero = poster_image(
        title=f"ODOP poster: {product.name}",
        heading=product.name,
        subtitle=f"{district.name}, {district.state.name}",
        badge=badge,
        palette=story.palette,
        slug=story.slug,
    )
    detail = poster_image(
        title=f"ODOP poster: {product.name} ({seller})",
        heading=product.name,
        subtitle=seller,
        badge=badge,
        palette=story.palette + 5,
        slug=f"{story.slug}-detail",
    )
    return hero, detail


def _story_body(story: Story, *, image, caption: str) -> list:
    first, second = story.english.paragraphs
    brand, numbers, support = BODY_HEADINGS
    return [
        ("paragraph", f"<p>{html.escape(first, quote=False)}</p>"),
        ("heading", brand),
        ("paragraph", f"<p>{html.escape(second, quote=False)}</p>"),
        ("quote", {"quote": story.english.quote, "speaker": story.english.speaker}),
        ("image", {"image": image, "caption": caption, "credit": CREDIT}),
        ("heading", numbers),
        (
            "key_figures",
            [{"value": f.value, "unit": f.unit, "label": f.label} for f in story.figures],
        ),
        ("heading", support),
        ("list", list(story.support)),
    ]


def translate_story(
    *,
    page: SuccessStoryPage,
    locales: list[Locale],
    user,
    result: DemoResult,
    content: DemoContent | None = None,
) -> None:
    """Translate into those of `locales` the story's file has text for."""
    content = content or load_content()
    story = next(story for story in content.stories if story.slug == page.slug)
    for locale in locales_for(locales, story.languages):
        translator = story_translator(content=content, story=story, code=locale.language_code)
        if translate_object(instance=page, locale=locale, translate_text=translator, user=user):
            result.add("story translation")


def story_translator(*, content: DemoContent, story: Story, code: str) -> SegmentTranslator:
    """Segment text in English to its translation in `code`.

    The story's own text, matched to its English by position; anything else
    (headings, figure labels, support items, the credit) is a shared phrase,
    or stays as it is (slugs, initials).
    """
    english, translated = story.english, story.text[code]
    known: dict[str, str] = {
        english.headline: translated.headline,
        english.summary: translated.summary,
        english.caption: translated.caption,
        english.quote: translated.quote,
        english.speaker: translated.speaker,
        **dict(zip(english.subheadlines, translated.subheadlines, strict=True)),
        **dict(zip(english.paragraphs, translated.paragraphs, strict=True)),
        **dict(zip(english.seller_names, translated.seller_names, strict=True)),
    }

    def translate(text: str, path: str) -> str | None:
        if text in known:
            return known[text]
        return content.phrase(text, code)

    return translate
