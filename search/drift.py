"""Is the search index true? Live stories per locale in the database against
stories the search backend has indexed for that locale."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models.fields import CharField
from django.db.models.functions import Cast
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from stories.models import SuccessStoryPage

from . import selectors


@dataclass(frozen=True)
class LocaleDrift:
    language_code: str
    live: int
    indexed: int

    @property
    def missing(self) -> int:
        return self.live - self.indexed


def _indexed_in_database(locale_codes: list[str]) -> dict[str, int]:
    from modelsearch.conf import get_app_config
    from modelsearch.utils import get_descendants_content_types_pks

    index_entry = get_app_config().get_model("IndexEntry")
    live_ids = (
        SuccessStoryPage.objects.live()
        .filter(locale__language_code__in=locale_codes)
        .annotate(object_id_text=Cast("pk", CharField()))
    )
    indexed = set(
        index_entry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(SuccessStoryPage),
            object_id__in=live_ids.values("object_id_text"),
        ).values_list("object_id", flat=True)
    )
    return dict(
        Counter(live_ids.filter(object_id_text__in=indexed).values_list("locale__language_code", flat=True))
    )


def _indexed_in_cluster(backend, locale_codes: list[str]) -> dict[str, int]:
    from modelsearch.query import MatchAll

    counts = {}
    for locale in Locale.objects.filter(language_code__in=locale_codes):
        queryset = SuccessStoryPage.objects.live().filter(locale=locale)
        counts[locale.language_code] = backend.search(MatchAll(), queryset).count()
    return counts


def index_drift(*, backend_name: str = "default") -> list[LocaleDrift]:
    """One row per locale that has live stories or indexed ones."""
    live = selectors.live_story_counts_by_locale()
    codes = sorted(live)
    backend = get_search_backend(backend_name)
    # Elasticsearch / OpenSearch: ask the cluster; otherwise read the index table.
    in_cluster = hasattr(backend, "es")
    indexed = _indexed_in_cluster(backend, codes) if in_cluster else _indexed_in_database(codes)
    return [LocaleDrift(code, live.get(code, 0), indexed.get(code, 0)) for code in codes]
