"""Ready-made values for the story templates: the index with its filters
and pagination, story cards, and everything a story page shows. Request
parsing and shaping live here; every query comes from selectors.

Features add to these pages through their own template tags (PDF links,
the stale-translation notice, the visitor counter), never through here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from core.seo import json_ld, news_article, social_card
from core.site import page_url
from languages import registry
from languages.formatting import format_dateline, format_posted_date
from taxonomy.models import District, Sector, State

from .models import StoryIndexPage, SuccessStoryPage
from .selectors import (
    StoryFilters,
    counted_listing,
    filter_choices,
    hero_image,
    images_in,
    product_in_locale,
    related_stories,
    story_sellers,
    story_tags,
    story_taxonomy,
    taxonomy_in_locale,
    with_card_relations,
    with_locale,
    with_renditions,
)

STORIES_PER_PAGE = 12


def int_or_none(value) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def parse_story_filters(params, *, locale: Locale) -> StoryFilters:
    """Filters from a query string (?state=9&district=164&sector=handloom&product=12).

    States and districts are keyed by their LGD code and sectors by slug, the
    same in every language; products by id. Unknown values are ignored."""
    state_code = int_or_none(params.get("state"))
    district_code = int_or_none(params.get("district"))
    product_id = int_or_none(params.get("product"))
    sector_slug = (params.get("sector") or "").strip()[:64]
    return StoryFilters(
        state=taxonomy_in_locale(State, locale=locale, lgd_code=state_code) if state_code else None,
        district=taxonomy_in_locale(District, locale=locale, lgd_code=district_code)
        if district_code
        else None,
        sector=taxonomy_in_locale(Sector, locale=locale, slug=sector_slug) if sector_slug else None,
        product=product_in_locale(product_id, locale=locale) if product_id else None,
        tag=(params.get("tag") or "").strip()[:100],
    )


class CountedPaginator(Paginator):
    """A paginator told how many objects there are (`StoryCount`), so it
    never asks the database for COUNT(*); None lets it count."""

    def __init__(self, object_list, per_page, *, count: int | None):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        if self._known_count is None:
            return super().count
        return self._known_count


def story_index_view(*, index: Page, params, request=None, landing: tuple[str, object] | None = None) -> dict:
    """The story index (and its landing pages): filters from the query
    string, one page of story cards, and the filter choices."""
    filters = parse_story_filters(params, locale=index.locale)
    if landing is not None:
        filters = replace(filters, **{landing[0]: landing[1]})
    # The index and each landing page know their count (StoryCount); a
    # combination of filters counts its stories, read from its facets.
    stories, count = counted_listing(locale=index.locale, index=index, filters=filters)
    stories = with_card_relations(stories)
    page_of_stories = CountedPaginator(stories, STORIES_PER_PAGE, count=count).get_page(params.get("page"))
    return {
        "filters": filters,
        "choices": filter_choices(locale=index.locale),
        "page_of_stories": page_of_stories,
        "stories": story_cards(with_locale(page_of_stories.object_list, index.locale), request=request),
        "landing": landing_view(*landing) if landing else None,
    }


def landing_view(kind: str, obj) -> dict:
    """A landing page's own title (also its description), in the page's
    language: "Success stories from Varanasi"."""
    title = gettext("Success stories from %(name)s") % {"name": obj.name}
    return {"kind": kind, "object": obj, "title": title}


@dataclass(frozen=True)
class TaxonomyLink:
    kind: str
    name: str
    url: str | None


def story_index_url(story: SuccessStoryPage, *, request=None) -> str | None:
    """The address of the index a story sits under: its own minus its slug
    (a story's parent is always its index), so no query for the index page."""
    url = story.get_url(request)
    if not url:
        return None
    return url[: url.rstrip("/").rfind("/") + 1]


def _taxonomy_links(story: SuccessStoryPage, taxonomy: dict, *, index_url: str | None) -> list[TaxonomyLink]:
    def link(kind, obj):
        return TaxonomyLink(
            kind=kind,
            name=obj.name,
            url=StoryIndexPage.landing_url_under(index_url, kind, obj) if index_url else None,
        )

    links = [link("state", state) for state in taxonomy["states"]]
    links += [link("district", district) for district in taxonomy["districts"]]
    if story.sector_id:
        links.append(link("sector", story.sector))
    links += [link("product", product) for product in taxonomy["products"]]
    return links


def _keywords(story: SuccessStoryPage, taxonomy: dict, tags: list) -> list[str]:
    """JSON-LD keywords in the page's language: its districts, states and
    products as translated (already loaded), and the tags on English pages
    only (editors tag in English)."""
    names = [item.name for name in ("districts", "states", "products") for item in taxonomy[name]]
    if story.locale.language_code == registry.DEFAULT_CODE:
        names += [tag.name for tag in tags]
    return list(dict.fromkeys(names))


def story_page_view(story: SuccessStoryPage, *, request=None) -> dict:
    """Everything the story template shows, computed once."""
    code = story.locale.language_code
    office = story.issuing_office.name if story.issuing_office_id else ""
    taxonomy = story_taxonomy(story)
    tags = story_tags(story)
    related = related_stories(story, districts=taxonomy["districts"], products=taxonomy["products"])
    # The hero's, the body's and the cards' renditions come with their
    # queries; one query for any that did not (a page loaded elsewhere).
    hero = hero_image(story)
    with_renditions([hero, *images_in(story.body), *(hero_image(card) for card in related)])
    social = social_card(description=story.search_description or story.summary, image=hero)
    canonical = page_url(story, request=request)
    schema = news_article(
        story=story,
        canonical_url=canonical,
        image_url=social["image"]["url"] if social["image"] else None,
        sector_name=story.sector.name if story.sector_id else "",
        office_name=office,
        keywords=_keywords(story, taxonomy, tags),
    )
    index_url = story_index_url(story, request=request)
    return {
        "taxonomy": taxonomy,
        "index_url": index_url,
        "taxonomy_links": _taxonomy_links(story, taxonomy, index_url=index_url),
        "sellers": story_sellers(story),
        "tags": tags,
        "dateline": format_dateline(story.posted_at, code, office),
        "related": story_cards(related, request=request),
        "social": social,
        "schema": json_ld(schema),
    }


@dataclass(frozen=True)
class StoryCard:
    """A story in a listing: everything a card shows, ready-made."""

    page: SuccessStoryPage
    url: str
    title: str
    summary: str
    posted_iso: str
    posted_text: str
    sector_name: str
    image: object | None


def story_cards(stories: Iterable[SuccessStoryPage], *, request=None) -> list[StoryCard]:
    cards = []
    for story in stories:
        code = story.locale.language_code
        cards.append(
            StoryCard(
                page=story,
                url=story.get_url(request),
                title=story.title,
                summary=story.summary,
                posted_iso=story.posted_at.isoformat(),
                posted_text=format_posted_date(story.posted_at, code),
                sector_name=story.sector.name if story.sector_id else "",
                image=hero_image(story),
            )
        )
    return cards
