"""Keeping `StoryCount` (how many stories each index lists, in all and per
facet) in step with the stories.

The rows are recounted, never incremented: a story's change recounts the
rows it can move (its index's total and each facet it has now or had before
the change) from `selectors.released_stories`, so a count is always what
the listing itself would count at that moment, and a missed change is
mended by the next one touching the same rows or by `rebuild_story_counts`
(``manage.py rebuild_story_counts``; the bench dataset calls it too).

Every entry point runs in the caller's transaction (stories.signals calls
`recount_story` on publish, unpublish, move and deletion, and
`lift_due_embargoes` on each embargo lift), so the counts commit or roll back
with the change. On PostgreSQL the recounts of one index take turns (a
transaction-scoped advisory lock): a recount waiting for another sees what
that one committed. SQLite has one writer at a time anyway.

What moves the counts without a story's publish has its own hook: a view
restriction saved or deleted, a page moved above the stories, a district
moved to another state and a taxonomy snippet or tag deleted rebuild the
indexes concerned.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count, QuerySet
from wagtail.models import Page

from taxonomy.models import District, Product

from ..models import StoryCount, StoryIndexPage, StoryTag, SuccessStoryPage
from ..models.listings import ALL_STORIES, tag_key
from ..selectors import released_stories

Kind = StoryCount.Kind

# kind: the stories' field holding the facet's value (translation key, tag slug)
FACET_FIELDS = {
    Kind.STATE: "districts__state__translation_key",
    Kind.DISTRICT: "districts__translation_key",
    Kind.SECTOR: "sector__translation_key",
    Kind.PRODUCT: "products__translation_key",
    Kind.TAG: "tags__slug",
}

_LOCK_CLASS = 0x0D09  # pg_advisory_xact_lock(class, index id): one index's recounts


def _key(kind: str, value) -> uuid.UUID:
    return tag_key(value) if kind == Kind.TAG else value


def _counted(index: StoryIndexPage, kind: str) -> QuerySet:
    # All stories: read by the locale's index; one facet's: from its links.
    return released_stories(locale=index.locale, index=index, locale_index=kind == Kind.ALL)


def _lock(index_ids: Iterable[int]) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for index_id in sorted(set(index_ids)):
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_CLASS, index_id])


def _count(index: StoryIndexPage, kind: str, values: Iterable | None = None) -> dict[uuid.UUID, int]:
    """{key: stories} for `kind` in `index` (only `values` when given), from the stories."""
    stories = _counted(index, kind)
    if kind == Kind.ALL:
        return {ALL_STORIES: stories.count()}
    field = FACET_FIELDS[kind]
    stories = stories.filter(**{f"{field}__isnull": False})
    if values is not None:
        stories = stories.filter(**{f"{field}__in": list(values)})
    rows = stories.order_by().values(field).annotate(stories=Count("pk", distinct=True))
    return {_key(kind, row[field]): row["stories"] for row in rows}


def _replace(index: StoryIndexPage, kind: str, values: Iterable | None = None) -> None:
    """Recount `kind`'s rows of `index` (only those of `values` when given)."""
    values = None if values is None else list(values)
    counts = _count(index, kind, values)
    rows = StoryCount.objects.filter(index_id=index.pk, kind=kind)
    if kind != Kind.ALL and values is not None:
        rows = rows.filter(key__in=[_key(kind, value) for value in values])
    rows.delete()
    StoryCount.objects.bulk_create(
        StoryCount(index_id=index.pk, locale_id=index.locale_id, kind=kind, key=key, stories=n)
        for key, n in counts.items()
        if n
    )


def story_facets(story_id: int) -> dict[str, set]:
    """The facet values a story's rows are under now: its districts' and
    their states' translation keys, its products', its sector's, its tags'
    slugs. Four small queries."""
    districts = District.objects.filter(stories=story_id).values_list(
        "translation_key", "state__translation_key"
    )
    sector = SuccessStoryPage.objects.filter(pk=story_id).values_list("sector__translation_key", flat=True)
    return {
        Kind.DISTRICT: {key for key, _state in districts},
        Kind.STATE: {state for _key, state in districts},
        Kind.SECTOR: {key for key in sector if key is not None},
        Kind.PRODUCT: set(Product.objects.filter(stories=story_id).values_list("translation_key", flat=True)),
        Kind.TAG: set(
            StoryTag.objects.filter(content_object_id=story_id).values_list("tag__slug", flat=True)
        ),
    }


def previous_facets(previous: dict | None) -> dict[str, set]:
    """The facet values of the taxonomy a story had before a save
    (stories.signals.remember_previous_taxonomy: sector, district, product
    ids and tag slugs)."""
    if not previous:
        return {}
    from taxonomy.models import Sector

    districts = District.objects.filter(pk__in=previous["districts"]).values_list(
        "translation_key", "state__translation_key"
    )
    return {
        Kind.DISTRICT: {key for key, _state in districts},
        Kind.STATE: {state for _key, state in districts},
        Kind.SECTOR: set(
            Sector.objects.filter(pk=previous["sector"]).values_list("translation_key", flat=True)
        )
        if previous["sector"]
        else set(),
        Kind.PRODUCT: set(
            Product.objects.filter(pk__in=previous["products"]).values_list("translation_key", flat=True)
        ),
        Kind.TAG: set(previous.get("tags", ())),
    }


def index_of(page: Page) -> int | None:
    """The id of the story index `page` sits under (by its path: no query
    when a caller has the page)."""
    return StoryIndexPage.objects.filter(path=page.path[: -page.steplen]).values_list("pk", flat=True).first()


def recount_story(
    story: SuccessStoryPage,
    *,
    facets: dict[str, set] | None = None,
    previous: dict | None = None,
    index_ids: Iterable[int] | None = None,
) -> None:
    """Recount every row `story`'s change can move: its index's total and
    each facet it has now (`facets`, else read from its links) or had before
    (`previous`), in its index (or each of `index_ids`: a move's old and new
    one). In the caller's transaction."""
    values = story_facets(story.pk) if facets is None else facets
    for kind, before in previous_facets(previous).items():
        values[kind] = values.get(kind, set()) | before
    ids = [index_of(story)] if index_ids is None else list(index_ids)
    with transaction.atomic():
        _lock(pk for pk in ids if pk is not None)
        for index in StoryIndexPage.objects.filter(
            pk__in=[pk for pk in ids if pk is not None]
        ).select_related("locale"):
            _replace(index, Kind.ALL)
            for kind, kind_values in values.items():
                if kind_values:
                    _replace(index, kind, kind_values)


def rebuild_story_counts(*, index_ids: Iterable[int] | None = None) -> int:
    """Recount every row of every story index (or of `index_ids`) from the
    stories. Returns the number of rows written."""
    indexes = StoryIndexPage.objects.select_related("locale").order_by("pk")
    if index_ids is not None:
        indexes = indexes.filter(pk__in=list(index_ids))
    with transaction.atomic():
        indexes = list(indexes)
        _lock(index.pk for index in indexes)
        for index in indexes:
            StoryCount.objects.filter(index_id=index.pk).delete()
            _replace(index, Kind.ALL)
            for kind in FACET_FIELDS:
                _replace(index, kind)
        return StoryCount.objects.filter(index_id__in=[index.pk for index in indexes]).count()


def indexes_around(path: str) -> list[int]:
    """The story indexes at or under the page at `path`, and the one above
    it (a restriction or move there changes which of their stories count)."""
    return [
        index.pk
        for index in StoryIndexPage.objects.only("path")
        if index.path.startswith(path) or path.startswith(index.path)
    ]
