"""Page reads without Wagtail's per-call restriction queries.

Wagtail's ``PageQuerySet.public()`` reads every PageViewRestriction each time
it is called (three or four times on a story page), and its serve hook reads
the page's ancestors and then their restrictions (two more queries). Private
sections are rare and change only in the admin, so the restricted pages'
paths are kept in the default cache, as Wagtail keeps its site root paths,
and forgotten whenever a restriction is saved or deleted or a page moves
(`forget_restrictions`, connected in core.apps; again after commit, so that
no request re-caches what a transaction is changing).

- `public(queryset)` is Wagtail's ``.public()`` with those paths: the same
  SQL (nothing added when no section is private), no query;
- `ViewRestrictionsByPath.get_view_restrictions()` answers "none" without a
  query when nothing is restricted, and asks Wagtail otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.cache import cache
from django.db import transaction
from django.db.models import Func, IntegerField, Q, QuerySet
from wagtail.models import Page, PageViewRestriction

# Forgotten on every change; the timeout only bounds a change rolled back
# after a request inside its transaction had cached it again.
STALE_AT_MOST_SECONDS = 300
RESTRICTED_PATHS_CACHE_KEY = "odop:restricted-page-paths"


def restricted_paths() -> tuple[str, ...]:
    """The paths of every page with a view restriction (usually none)."""
    paths = cache.get(RESTRICTED_PATHS_CACHE_KEY)
    if paths is None:
        # The pages by key from the restrictions, not a join: SQLite keeps no
        # statistics for an empty table and would read every page to find none.
        restricted = Page.objects.filter(pk__in=PageViewRestriction.objects.values("page_id"))
        paths = sorted(set(restricted.values_list("path", flat=True)))
        cache.set(RESTRICTED_PATHS_CACHE_KEY, paths, timeout=STALE_AT_MOST_SECONDS)
    return tuple(paths)


def forget_restrictions(**kwargs) -> None:
    cache.delete(RESTRICTED_PATHS_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(RESTRICTED_PATHS_CACHE_KEY))


def public(queryset: QuerySet, *, paths: Sequence[str] | None = None) -> QuerySet:
    """`queryset` (of pages) without the pages in a private section, inclusive:
    Wagtail's ``.public()``, without its query. `paths`: the restricted
    paths, read by the caller (a query compiled with them keys its SQL by
    them, core.compiled.CompiledQuery)."""
    private = Q()
    for path in restricted_paths() if paths is None else paths:
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset


class ViewRestrictionsByPath:
    """Mixin for page models: no restriction query while no page is restricted."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class NotIndexed(Func):
    """An integer column SQLite's planner may not search by index (SQLite's
    unary plus); the plain column elsewhere. For a filter that matches a large
    share of the page table (a page's locale): SQLite, without statistics,
    would rather read every page of that locale by its index and sort them
    than walk the index of the order asked for. PostgreSQL keeps its
    estimates."""

    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="+%(expressions)s", **extra_context)

    def as_sql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="%(expressions)s", **extra_context)
