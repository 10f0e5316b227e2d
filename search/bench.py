"""Search benchmark: p50/p95 of single-word, prefix (autocomplete) and
faceted queries per locale, and the time to rebuild the index.

Called by ``python manage.py bench`` after it has built N stories x L locales;
works on whatever live stories exist. Query words are taken from the stories
themselves, so every query finds something. The index is rebuilt first
(timed): the bench dataset is inserted without it.
"""

from __future__ import annotations

import time

from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from stories.models import SuccessStoryPage

from . import services
from .highlight import word_spans
from .normalize import fold, romanize
from .selectors import StoryFilters

MIN_WORD = 4  # characters; shorter words are mostly particles


def _query_words(language_code: str) -> tuple[str, str] | None:
    """A common word from a live story in this locale, and its first three characters."""
    story = (
        SuccessStoryPage.objects.live()
        .filter(locale__language_code=language_code)
        .exclude(summary="")
        .order_by("pk")
        .only("summary")
        .first()
    )
    if story is None:
        return None
    words = [story.summary[a:b] for a, b in word_spans(story.summary) if b - a >= MIN_WORD]
    if not words:
        return None
    return words[0], words[0][:3]


def _bench_locale(ctx, code: str) -> dict | None:
    words = _query_words(code)
    if words is None:
        return None
    word, prefix = words
    _script, romanized = romanize(fold(word))  # "" for a word in no Brahmic script (English, Urdu)
    first = services.search_stories(raw_query=word, language_code=code, filters=StoryFilters())
    sector = next((f.options[0].value for f in first.facets if f.name == "sector" and f.options), None)
    faceted = StoryFilters(sector=sector, year=None)
    measured = {
        "word": word,
        "prefix": prefix,
        "matches": first.total,
        "single_word": ctx.measure(
            lambda: services.search_stories(raw_query=word, language_code=code, filters=StoryFilters())
        ),
        "prefix_autocomplete": ctx.measure(
            lambda: services.autocomplete_stories(raw_query=prefix, language_code=code)
        ),
        "facet": ctx.measure(
            lambda: services.search_stories(raw_query=word, language_code=code, filters=faceted)
        ),
        "page_get": ctx.measure_get(f"/{code}/search/?q={word}", repeat=max(5, ctx.repeat // 5)),
    }
    if romanized:
        measured["romanized"] = romanized
        measured["romanized_matches"] = services.search_stories(
            raw_query=romanized, language_code=code, filters=StoryFilters()
        ).total
        measured["romanized_word"] = ctx.measure(
            lambda: services.search_stories(raw_query=romanized, language_code=code, filters=StoryFilters())
        )
    return measured


REINDEXED = 200  # stories timed through the indexer when the dataset made the index


def _indexed_stories() -> int:
    """Story entries in the database backend's index on SQLite (0 elsewhere)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return 0
    try:
        from modelsearch.backends.database.sqlite.sqlite import IndexEntry
        from modelsearch.utils import get_content_type_pk
    except ImportError:
        return 0
    if not hasattr(get_search_backend(), "newest_ids"):
        return 0
    return IndexEntry.objects.filter(content_type_id=get_content_type_pk(SuccessStoryPage)).count()


def run(ctx) -> dict:
    backend = get_search_backend()
    result = {"backend": f"{type(backend).__module__}.{type(backend).__name__}", "locales": {}}
    result["live_stories"] = SuccessStoryPage.objects.live().count()
    if _indexed_stories() >= result["live_stories"]:
        # The dataset indexed every story (SQLite: benchmarks.dataset.index_stories).
        # The indexer's own cost: the same REINDEXED stories through it at every size.
        sample = list(SuccessStoryPage.objects.live().order_by("pk")[:REINDEXED])
        index = backend.get_index_for_model(SuccessStoryPage)
        start = time.perf_counter()
        index.add_items(SuccessStoryPage, sample)
        result[f"reindex_{REINDEXED}_stories_s"] = round(time.perf_counter() - start, 2)
        ctx.log(
            f"search: {len(sample)} stories through the indexer in {result[f'reindex_{REINDEXED}_stories_s']} s"
        )
    else:
        # Inserted in bulk without the index: build it (timed) before the
        # queries, so they search every story.
        start = time.perf_counter()
        call_command("update_index", verbosity=0)
        result["rebuild_index_s"] = round(time.perf_counter() - start, 2)
        ctx.log(
            f"search: update_index over {result['live_stories']} stories took {result['rebuild_index_s']} s"
        )
    for code in ctx.locales:
        measured = _bench_locale(ctx, code)
        if measured is not None:
            result["locales"][code] = measured
            ctx.log(
                f"search[{code}] word p95 {measured['single_word']['p95_ms']} ms, "
                f"prefix p95 {measured['prefix_autocomplete']['p95_ms']} ms, "
                f"facet p95 {measured['facet']['p95_ms']} ms"
                + (
                    f", romanized ({measured['romanized']}) p95 {measured['romanized_word']['p95_ms']} ms"
                    if "romanized" in measured
                    else ""
                )
            )
    return result
