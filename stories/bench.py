"""Story page and story index: render time through the WSGI handler, queries
per request and peak memory, per locale.

Runs on whatever live stories exist (``python manage.py bench`` builds them).
Each measurement cycles through stories spread over the whole listing, so a
slow query that grows with the number of stories shows up.
"""

from __future__ import annotations

import itertools

from django.test import Client, override_settings
from wagtail.models import Locale

from .models import StoryIndexPage
from .selectors import listing_stories

SAMPLE = 20  # different stories per locale
# Issue 16's target for the story page with both caches off: a median render
# of at most 9 ms (wall clock, in process) in at most 12 queries.
TARGET_MEDIAN_MS = 9
TARGET_QUERIES = 12


def _sample_paths(locale: Locale) -> list[str]:
    stories = listing_stories(locale=locale)
    total = stories.count()
    if not total:
        return []
    step = max(1, total // SAMPLE)
    picked = [stories[i] for i in range(0, total, step)][:SAMPLE]
    return [story.get_url() for story in picked]


def _cycling_get(client: Client, paths: list[str]):
    urls = itertools.cycle(paths)

    def get():
        path = next(urls)
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path} answered {response.status_code}")
        return response

    return get


def run(ctx) -> dict:
    # A render as a reader meets it after a publish: the full-page cache and
    # the per-page data cache both off. home/bench.py adds the cached cases.
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=0, PUBLIC_DATA_CACHE_SECONDS=0):
        return _run(ctx)


def _run(ctx) -> dict:
    client = Client()
    story_page, story_index, memory = {}, {}, {}
    for code in ctx.locales:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        paths = _sample_paths(locale)
        if paths:
            for path in paths:  # warm renditions and per-path caches once
                _cycling_get(client, [path])()
            story_page[code] = ctx.measure(_cycling_get(client, paths))
            memory[f"story_page.{code}"] = ctx.peak_memory_mb(_cycling_get(client, paths[:1]))
        index = StoryIndexPage.objects.live().filter(locale=locale).first()
        if index is not None:
            story_index[code] = ctx.measure_get(index.get_url())
            memory[f"story_index.{code}"] = ctx.peak_memory_mb(_cycling_get(client, [index.get_url()]))
    worst_median = max((s["median_ms"] for s in story_page.values()), default=None)
    worst_p95 = max((s["p95_ms"] for s in story_page.values()), default=None)
    worst_queries = max((s["queries"] for s in story_page.values()), default=None)
    return {
        "story_page": story_page,
        "story_index": story_index,
        "peak_memory_mb": memory,
        "story_page_worst": {"median_ms": worst_median, "p95_ms": worst_p95, "queries": worst_queries},
        "target": {"median_ms": TARGET_MEDIAN_MS, "queries": TARGET_QUERIES},
        "meets_target": worst_median is not None
        and worst_median <= TARGET_MEDIAN_MS
        and worst_queries <= TARGET_QUERIES,
    }
