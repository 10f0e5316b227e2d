"""Benchmark suite for the public site (discovered by `manage.py bench`).

Times a story page, the story index and the home page through Django's whole
stack (middleware, routing, templates) with the caches off, then a story page
served from the anonymous page cache. The wrk + gunicorn load test is
scripts/loadtest.sh."""

from __future__ import annotations

from django.test import override_settings

from stories.models import SuccessStoryPage


def _story_paths(locales: list[str]) -> dict[str, str]:
    paths = {}
    for code in locales:
        story = (
            SuccessStoryPage.objects.live().filter(locale__language_code=code).order_by("-posted_at").first()
        )
        if story is not None:
            paths[code] = story.url
    return paths


def run(ctx) -> dict:
    from django.core.cache import cache

    results: dict = {}
    paths = _story_paths(ctx.locales)
    if not paths:
        return {"skipped": "no live stories"}
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=0, PUBLIC_DATA_CACHE_SECONDS=0):
        for code, path in paths.items():
            results[f"story_{code}_uncached"] = ctx.measure_get(path)
            index_path = path.rstrip("/").rsplit("/", 1)[0] + "/"
            results[f"index_{code}_uncached"] = ctx.measure_get(index_path)
            results[f"home_{code}_uncached"] = ctx.measure_get(f"/{code}/")
    code, path = next(iter(paths.items()))
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=0, PUBLIC_DATA_CACHE_SECONDS=300):
        cache.clear()
        results[f"story_{code}_data_cached"] = ctx.measure_get(path)
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=300, PUBLIC_DATA_CACHE_SECONDS=300):
        cache.clear()
        results[f"story_{code}_page_cached"] = ctx.measure_get(path)
        results["story_html_bytes"] = len(ctx.wsgi_get(path).content)
    return results
