"""Reads for syndication: the stories a partner may take, in feed order.

Items are ordered by (visible_at, page id), ascending: a change feed. A new or
republished story gets a later ``visible_at`` and lands at the end, so a
cursor taken earlier never skips or repeats anything. ``visible_at`` is the
last publish time; for partners who may not see embargoed stories it is the
embargo's end when that is later (the moment the story became theirs).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db.models import DateTimeField, Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from wagtail.models import Page

from core.pages import public
from stories.models import SuccessStoryPage
from stories.selectors import not_embargoed
from taxonomy.models import District, Product, State

from .models import CanceledItem, FeedPosition, FetchRecord, Partner

DistrictLink = SuccessStoryPage.districts.through
ProductLink = SuccessStoryPage.products.through


@dataclass(frozen=True)
class StoryQuery:
    """What a partner asked for, already checked against its grant."""

    partner_id: int
    languages: tuple[str, ...]
    include_embargoed: bool = False
    state_keys: tuple[uuid.UUID, ...] = ()  # empty: every state
    district_keys: tuple[uuid.UUID, ...] = ()
    sector_slug: str | None = None
    product_key: uuid.UUID | None = None
    since: dt.datetime | None = None
    text: str | None = None
    release_id: int | None = None
    now: dt.datetime = field(default_factory=timezone.now)


@dataclass(frozen=True)
class ItemKey:
    """Enough about one item to order it, page it and compute an ETag."""

    visible_at: dt.datetime
    page_id: int
    version: int
    language: str
    release_id: int | None
    embargo_until: dt.datetime | None = None
    canceled: CanceledItem | None = None
    translation_key: uuid.UUID | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.visible_at, self.page_id)


def partner_state_keys(partner: Partner) -> frozenset[uuid.UUID]:
    return frozenset(partner.states.values_list("translation_key", flat=True))


def syndicated_pages(query: StoryQuery) -> QuerySet[SuccessStoryPage]:
    """Live stories matching the query, annotated with visible_at, in feed order.

    The order keys are the stories' stored feed positions (models.FeedPosition),
    so the database reads a language's stories along the index of that order
    and stops after the rows asked for, instead of computing and sorting the
    keys of every story. The other tests (live, public, embargo, filters) are
    checked on each candidate row.
    """
    position = "feed_position__published_at" if query.include_embargoed else "feed_position__visible_at"
    pages = public(SuccessStoryPage.objects.live()).filter(feed_position__language__in=query.languages)
    if not query.include_embargoed:
        pages = not_embargoed(pages, now=query.now)
    pages = pages.annotate(visible_at=F(position))
    if query.release_id is not None:
        pages = pages.filter(release_id=query.release_id)
    if query.state_keys:
        pages = pages.filter(
            Exists(
                DistrictLink.objects.filter(
                    successstorypage_id=OuterRef("pk"), district__state__translation_key__in=query.state_keys
                )
            )
        )
    if query.district_keys:
        pages = pages.filter(
            Exists(
                DistrictLink.objects.filter(
                    successstorypage_id=OuterRef("pk"), district__translation_key__in=query.district_keys
                )
            )
        )
    if query.product_key:
        pages = pages.filter(
            Exists(
                ProductLink.objects.filter(
                    successstorypage_id=OuterRef("pk"), product__translation_key=query.product_key
                )
            )
        )
    if query.sector_slug:
        pages = pages.filter(sector__slug=query.sector_slug)
    if query.text:
        pages = pages.filter(Q(title__icontains=query.text) | Q(summary__icontains=query.text))
    if query.since:
        pages = pages.filter(visible_at__gt=query.since)
    # The position's page id (= pk): ordered by the story's own pk column, SQLite
    # sorts for that second key (tests/test_feed_positions.py's plan test).
    return pages.order_by("visible_at", "feed_position__page")


@dataclass(frozen=True)
class FeedPositionDrift:
    unplaced: int  # live stories without a feed position, or with a stale one
    stray: int  # feed positions of pages not live, or stale


def feed_position_drift() -> FeedPositionDrift:
    """How far the stored feed positions are from the stories. Three counts."""
    published = Coalesce(
        F("last_published_at"), F("first_published_at"), F("posted_at"), output_field=DateTimeField()
    )
    live = SuccessStoryPage.objects.live()
    placed = live.annotate(
        computed_published=published,
        computed_visible=Greatest(
            published, Coalesce(F("embargo_until"), published), output_field=DateTimeField()
        ),
    ).filter(
        feed_position__language=F("locale__language_code"),
        feed_position__published_at=F("computed_published"),
        feed_position__visible_at=F("computed_visible"),
    )
    correct = placed.count()
    return FeedPositionDrift(unplaced=live.count() - correct, stray=FeedPosition.objects.count() - correct)


def _after(after: tuple | None, *, time_field: str, id_field: str, window: dt.timedelta | None = None) -> Q:
    """Rows after the cursor; with a window, also rows up to `window` older
    than it that the cursor does not list as served (a publish that committed
    late, with an earlier timestamp: see cursors.py). The first term repeats
    the earliest time any of them may have, so the index read starts there."""
    if after is None:
        return Q()
    moment, item_id = after[0], after[1]
    later = Q(**{f"{time_field}__gt": moment}) | Q(**{time_field: moment, f"{id_field}__gt": item_id})
    if not window:
        return Q(**{f"{time_field}__gte": moment}) & later
    served = [page_id for page_id, _ in (after[2] if len(after) > 2 else ())]
    late = Q(**{f"{time_field}__gte": moment - window, f"{time_field}__lte": moment}) & ~Q(
        **{f"{id_field}__in": served}
    )
    return Q(**{f"{time_field}__gte": moment - window}) & (later | late)


def canceled_items(query: StoryQuery) -> QuerySet[CanceledItem]:
    """Tombstones of stories this partner fetched. Taxonomy filters and text
    search do not apply: a withdrawal reaches everyone who took the story."""
    fetched = FetchRecord.objects.filter(partner_id=query.partner_id, page_id=OuterRef("page_id"))
    items = CanceledItem.objects.filter(language__in=query.languages).filter(Exists(fetched))
    if query.release_id is not None:
        items = items.filter(release_id=query.release_id)
    if query.since:
        items = items.filter(canceled_at__gt=query.since)
    return items.order_by("canceled_at", "page_id")


def story_key_rows(query: StoryQuery, *, after: tuple | None = None, window: dt.timedelta | None = None):
    """(visible_at, page id, version, language, release id, embargo, translation
    key) of the live stories after `after`, in feed order (a values_list)."""
    return (
        syndicated_pages(query)
        .filter(_after(after, time_field="visible_at", id_field="pk", window=window))
        .values_list(
            "visible_at",
            "pk",
            "syndication_version__version",
            "feed_position__language",
            "release_id",
            "embargo_until",
            "translation_key",
        )
    )


def _story_rows(query: StoryQuery, *, after, limit: int, window) -> list[tuple]:
    """The first `limit` rows of story_key_rows.

    One query per language asked for, each read along that language's index
    and stopped after `limit` rows, merged here: the index is ordered within
    one language only. One story (a release ID) is one query: its few rows
    (one per language) come by the release ID's index, ordered here.
    """
    if query.release_id is not None:
        found = list(story_key_rows(query, after=after, window=window).order_by())
    elif len(query.languages) == 1:
        return list(story_key_rows(query, after=after, window=window)[:limit])
    else:
        found = [
            row
            for code in query.languages
            for row in story_key_rows(replace(query, languages=(code,)), after=after, window=window)[:limit]
        ]
    found.sort(key=lambda row: (row[0], row[1]))
    return found[:limit]


def item_keys(
    query: StoryQuery, *, after: tuple | None = None, limit: int, window: dt.timedelta | None = None
) -> tuple[list[ItemKey], bool]:
    """One page of item keys (live stories and tombstones merged) and whether
    more follow. A query per language asked for (one for a single story) and
    one for tombstones. `after` is a cursors.Position (or a plain
    (visible_at, page id)); `window` the cursor's safety window."""
    rows = _story_rows(query, after=after, limit=limit + 1, window=window)
    keys = [
        ItemKey(
            visible_at=visible_at,
            page_id=pk,
            version=version or 1,
            language=language,
            release_id=release_id,
            embargo_until=embargo_until if embargo_until and embargo_until > query.now else None,
            translation_key=translation_key,
        )
        for visible_at, pk, version, language, release_id, embargo_until, translation_key in rows
    ]
    tombstones = canceled_items(query).filter(_after(after, time_field="canceled_at", id_field="page_id"))
    keys += [
        ItemKey(
            visible_at=item.canceled_at,
            page_id=item.page_id,
            version=item.version,
            language=item.language,
            release_id=item.release_id,
            canceled=item,
        )
        for item in tombstones[: limit + 1]
    ]
    keys.sort(key=lambda key: key.sort_key)
    return keys[:limit], len(keys) > limit


def pages_for_items(page_ids: list[int]) -> dict[int, SuccessStoryPage]:
    """Full story pages for serialization, with their one-to-one relations. One query."""
    pages = SuccessStoryPage.objects.filter(pk__in=page_ids).select_related(
        "locale", "hero_image", "sector", "issuing_office", "ministry", "syndication_version"
    )
    return {page.pk: page for page in pages}


@dataclass(frozen=True)
class TranslationLink:
    page_id: int
    language: str
    title: str


@dataclass(frozen=True)
class Place:
    name: str
    lgd_code: int


@dataclass(frozen=True)
class ProductInfo:
    name: str
    key: uuid.UUID
    has_gi_tag: bool


@dataclass
class StoryRelations:
    """Taxonomy and translations of a batch of stories, fetched in bulk, as
    plain values (no model instances)."""

    districts: dict[int, list[Place]]
    states: dict[int, list[Place]]
    products: dict[int, list[ProductInfo]]
    translations: dict[uuid.UUID, list[TranslationLink]]


def _names(model, keys: set, locale_ids: set) -> dict[tuple, str]:
    """{(translation_key, locale_id): name} for translated snippets. One query."""
    if not keys:
        return {}
    rows = model.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).values_list(
        "translation_key", "locale_id", "name"
    )
    return {(key, locale_id): name for key, locale_id, name in rows}


def translation_links(translation_keys) -> dict[uuid.UUID, list[TranslationLink]]:
    """The live language versions of each story. One query (core.pages.public:
    Wagtail's ``.public()`` would read the view restrictions each time, and
    SQLite plans that read over every page when there are none)."""
    translations: dict[uuid.UUID, list[TranslationLink]] = {}
    siblings = (
        public(Page.objects.live())
        .filter(translation_key__in=set(translation_keys))
        .order_by("locale__language_code")
        .values_list("pk", "translation_key", "locale__language_code", "title")
    )
    for pk, translation_key, language, title in siblings:
        translations.setdefault(translation_key, []).append(
            TranslationLink(page_id=pk, language=language, title=title)
        )
    return translations


def story_relations(pages: list[SuccessStoryPage], *, translations=None) -> StoryRelations:
    """Everything around `pages`, named in each page's own language.

    A fixed number of queries whatever the number of pages.
    """
    page_ids = [page.pk for page in pages]
    locale_of = {page.pk: page.locale_id for page in pages}
    locale_ids = set(locale_of.values())
    district_rows = list(
        DistrictLink.objects.filter(successstorypage_id__in=page_ids)
        .order_by("pk")
        .values_list(
            "successstorypage_id",
            "district__translation_key",
            "district__name",
            "district__lgd_code",
            "district__state__translation_key",
            "district__state__name",
            "district__state__lgd_code",
        )
    )
    product_rows = list(
        ProductLink.objects.filter(successstorypage_id__in=page_ids)
        .order_by("pk")
        .values_list(
            "successstorypage_id", "product__translation_key", "product__name", "product__has_gi_tag"
        )
    )
    district_names = _names(District, {row[1] for row in district_rows}, locale_ids)
    state_names = _names(State, {row[4] for row in district_rows}, locale_ids)
    product_names = _names(Product, {row[1] for row in product_rows}, locale_ids)

    districts: dict[int, list[Place]] = {pk: [] for pk in page_ids}
    states: dict[int, list[Place]] = {pk: [] for pk in page_ids}
    products: dict[int, list[ProductInfo]] = {pk: [] for pk in page_ids}
    for page_id, d_key, d_name, d_code, s_key, s_name, s_code in district_rows:
        locale_id = locale_of[page_id]
        districts[page_id].append(Place(district_names.get((d_key, locale_id), d_name), d_code))
        state = Place(state_names.get((s_key, locale_id), s_name), s_code)
        if state not in states[page_id]:
            states[page_id].append(state)
    for page_id, key, name, gi in product_rows:
        products[page_id].append(ProductInfo(product_names.get((key, locale_of[page_id]), name), key, gi))

    if translations is None:
        translations = translation_links(page.translation_key for page in pages)
    return StoryRelations(districts=districts, states=states, products=products, translations=translations)


def fetched_by_partner(*, partner_id: int, page_id: int) -> bool:
    return FetchRecord.objects.filter(partner_id=partner_id, page_id=page_id).exists()


@dataclass(frozen=True)
class PickupRow:
    release_id: int | None
    language: str
    headline: str
    fetched_by: str
    fetch_count: int
    printed_by: str


def pickup_report_rows(*, release_id: int | None = None, language: str | None = None) -> list[PickupRow]:
    """One row per story and language that any partner fetched or printed. Four queries."""
    from django.db.models import Count, Max

    from .models import PrintRecord

    fetches = FetchRecord.objects.all()
    prints = PrintRecord.objects.all()
    if release_id is not None:
        fetches, prints = fetches.filter(release_id=release_id), prints.filter(release_id=release_id)
    if language:
        fetches, prints = fetches.filter(language=language), prints.filter(language=language)
    fetched: dict[tuple, dict[str, int]] = {}
    last_fetch: dict[tuple, dt.datetime] = {}
    for row in fetches.values("release_id", "language", "partner__name").annotate(
        n=Count("id"), last=Max("fetched_at")
    ):
        key = (row["release_id"], row["language"])
        fetched.setdefault(key, {})[row["partner__name"]] = row["n"]
        last_fetch[key] = max(last_fetch.get(key, row["last"]), row["last"])
    printed: dict[tuple, list[str]] = {}
    for record in prints.select_related("partner").order_by("printed_on"):
        edition = f", {record.edition}" if record.edition else ""
        page = f", p. {record.page_number}" if record.page_number else ""
        printed.setdefault((record.release_id, record.language), []).append(
            f"{record.paper_name}{edition} ({record.partner.name}), {record.printed_on:%Y-%m-%d}{page}"
        )
    keys = set(fetched) | set(printed)
    release_ids = {key[0] for key in keys}
    headlines = {
        (rid, lang): title
        for rid, lang, title in SuccessStoryPage.objects.filter(release_id__in=release_ids).values_list(
            "release_id", "locale__language_code", "title"
        )
    }
    for rid, lang, title in CanceledItem.objects.filter(release_id__in=release_ids).values_list(
        "release_id", "language", "headline"
    ):
        headlines.setdefault((rid, lang), title)
    rows = [
        PickupRow(
            release_id=key[0],
            language=key[1],
            headline=headlines.get(key, ""),
            fetched_by=", ".join(f"{name} ({n})" for name, n in sorted(fetched.get(key, {}).items())),
            fetch_count=sum(fetched.get(key, {}).values()),
            printed_by="; ".join(printed.get(key, [])),
        )
        for key in keys
    ]
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    rows.sort(key=lambda row: last_fetch.get((row.release_id, row.language), epoch), reverse=True)
    return rows


# --- The newspaper portal (portal.py) ---------------------------------------------


def portal_stories(query: StoryQuery) -> QuerySet[SuccessStoryPage]:
    """The stories of ``syndicated_pages(query)`` (the API's own selector, so
    the portal lists exactly what the API would deliver), newest first, with
    what a list row shows."""
    return (
        syndicated_pages(query)
        .defer_streamfields()
        .select_related("locale")
        .only("id", "title", "summary", "release_id", "embargo_until", "locale__language_code", "posted_at")
        .order_by("-visible_at", "-feed_position__page")
    )


def partner_for_user(user) -> Partner | None:
    """The one partner a portal user signs in for, or None (not linked, or
    linked to more than one: refused rather than guessed)."""
    if not user.is_authenticated or not user.is_active:
        return None
    partners = list(Partner.objects.filter(users=user)[:2])
    return partners[0] if len(partners) == 1 else None


def partner_districts(partner: Partner, *, language_code: str) -> list[tuple[int, str]]:
    """(LGD code, name) of the districts in the partner's states (every state
    if it has none), named in `language_code` where translated, for the
    portal's filter. One query."""
    languages = {language_code, settings.LANGUAGE_CODE}
    districts = District.objects.filter(locale__language_code__in=languages)
    state_keys = partner_state_keys(partner)
    if state_keys:
        districts = districts.filter(state__translation_key__in=state_keys)
    names: dict[int, str] = {}
    for code, name, language in districts.values_list("lgd_code", "name", "locale__language_code"):
        if code not in names or language == language_code:
            names[code] = name
    return sorted(names.items(), key=lambda item: item[1])
