"""Read queries for stories. Views, feeds, the API and the PDF renderer call
these; none of them writes its own query."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale, Page

from taxonomy.models import District, Product, Sector, State

from .models import SuccessStoryPage


def not_embargoed(queryset: QuerySet, *, now=None) -> QuerySet:
    now = now or timezone.now()
    return queryset.filter(Q(embargo_until__isnull=True) | Q(embargo_until__lte=now))


def story_listing(
    *,
    locale: Locale,
    parent: Page | None = None,
    state: State | None = None,
    district: District | None = None,
    sector: Sector | None = None,
    product: Product | None = None,
) -> QuerySet[SuccessStoryPage]:
    """Live, public, released stories in one locale, newest first.

    Taxonomy filters match on translation_key, so a Hindi district finds the
    stories that link to its English original too.
    """
    stories = SuccessStoryPage.objects.live().public().filter(locale=locale)
    if parent is not None:
        stories = stories.child_of(parent)
    if state is not None:
        stories = stories.filter(districts__state__translation_key=state.translation_key)
    if district is not None:
        stories = stories.filter(districts__translation_key=district.translation_key)
    if sector is not None:
        stories = stories.filter(sector__translation_key=sector.translation_key)
    if product is not None:
        stories = stories.filter(products__translation_key=product.translation_key)
    if state is not None or district is not None or product is not None:
        stories = stories.distinct()
    return (
        not_embargoed(stories)
        .defer_streamfields()
        .select_related("hero_image", "sector", "issuing_office", "locale")
        .order_by("-posted_at", "-pk")
    )


def story_for_route(*, parent: Page, slug: str) -> SuccessStoryPage | None:
    """The story at `slug` under `parent`, with the snippets its page shows."""
    return (
        SuccessStoryPage.objects.child_of(parent)
        .filter(slug=slug)
        .select_related("locale", "ministry", "issuing_office", "sector", "hero_image")
        .first()
    )


def localize_taxonomy(objects: Iterable, *, locale: Locale, select_related: tuple[str, ...] = ()) -> list:
    """The same snippets in `locale` where translated, the originals otherwise.

    At most one query per call, whatever the number of objects, and none when
    they are all in `locale` already.
    """
    objects = list(objects)
    if not objects or all(obj.locale_id == locale.pk for obj in objects):
        return objects
    model = type(objects[0])
    keys = [obj.translation_key for obj in objects]
    translations = model.objects.filter(translation_key__in=keys, locale=locale)
    if select_related:
        translations = translations.select_related(*select_related)
    translated = {obj.translation_key: obj for obj in translations}
    return [translated.get(obj.translation_key, obj) for obj in objects]


def localize_related(related, *, locale: Locale, select_related: tuple[str, ...] = ()) -> list:
    """The snippets of a many-to-many relation (``story.districts.all()``)
    in `locale` where translated, the linked originals otherwise. One query:
    the links and their translations are read together.

    A page rebuilt from a revision (previews) holds its links in memory; they
    are localized with `localize_taxonomy` instead.
    """
    if not isinstance(related, QuerySet):
        return localize_taxonomy(related, locale=locale, select_related=select_related)
    model = related.model
    linked_or_translated = model.objects.filter(
        Q(pk__in=related.values("pk"))
        | Q(locale=locale, translation_key__in=related.values("translation_key"))
    )
    if select_related:
        linked_or_translated = linked_or_translated.select_related(*select_related)
    chosen: dict = {}
    for obj in linked_or_translated:
        current = chosen.get(obj.translation_key)
        if current is None or (obj.locale_id == locale.pk and current.locale_id != locale.pk):
            chosen[obj.translation_key] = obj
    return sorted(chosen.values(), key=lambda obj: (str(obj), obj.pk))


def localized_stories(stories: Iterable[SuccessStoryPage], *, locale: Locale) -> list[SuccessStoryPage]:
    """The live translations of `stories` in `locale`, skipping stories that
    have none. One query."""
    keys = [story.translation_key for story in stories]
    return list(
        not_embargoed(
            SuccessStoryPage.objects.live().public().filter(translation_key__in=keys, locale=locale)
        )
        .defer_streamfields()
        .select_related("hero_image")
        .order_by("-posted_at")
    )


def story_taxonomy(story: SuccessStoryPage) -> dict:
    """The story's districts, states and products in the story's own language.

    Two queries, whatever the number of districts and products, and a third
    only when a district has no translation (its state may have one).
    """
    locale = story.locale
    districts = localize_related(story.districts.all(), locale=locale, select_related=("state",))
    products = localize_related(story.products.all(), locale=locale)
    states = localize_taxonomy({d.state.translation_key: d.state for d in districts}.values(), locale=locale)
    return {"districts": districts, "states": states, "products": products}


# --- Public site: filters, landing pages, related stories ---------------------
# (Added for the public website. Views pass request.GET in; templates receive
# ready-made choices, titles and URLs.)

STORIES_PER_PAGE = 12


@dataclass(frozen=True)
class StoryFilters:
    state: State | None = None
    district: District | None = None
    sector: Sector | None = None
    product: Product | None = None
    tag: str = ""

    @property
    def active(self) -> bool:
        return any([self.state, self.district, self.sector, self.product, self.tag])

    def as_kwargs(self) -> dict:
        return {
            "state": self.state,
            "district": self.district,
            "sector": self.sector,
            "product": self.product,
        }


def _int_or_none(value) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _in_locale(model, *, locale: Locale, **lookup):
    """One taxonomy object in `locale`, or its source where untranslated."""
    found = model.objects.filter(**lookup).select_related("locale").order_by("pk")
    objects = list(found)
    if not objects:
        return None
    for obj in objects:
        if obj.locale_id == locale.pk:
            return obj
    return localize_taxonomy([objects[0]], locale=locale)[0]


def parse_story_filters(params, *, locale: Locale) -> StoryFilters:
    """Filters from a query string (?state=9&district=164&sector=handloom&product=12).

    States and districts are keyed by their LGD code and sectors by slug, the
    same in every language; products by id. Unknown values are ignored."""
    state_code = _int_or_none(params.get("state"))
    district_code = _int_or_none(params.get("district"))
    product_id = _int_or_none(params.get("product"))
    sector_slug = (params.get("sector") or "").strip()[:64]
    return StoryFilters(
        state=_in_locale(State, locale=locale, lgd_code=state_code) if state_code else None,
        district=_in_locale(District, locale=locale, lgd_code=district_code) if district_code else None,
        sector=_in_locale(Sector, locale=locale, slug=sector_slug) if sector_slug else None,
        product=_product_in_locale(product_id, locale=locale) if product_id else None,
        tag=(params.get("tag") or "").strip()[:100],
    )


def _product_in_locale(product_id: int, *, locale: Locale) -> Product | None:
    product = Product.objects.filter(pk=product_id).first()
    if product is None:
        return None
    return localize_taxonomy([product], locale=locale)[0]


def filtered_story_listing(*, locale: Locale, parent: Page | None, filters: StoryFilters) -> QuerySet:
    stories = story_listing(locale=locale, parent=parent, **filters.as_kwargs())
    if filters.tag:
        stories = stories.filter(tags__slug=filters.tag).distinct()
    return stories


def _story_keys_in_locale(locale: Locale) -> QuerySet:
    return not_embargoed(SuccessStoryPage.objects.live().public().filter(locale=locale))


def filter_choices(*, locale: Locale) -> dict[str, list]:
    """The states, districts, sectors and products that have live stories in
    `locale`, named in that language (source names where untranslated)."""
    stories = _story_keys_in_locale(locale)
    districts = list(
        District.objects.filter(stories__in=stories).distinct().select_related("state")
    )
    products = list(Product.objects.filter(stories__in=stories).distinct())
    sector_keys = stories.exclude(sector=None).values_list("sector__translation_key", flat=True)
    sectors = list(
        {s.translation_key: s for s in Sector.objects.filter(translation_key__in=sector_keys)}.values()
    )
    states = list({d.state.translation_key: d.state for d in districts}.values())

    def named(objects):
        return sorted(localize_taxonomy(objects, locale=locale), key=lambda obj: obj.name)

    return {
        "states": named(states),
        "districts": named(districts),
        "sectors": named(sectors),
        "products": named(products),
    }


def browse_choices(*, locale: Locale) -> dict[str, list]:
    """States and sectors with stories, for the home page."""
    choices = filter_choices(locale=locale)
    return {"states": choices["states"], "sectors": choices["sectors"]}


def related_stories(
    story: SuccessStoryPage, *, limit: int = 4, districts: list | None = None, products: list | None = None
) -> list[SuccessStoryPage]:
    """Other stories in the same language that share a district, product or
    the sector, newest first. Pass the story's districts and products when
    already loaded (story_taxonomy) to save two queries."""
    if districts is None:
        districts = list(story.districts.all())
    if products is None:
        products = list(story.products.all())
    match = Q(districts__translation_key__in=[d.translation_key for d in districts]) | Q(
        products__translation_key__in=[p.translation_key for p in products]
    )
    if story.sector_id:
        match |= Q(sector__translation_key=story.sector.translation_key)
    candidates = (
        story_listing(locale=story.locale)
        .filter(match)
        .exclude(translation_key=story.translation_key)
        .distinct()
    )
    return list(with_card_relations(candidates)[:limit])


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
    from languages.formatting import format_posted_date

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
                image=story.hero_image,
            )
        )
    return cards


def with_card_relations(stories: QuerySet) -> QuerySet:
    return stories.select_related("hero_image", "sector", "locale").prefetch_related("hero_image__renditions")


LANDING_KINDS = ("state", "district", "sector", "product")


def landing_object(kind: str, value, *, locale: Locale):
    """The taxonomy object a landing page (/stories/district/164/) is about."""
    if kind == "sector":
        return _in_locale(Sector, locale=locale, slug=value)
    if kind == "product":
        return _product_in_locale(int(value), locale=locale)
    model = {"state": State, "district": District}[kind]
    return _in_locale(model, locale=locale, lgd_code=int(value))


def story_index_view(*, index: Page, params, request=None, landing: tuple[str, object] | None = None) -> dict:
    """The story index (and its landing pages): filters from the query
    string, one page of story cards, and the filter choices."""
    from dataclasses import replace

    from django.core.paginator import Paginator

    filters = parse_story_filters(params, locale=index.locale)
    if landing is not None:
        filters = replace(filters, **{landing[0]: landing[1]})
    stories = with_card_relations(filtered_story_listing(locale=index.locale, parent=index, filters=filters))
    page_of_stories = Paginator(stories, STORIES_PER_PAGE).get_page(params.get("page"))
    return {
        "filters": filters,
        "choices": filter_choices(locale=index.locale),
        "page_of_stories": page_of_stories,
        "stories": story_cards(page_of_stories.object_list, request=request),
        "landing": {"kind": landing[0], "object": landing[1]} if landing else None,
    }


@dataclass(frozen=True)
class TaxonomyLink:
    kind: str
    name: str
    url: str | None


def _taxonomy_links(story: SuccessStoryPage, taxonomy: dict, *, request=None) -> list[TaxonomyLink]:
    from .models import StoryIndexPage

    index = StoryIndexPage.objects.filter(path=story.path[: -story.steplen]).first()
    landing_url = index.landing_url if index else None

    def link(kind, obj):
        return TaxonomyLink(kind=kind, name=obj.name, url=landing_url(kind, obj, request) if landing_url else None)

    links = [link("state", state) for state in taxonomy["states"]]
    links += [link("district", district) for district in taxonomy["districts"]]
    if story.sector_id:
        links.append(link("sector", story.sector))
    links += [link("product", product) for product in taxonomy["products"]]
    return links


def story_page_view(story: SuccessStoryPage, *, request=None) -> dict:
    """Everything the story template shows, computed once."""
    from home.selectors import json_ld
    from home.seo import news_article, social_card
    from languages import registry
    from languages.formatting import format_dateline
    from translations.selectors import translation_freshness

    code = story.locale.language_code
    office = story.issuing_office.name if story.issuing_office_id else ""
    taxonomy = story_taxonomy(story)
    tags = list(story.tags.all())
    social = social_card(description=story.search_description or story.summary, image=story.hero_image, request=request)
    canonical = story.get_full_url(request)
    schema = news_article(
        story=story,
        canonical_url=canonical,
        image_url=social["image"]["url"] if social["image"] else None,
        sector_name=story.sector.name if story.sector_id else "",
        office_name=office,
        keywords=[tag.name for tag in tags],
    )
    freshness = translation_freshness(story)
    related = related_stories(story, districts=taxonomy["districts"], products=taxonomy["products"])
    return {
        "taxonomy": taxonomy,
        "taxonomy_links": _taxonomy_links(story, taxonomy, request=request),
        "sellers": list(story.sellers.all()),
        "tags": tags,
        "dateline": format_dateline(story.posted_at, code, office),
        "freshness": freshness,
        "source_url": freshness.source_page.get_url(request) if freshness and freshness.outdated else None,
        "source_language": (
            registry.get(freshness.source_page.locale.language_code) if freshness and freshness.outdated else None
        ),
        "related": story_cards(related, request=request),
        "social": social,
        "schema": json_ld(schema),
    }
