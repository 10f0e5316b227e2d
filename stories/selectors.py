"""Read queries for stories. Views, feeds, the API and the PDF renderer call
these; none of them writes its own query."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from django.db.models import (
    Expression,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    TextField,
    Value,
)
from django.db.models.functions import Concat
from django.db.models.lookups import IsNull
from django.utils import timezone
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page

from core.compiled import CompiledFilter, CompiledQuery
from core.lookups import InSubquery
from core.pages import NotIndexed, public, restricted_paths
from core.rows import from_rows, related_rows
from languages import registry
from taxonomy.models import District, IssuingOffice, Ministry, Product, Sector, State

from .annotations import compiled_story_annotations, story_annotation_names
from .models import Seller, StoryCount, StoryIndexPage, StoryTag, SuccessStoryPage
from .models.listings import ALL_STORIES, tag_key
from .services.release_header import HeaderAnchors


def not_embargoed(queryset: QuerySet, *, now=None) -> QuerySet:
    now = timezone.now() if now is None else now
    return queryset.filter(Q(embargo_until__isnull=True) | Q(embargo_until__lte=now))


def story_for_route(*, parent: Page, slug: str) -> SuccessStoryPage | None:
    """The story at `slug` under `parent`, with the snippets its page shows."""
    return _story_for_page(
        SuccessStoryPage.objects.child_of(parent).filter(slug=slug), using=parent._state.db
    )


def story_at_path(
    *, home_url_path: str, index_slug: str, slug: str, using: str | None = None
) -> SuccessStoryPage | None:
    """The story at /<index_slug>/<slug>/ under the home page whose URL path
    is `home_url_path`, found by its stored URL path (through the slug index)
    without reading the index page first: one query where going down the tree
    takes two. Compiled once (the ORM's work was most of a story page's
    routing); home.routing reads the home and the story in one query with
    `stories_at_path`."""
    found = STORY_AT_PATH(
        home_url_path,
        f"{index_slug}/{slug}/",
        slug,
        using=using or "default",
        annotations=story_annotation_names(),
    )
    return next(iter(found), None)


def stories_at_path(
    *, home_url_path: str | Expression, tail: str, slug: str, using: str | None = None
) -> QuerySet[SuccessStoryPage]:
    """The story whose URL path is `home_url_path` + `tail` ("stories/<slug>/")
    as a queryset of one row at most, for a caller that compiles it
    (core.compiled.CompiledQuery). The home's path may be an expression (a
    subquery: the home and the story in one query, home.routing)."""
    home = Value(home_url_path) if isinstance(home_url_path, str) else home_url_path
    url_path = Concat(home, Value(tail), output_field=TextField())
    return _with_page_snippets(SuccessStoryPage.objects.filter(slug=slug, url_path=url_path), using=using)[:1]


STORY_AT_PATH = CompiledQuery(
    lambda home_url_path, tail, slug, *, using, annotations: stories_at_path(
        home_url_path=home_url_path, tail=tail, slug=slug, using=using
    )
)


def _story_for_page(stories: QuerySet, *, using: str | None) -> SuccessStoryPage | None:
    return next(iter(_with_page_snippets(stories, using=using)[:1]), None)


def _with_page_snippets(stories: QuerySet, *, using: str | None) -> QuerySet[SuccessStoryPage]:
    # The hero's renditions come as a story annotation (story_rows,
    # HERO_RENDITION_ROWS), read by `hero_image`.
    return (
        stories.select_related("locale", "ministry", "issuing_office", "sector", "hero_image")
        # What feature apps' template tags show (visitor counter, PDF links).
        .annotate(**compiled_story_annotations(using or "default"))
        # One row at most: no ORDER BY, for which the ORM hashes every
        # selected column's expression (a tenth of this query's cost).
        .order_by()
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
    translations = model.objects.filter(translation_key__in=keys, locale=locale).order_by()
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
    ).order_by()  # sorted below
    if select_related:
        linked_or_translated = linked_or_translated.select_related(*select_related)
    return _chosen_in(linked_or_translated, locale)


def story_tags(story: SuccessStoryPage) -> list:
    """The story's tags, in the order they were added: read with the story by
    the route's query (`story_rows`), else by a query compiled once
    (`STORY_TAGS`); the tags in memory for a page rebuilt from a revision
    (previews)."""
    if story._state.adding or _held_in_memory(story, "tags"):
        return list(story.tags.all())
    rows = getattr(story, TAG_ROWS, _NOT_READ)
    if rows is not _NOT_READ:
        tagged = from_rows(StoryTag, rows, using=story._state.db or "default", select_related=("tag",))
        return [item.tag for item in sorted(tagged, key=lambda item: item.pk)]
    return STORY_TAGS(story.pk, using=story._state.db or "default")


def story_sellers(story: SuccessStoryPage) -> list:
    """The story's sellers in their order; as `story_tags`."""
    if story._state.adding or _held_in_memory(story, "sellers"):
        return list(story.sellers.all())
    rows = getattr(story, SELLER_ROWS, _NOT_READ)
    if rows is not _NOT_READ:
        sellers = from_rows(Seller, rows, using=story._state.db or "default")
        return sorted(sellers, key=lambda seller: (seller.sort_order is None, seller.sort_order, seller.pk))
    return STORY_SELLERS(story.pk, using=story._state.db or "default")


def _held_in_memory(story: SuccessStoryPage, relation: str) -> bool:
    """Whether modelcluster holds the relation on the instance (a page rebuilt
    from a revision, links added but not saved), read where its managers read
    it: building the tag manager to ask costs more than the query it saves."""
    held = getattr(story, "_cluster_related_objects", None)
    return bool(held) and _CLUSTER_NAMES.get(relation, relation) in held


# The tags live in modelcluster's holding area as their tagged items.
_CLUSTER_NAMES = {"tags": "tagged_items"}


# What the related managers query for a stored story (the same SQL).
STORY_TAGS = CompiledQuery(lambda pk, *, using: SuccessStoryPage(pk=pk).tags.all())
STORY_SELLERS = CompiledQuery(lambda pk, *, using: SuccessStoryPage(pk=pk).sellers.all())


def _story_snippets(story: SuccessStoryPage, relation: str, *, locale: Locale) -> list:
    """`localize_related` of a stored story's districts or products: read
    with the story by the route's query (`story_rows`), else by a query
    compiled once (`STORY_SNIPPETS`); a page rebuilt from a revision
    (previews) holds its links in memory instead."""
    if _held_in_memory(story, relation):
        return localize_taxonomy(
            getattr(story, relation).all(), locale=locale, select_related=SNIPPET_RELATIONS[relation]
        )
    using = story._state.db or "default"
    rows = getattr(story, SNIPPET_ROWS[relation], _NOT_READ)
    if rows is not _NOT_READ and story.locale_id == locale.pk:
        model = SuccessStoryPage._meta.get_field(relation).related_model
        found = from_rows(model, rows, using=using, select_related=SNIPPET_RELATIONS[relation])
        return _chosen_in(found, locale)
    return _chosen_in(STORY_SNIPPETS(story.pk, locale.pk, using=using, relation=relation), locale)


SNIPPET_RELATIONS = {"districts": ("state",), "products": ()}


def _linked_or_translated(story_pk, locale_pk, *, using, relation) -> QuerySet:
    field = SuccessStoryPage._meta.get_field(relation)
    links = field.remote_field.through.objects.filter(**{f"{field.m2m_field_name()}_id": story_pk})
    target = field.m2m_reverse_field_name()
    found = field.related_model.objects.filter(
        Q(pk__in=links.values(f"{target}_id"))
        | Q(locale_id=locale_pk, translation_key__in=links.values(f"{target}__translation_key"))
    ).order_by()  # sorted by _chosen_in
    return found.select_related(*SNIPPET_RELATIONS[relation])


STORY_SNIPPETS = CompiledQuery(_linked_or_translated)

# The route's query reads the story's tags, sellers, districts and products
# with it, each as one JSON column (core.rows): four queries fewer on every
# story page. Registered by stories.apps as story annotations.
TAG_ROWS = "stories_tag_rows"
SELLER_ROWS = "stories_seller_rows"
SNIPPET_ROWS = {"districts": "stories_district_rows", "products": "stories_product_rows"}
_NOT_READ = object()


def story_rows() -> dict:
    """The annotations that read them: name -> builder of the expression
    (OuterRef("pk") and OuterRef("locale_id") are the story's)."""

    def snippets(relation):
        # `_linked_or_translated` of the story in hand: its links' subquery
        # sits one level further in than the snippets'.
        found = _linked_or_translated(
            OuterRef(OuterRef("pk")), OuterRef("locale_id"), using=None, relation=relation
        )
        return related_rows(found, select_related=SNIPPET_RELATIONS[relation])

    return {
        TAG_ROWS: lambda: related_rows(
            StoryTag.objects.filter(content_object_id=OuterRef("pk")), select_related=("tag",)
        ),
        SELLER_ROWS: lambda: related_rows(Seller.objects.filter(page_id=OuterRef("pk"))),
        SNIPPET_ROWS["districts"]: lambda: snippets("districts"),
        SNIPPET_ROWS["products"]: lambda: snippets("products"),
        HERO_RENDITION_ROWS: lambda: rendition_rows(OuterRef("hero_image_id")),
    }


def _chosen_in(linked_or_translated: Iterable, locale: Locale) -> list:
    """Of each snippet and its translations, the one in `locale`, else the
    linked one; sorted by name."""
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
        not_embargoed(public(SuccessStoryPage.objects.live()).filter(translation_key__in=keys, locale=locale))
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
    districts = _story_snippets(story, "districts", locale=locale)
    products = _story_snippets(story, "products", locale=locale)
    states = localize_taxonomy({d.state.translation_key: d.state for d in districts}.values(), locale=locale)
    return {"districts": districts, "states": states, "products": products}


# --- Public listings: filters, landing pages, related stories ----------------


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


def taxonomy_in_locale(model, *, locale: Locale, **lookup):
    """One taxonomy object in `locale`, or its source where untranslated."""
    found = model.objects.filter(**lookup).select_related("locale").order_by("pk")
    objects = list(found)
    if not objects:
        return None
    for obj in objects:
        if obj.locale_id == locale.pk:
            return obj
    return localize_taxonomy([objects[0]], locale=locale)[0]


def product_in_locale(product_id: int, *, locale: Locale) -> Product | None:
    product = Product.objects.filter(pk=product_id).first()
    if product is None:
        return None
    return localize_taxonomy([product], locale=locale)[0]


def released_stories(
    *,
    locale: Locale | int,
    index: Page | None = None,
    locale_index: bool = True,
    now=None,
    restricted: Sequence[str] | None = None,
) -> QuerySet[SuccessStoryPage]:
    """Live, public stories in `locale` whose embargo has passed, under
    `index` when given: what the listings show and `StoryCount` counts
    (stories.services.story_counts recounts from here).

    Without `locale_index`, SQLite may not read them by the page table's
    locale index (`NotIndexed`): without its statistics it would read a
    language's stories by it and sort them all; instead a listing walks
    ``story_posted_at_idx`` (and stops after a page) and a facet's count
    starts from the facet's links.

    `now` and `restricted` (the restricted paths) for a query compiled
    with them (core.compiled.CompiledQuery); read here otherwise."""
    stories = public(SuccessStoryPage.objects.live(), paths=restricted)
    locale_pk = locale if isinstance(locale, int) else locale.pk
    if locale_index:
        stories = stories.filter(locale_id=locale_pk)
    else:
        stories = stories.alias(listing_locale=NotIndexed(F("locale_id"))).filter(listing_locale=locale_pk)
    if index is not None:
        # Stories sit right under their index (parent_page_types), so the path
        # prefix is child_of without its depth test, which SQLite would
        # rather satisfy by scanning every page.
        stories = stories.filter(path__startswith=index.path)
    return not_embargoed(stories, now=now)


# Below this many stories, a filtered listing starts from its facet's links
# (and sorts them) rather than walk the whole index in posted_at order.
FACET_FIRST_BELOW = 500


def _one_of(related: QuerySet) -> IsNull:
    """The story in hand has a row in `related` (correlated): a test of the
    row being read, which PostgreSQL may not turn into a join over the whole
    facet the way it may an EXISTS (a scalar subquery is never pulled up),
    so a listing walks ``story_posted_at_idx`` there as on SQLite."""
    return IsNull(Subquery(related.order_by().values("pk")[:1]), False)


def listing_stories(
    *,
    locale: Locale,
    index: Page | None = None,
    filters: StoryFilters | None = None,
    facet_first: bool = False,
) -> QuerySet[SuccessStoryPage]:
    """The stories the index, its landing pages and the home page list,
    newest first (by state, district, sector, product and tag), without joins or
    DISTINCT, read by walking ``story_posted_at_idx`` on SQLite and
    PostgreSQL alike: a page costs the same however many stories there are,
    when the filter matches a fair share of them (each filter is a test
    of the story in hand, `_one_of`). With `facet_first`, each filter is an IN
    list of its facet's stories instead, which the database reads first and
    sorts: for a small facet (`FACET_FIRST_BELOW`) or a combination of
    filters, which a walk could read to the end to find."""
    stories = released_stories(locale=locale, index=index, locale_index=False)
    filters = filters or StoryFilters()
    districts, products = SuccessStoryPage.districts.through, SuccessStoryPage.products.through

    def linked(through, field: str, **lookup):
        if facet_first:
            return Q(pk__in=through.objects.filter(**lookup).values(field))
        return _one_of(through.objects.filter(**{field: OuterRef("pk")}, **lookup))

    if filters.state is not None:
        key = filters.state.translation_key
        stories = stories.filter(
            linked(districts, "successstorypage_id", district__state__translation_key=key)
        )
    if filters.district is not None:
        key = filters.district.translation_key
        stories = stories.filter(linked(districts, "successstorypage_id", district__translation_key=key))
    if filters.sector is not None:
        sectors = Sector.objects.filter(translation_key=filters.sector.translation_key)
        if facet_first:
            stories = stories.filter(sector_id__in=sectors.values("pk"))
        else:
            stories = stories.filter(_one_of(sectors.filter(pk=OuterRef("sector_id"))))
    if filters.product is not None:
        key = filters.product.translation_key
        stories = stories.filter(linked(products, "successstorypage_id", product__translation_key=key))
    if filters.tag:
        stories = stories.filter(linked(StoryTag, "content_object_id", tag__slug=filters.tag))
    # What to load with them is the caller's: cards (`with_card_relations`), feeds.
    return stories.defer_streamfields().order_by("-posted_at", "-pk")


def listing_count(
    *, filters: StoryFilters, index: Page | None = None, locale: Locale | None = None
) -> int | None:
    """How many stories `listing_stories(index=index, filters=filters)` has,
    from `StoryCount` (one indexed row per index), when at most one filter
    is set: the index and each landing page. Without an index, the stories
    of `locale` under every index (the feeds). None for a combination of
    filters (the caller counts the listing itself)."""
    facets = [
        (kind, obj.translation_key)
        for kind, obj in (
            (StoryCount.Kind.STATE, filters.state),
            (StoryCount.Kind.DISTRICT, filters.district),
            (StoryCount.Kind.SECTOR, filters.sector),
            (StoryCount.Kind.PRODUCT, filters.product),
        )
        if obj is not None
    ]
    if filters.tag:
        facets.append((StoryCount.Kind.TAG, tag_key(filters.tag)))
    if len(facets) > 1:
        return None
    kind, key = facets[0] if facets else (StoryCount.Kind.ALL, ALL_STORIES)
    counts = StoryCount.objects.filter(kind=kind, key=key)
    if index is not None:
        found = counts.filter(index_id=index.pk).values_list("stories", flat=True)
        return next(iter(found), 0)
    return counts.filter(locale=locale).aggregate(stories=Sum("stories"))["stories"] or 0


def counted_listing(
    *, locale: Locale, filters: StoryFilters, index: Page | None = None
) -> tuple[QuerySet[SuccessStoryPage], int | None]:
    """`listing_stories` read the way its size suits, and its count when
    `StoryCount` knows it (`listing_count`): a small facet or a combination
    of filters starts from its facets' links (`facet_first`), anything else
    walks the date index. What the index, its landing pages and the feeds list."""
    count = listing_count(index=index, locale=locale, filters=filters)
    facet_first = count is None or (filters.active and count < FACET_FIRST_BELOW)
    stories = listing_stories(locale=locale, index=index, filters=filters, facet_first=facet_first)
    return stories, count


def _with_stories(model, kind: str, *, locale: Locale, select_related: tuple[str, ...] = ()) -> list:
    """The `model` snippets (one per translation key) that have stories in
    `locale` by `StoryCount`, in that language where translated, else their
    first version (the source). One query, whatever the number of stories."""
    keys = StoryCount.objects.filter(locale=locale, kind=kind).values("key")
    firsts = (
        model.objects.filter(translation_key__in=keys)
        .order_by()
        .values("translation_key")
        .annotate(first=Min("pk"))
        .values("first")
    )
    found = model.objects.filter(translation_key__in=keys).filter(Q(locale=locale) | Q(pk__in=firsts))
    chosen: dict = {}
    for obj in found.select_related(*select_related).order_by("pk"):
        if obj.translation_key not in chosen or obj.locale_id == locale.pk:
            chosen[obj.translation_key] = obj
    return list(chosen.values())


def filter_choices(*, locale: Locale) -> dict[str, list]:
    """The states, districts, sectors and products that have live stories in
    `locale`, named in that language (source names where untranslated).

    One query per kind (the states come with the districts), read from
    `StoryCount`, whatever the number of stories."""
    districts = _with_stories(District, StoryCount.Kind.DISTRICT, locale=locale, select_related=("state",))
    return {
        "states": _named(_states_of(districts, locale=locale)),
        "districts": _named(districts),
        "sectors": _named(_with_stories(Sector, StoryCount.Kind.SECTOR, locale=locale)),
        "products": _named(_with_stories(Product, StoryCount.Kind.PRODUCT, locale=locale)),
    }


def browse_choices(*, locale: Locale) -> dict[str, list]:
    """States and sectors with stories, for the home page: the filter
    choices without the districts and products it does not show. Two queries."""
    return {
        "states": _named(_with_stories(State, StoryCount.Kind.STATE, locale=locale)),
        "sectors": _named(_with_stories(Sector, StoryCount.Kind.SECTOR, locale=locale)),
    }


def _named(objects) -> list:
    return sorted(objects, key=lambda obj: obj.name)


def _states_of(districts: list, *, locale: Locale) -> list:
    return localize_taxonomy({d.state.translation_key: d.state for d in districts}.values(), locale=locale)


def related_stories(
    story: SuccessStoryPage,
    *,
    limit: int = 4,
    districts: list | None = None,
    products: list | None = None,
) -> list[SuccessStoryPage]:
    """Other stories in the same language that share a district, product or
    the sector, newest first. Pass the story's districts and products when
    already loaded (story_taxonomy) to save two queries; their hero images'
    renditions come with them (`hero_image`).

    Each condition is a test of the story row in hand (`_one_of`, on the
    link tables' unique (story, snippet) index), not a join over every link
    (170 ms at 20,000 stories on SQLite) nor an OR of EXISTS, which
    PostgreSQL hashes (every link of the district read, 22 ms): the stories
    are read newest first along the date index (`released_stories` without
    the locale index) and the read stops at `limit` matches."""
    found = RELATED_STORIES(
        *_taxonomy_keys(story, districts=districts, products=products),
        story.locale_id,
        story.translation_key,
        timezone.now(),
        using=story._state.db or "default",
        restricted=restricted_paths(),
        limit=limit,
    )
    return with_locale(found, story.locale)


def _related_stories(
    district_keys,
    product_keys,
    sector_keys,
    locale_pk,
    translation_key,
    now,
    *,
    using,
    restricted,
    limit,
) -> QuerySet[SuccessStoryPage]:
    candidates = (
        _sharing(
            district_keys,
            product_keys,
            sector_keys,
            locale_pk=locale_pk,
            translation_key=translation_key,
            using=using,
            now=now,
            restricted=restricted,
        )
        .defer_streamfields()
        .order_by("-posted_at", "-pk")
    )
    return with_card_relations(candidates)[:limit]


# Compiled once per number of districts and products (its ORM work was most
# of the related stories' cost).
RELATED_STORIES = CompiledQuery(_related_stories)


def _sharing_taxonomy(
    story: SuccessStoryPage, *, districts: list | None = None, products: list | None = None
) -> QuerySet[SuccessStoryPage]:
    """Released stories in `story`'s language, other than it, that share a
    district, product or its sector (the relation is symmetric)."""
    return _sharing(
        *_taxonomy_keys(story, districts=districts, products=products),
        locale_pk=story.locale_id,
        translation_key=story.translation_key,
        using=story._state.db or "default",
    )


def _taxonomy_keys(story: SuccessStoryPage, *, districts: list | None, products: list | None) -> tuple:
    """The translation keys of the story's districts, products and sector
    (read from the story unless given), as `_sharing` takes them."""
    if districts is None:
        districts = list(story.districts.all())
    if products is None:
        products = list(story.products.all())
    return (
        [d.translation_key for d in districts],
        [p.translation_key for p in products],
        [story.sector.translation_key] if story.sector_id else [],
    )


def _sharing(
    district_keys, product_keys, sector_keys, *, locale_pk, translation_key, using, now=None, restricted=None
) -> QuerySet[SuccessStoryPage]:
    match = RELATED_MATCH(using, district_keys, product_keys, sector_keys)
    return (
        released_stories(locale=locale_pk, locale_index=False, now=now, restricted=restricted)
        .filter(match)
        .exclude(translation_key=translation_key)
    )


def stories_showing(story: SuccessStoryPage, *, limit: int = 4) -> list[SuccessStoryPage]:
    """The released stories whose `related_stories` list `story`, counting it
    as released (a story being withdrawn was, until now): those sharing its
    taxonomy (the relation is symmetric) with fewer than `limit` other
    matches newer than it. One query for the candidates and one bounded read
    (`limit` rows, newest first) per candidate."""
    candidates = (
        _sharing_taxonomy(story)
        .defer_streamfields()
        .select_related("locale", "sector")
        .prefetch_related("districts", "products")
    )
    newer_than_story = Q(posted_at__gt=story.posted_at) | Q(posted_at=story.posted_at, pk__gt=story.pk)
    showing = []
    for candidate in candidates:
        newer = (
            _sharing_taxonomy(
                candidate, districts=list(candidate.districts.all()), products=list(candidate.products.all())
            )
            .exclude(translation_key=story.translation_key)
            .filter(newer_than_story)
            .order_by("-posted_at", "-pk")
            .values("pk")[:limit]
        )
        if len(newer) < limit:
            showing.append(candidate)
    return showing


def _related_match(district_keys, product_keys, sector_keys) -> Q:
    # The ids of the snippets' rows in every language are read once per query
    # (InSubquery), so each story in hand costs one probe of its link index
    # per relation: joining the snippet in each test read its table per story.
    match = Q(
        _one_of(
            SuccessStoryPage.districts.through.objects.filter(
                InSubquery(
                    F("district_id"), District.objects.filter(translation_key__in=district_keys).values("pk")
                ),
                successstorypage_id=OuterRef("pk"),
            )
        )
    ) | Q(
        _one_of(
            SuccessStoryPage.products.through.objects.filter(
                InSubquery(
                    F("product_id"), Product.objects.filter(translation_key__in=product_keys).values("pk")
                ),
                successstorypage_id=OuterRef("pk"),
            )
        )
    )
    if sector_keys:
        match |= Q(
            InSubquery(F("sector_id"), Sector.objects.filter(translation_key__in=sector_keys).values("pk"))
        )
    return match


# Its SQL changes only with the number of districts and products: compiled
# once per shape (half the ORM's work for the related stories).
RELATED_MATCH = CompiledFilter(
    SuccessStoryPage,
    _related_match,
    fields=(
        District._meta.get_field("translation_key"),
        Product._meta.get_field("translation_key"),
        Sector._meta.get_field("translation_key"),
    ),
)


def with_card_relations(stories: QuerySet) -> QuerySet:
    """What a story card shows, loaded with the stories: the sector, the hero
    image and its renditions (a JSON column, `hero_image()` sets them where
    the image tags read them; a prefetch was a query more). Not their locale:
    a listing is of one language, and a join to the locale table let SQLite
    drive the query from it (every story of the language by the locale
    index, then a sort) however the locale filter was written; callers give
    the cards their locale (`with_locale`)."""
    return (
        stories.select_related("hero_image", "sector")
        .only(*CARD_FIELDS)
        .annotate(**{HERO_RENDITION_ROWS: rendition_rows(OuterRef("hero_image_id"))})
    )


# What a story card (stories.context.story_cards) and its link read: a card's
# query builds a tenth of a story's columns, which costs the ORM less.
CARD_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "title",
    "translation_key",
    "locale",
    "live",
    "summary",
    "posted_at",
    "sector",
    "hero_image",
)


def images_in(value) -> Iterator[AbstractImage]:
    """The images a StreamField value holds, at any depth (reading a stream
    converts its blocks: one query for all of an image block's images)."""
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from images_in(child.value)
    elif isinstance(value, StructValue):
        for item in value.values():
            yield from images_in(item)
    elif isinstance(value, ListValue | list | tuple):
        for item in value:
            yield from images_in(item)


def with_renditions(images: Iterable[AbstractImage | None]) -> None:
    """Read the renditions of all these images in one query (those not read
    already), where the template tags would read each image's on its own.

    They go where Wagtail's `prefetch_renditions()` puts them
    (`prefetched_renditions`, which the image tags read first), each with its
    image set; the query is compiled once per number of images."""
    # By instance, not by pk: the hero may be the body's image too, loaded twice.
    unread = {
        id(image): image
        for image in images
        if image is not None
        and "renditions" not in getattr(image, "_prefetched_objects_cache", {})
        and not hasattr(image, "prefetched_renditions")
    }
    if not unread:
        return
    images = list(unread.values())
    by_image: dict[int, list] = {image.pk: [] for image in images}
    for rendition in IMAGE_RENDITIONS(sorted(by_image), using=images[0]._state.db or "default"):
        by_image[rendition.image_id].append(rendition)
    for image in reversed(images):  # the same image twice: its first instance is the renditions' image
        for rendition in by_image[image.pk]:
            rendition.image = image
        image.prefetched_renditions = list(by_image[image.pk])


IMAGE_RENDITIONS = CompiledQuery(
    lambda image_ids, *, using: get_image_model().get_rendition_model().objects.filter(image_id__in=image_ids)
)

# A story's hero image, and a card's, comes with its renditions: one JSON
# column of the story's or the cards' query (core.rows), read by `hero_image`.
HERO_RENDITION_ROWS = "stories_hero_rendition_rows"
_RENDITION_ROWS = "stories_rendition_rows"


def rendition_rows(image_id: Expression) -> Subquery:
    """Every rendition of the image `image_id` (an OuterRef) names, as rows."""
    return related_rows(get_image_model().get_rendition_model().objects.filter(image_id=image_id))


def _set_renditions(image: AbstractImage, rows) -> None:
    """The renditions read as `rows`, where Wagtail's `prefetch_renditions()`
    puts them (`prefetched_renditions`), each with its image set."""
    renditions = from_rows(image.get_rendition_model(), rows, using=image._state.db or "default")
    for rendition in renditions:
        rendition.image = image
    image.prefetched_renditions = renditions


def hero_image(story: SuccessStoryPage) -> AbstractImage | None:
    """The story's hero image, with the renditions its query read
    (`HERO_RENDITION_ROWS`: the route's and the cards' queries) in place."""
    image = story.hero_image
    rows = getattr(story, HERO_RENDITION_ROWS, _NOT_READ)
    if image is not None and rows is not _NOT_READ and not hasattr(image, "prefetched_renditions"):
        _set_renditions(image, rows)
    return image


def images_by_id(ids: Sequence[int], *, using: str = "default") -> dict[int, AbstractImage]:
    """The images with these ids, each with its renditions, in one query
    compiled once per number of images (a StreamField's image blocks:
    `blocks.body.StoryImageChooserBlock`)."""
    images = {}
    for image in IMAGES_WITH_RENDITIONS(sorted(set(ids)), using=using):
        _set_renditions(image, getattr(image, _RENDITION_ROWS))
        images[image.pk] = image
    return images


IMAGES_WITH_RENDITIONS = CompiledQuery(
    lambda ids, *, using: (
        get_image_model()
        .objects.filter(pk__in=ids)
        .annotate(**{_RENDITION_ROWS: rendition_rows(OuterRef("pk"))})
    )
)


def with_locale(stories: Iterable[SuccessStoryPage], locale: Locale) -> list[SuccessStoryPage]:
    """`stories` (all in `locale`) with their locale set, so reading it is
    no query."""
    stories = list(stories)
    for story in stories:
        if story.locale_id == locale.pk:
            story.locale = locale
    return stories


LANDING_KINDS = ("state", "district", "sector", "product")


def landing_object(kind: str, value, *, locale: Locale):
    """The taxonomy object a landing page (/stories/district/164/) is about."""
    if kind == "sector":
        return taxonomy_in_locale(Sector, locale=locale, slug=value)
    if kind == "product":
        return product_in_locale(int(value), locale=locale)
    model = {"state": State, "district": District}[kind]
    return taxonomy_in_locale(model, locale=locale, lgd_code=int(value))


@dataclass(frozen=True)
class LandingKey:
    """What names one taxonomy object's landing page in its URL, in every
    language: the LGD code or the slug (synchronised, so the same in every
    language), or for a product the id of its translation in that language,
    else of its English (or first) version: one canonical URL per language."""

    kind: str
    translation_key: object
    value: object
    by_code: dict[str, object]

    def value_in(self, language_code: str):
        return self.by_code.get(language_code, self.value)


_LANDING_FIELDS = {
    # kind: (the story's link to its translation key, to its URL value)
    "state": ("districts__state__translation_key", "districts__state__lgd_code"),
    "district": ("districts__translation_key", "districts__lgd_code"),
    "sector": ("sector__translation_key", "sector__slug"),
    "product": ("products__translation_key", None),
}


def _product_ids(translation_keys) -> dict[object, dict[str, int]]:
    rows = Product.objects.filter(translation_key__in=list(translation_keys)).values_list(
        "translation_key", "locale__language_code", "pk"
    )
    ids: dict[object, dict[str, int]] = {}
    for key, code, pk in rows.order_by("pk"):
        ids.setdefault(key, {}).setdefault(code, pk)
    return ids


def _product_key(translation_key, ids: dict[str, int], fallback=None) -> LandingKey:
    source = ids.get(registry.DEFAULT_CODE) or min(ids.values(), default=fallback)
    return LandingKey(kind="product", translation_key=translation_key, value=source, by_code=ids)


def landing_key(kind: str, obj) -> LandingKey:
    """The landing key of `obj` (a State, District, Sector or Product): no
    query, but one for a product (its translations' ids)."""
    if kind == "product":
        ids = _product_ids([obj.translation_key]).get(obj.translation_key, {})
        return _product_key(obj.translation_key, ids, fallback=obj.pk)
    value = getattr(obj, _LANDING_FIELDS[kind][1].rsplit("__", 1)[1])
    return LandingKey(kind=kind, translation_key=obj.translation_key, value=value, by_code={})


@dataclass(frozen=True)
class LandingWithStories:
    language_code: str
    key: LandingKey
    latest: object  # the newest publication among its stories (sitemap lastmod)


def landings_with_stories() -> list[LandingWithStories]:
    """Every landing page that lists at least one live, public, released
    story, in each language that has one (the sitemap). Five queries."""
    stories = not_embargoed(public(SuccessStoryPage.objects.live()))
    found: list[LandingWithStories] = []
    for kind, (key_field, value_field) in _LANDING_FIELDS.items():
        group = ["locale__language_code", key_field] + ([value_field] if value_field else [])
        rows = (
            stories.filter(**{f"{key_field}__isnull": False})
            .values(*group)
            .annotate(latest=Max("last_published_at"))
            .order_by(*group)
        )
        product_ids = _product_ids({row[key_field] for row in rows}) if kind == "product" else {}
        for row in rows:
            translation_key = row[key_field]
            if kind == "product":
                key = _product_key(translation_key, product_ids.get(translation_key, {}))
                if key.value is None:
                    continue
            else:
                key = LandingKey(
                    kind=kind, translation_key=translation_key, value=row[value_field], by_code={}
                )
            found.append(LandingWithStories(row["locale__language_code"], key, row["latest"]))
    return found


def story_index_for(story: SuccessStoryPage) -> StoryIndexPage | None:
    """The story index page a story sits under (its landing pages link there):
    no query when routing already found it (``StoryIndexPage.route``)."""
    parent = getattr(story, "_cached_parent_obj", None)
    if isinstance(parent, StoryIndexPage):
        return parent
    return StoryIndexPage.objects.filter(path=story.path[: -story.steplen]).first()


def release_header_anchors(*, locale: Locale | None = None) -> HeaderAnchors:
    """Every ministry and office name, in every language, that can anchor a
    release's header. Where two snippets read the same, the one in `locale`
    names the result (so the import finds it without a translation)."""

    def names(model) -> list[str]:
        rows = model.objects.values_list("name", "locale_id").order_by("pk")
        mine = [name for name, locale_id in rows if locale and locale_id == locale.pk]
        return mine + [name for name, _locale_id in rows]

    return HeaderAnchors.from_names(ministries=names(Ministry), offices=names(IssuingOffice))
