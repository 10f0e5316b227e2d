"""The full-page cache for anonymous readers.

Every cached page is stored under the current content generation
(`core.cache`). Publishing or unpublishing any page moves the generation
(stories.signals, after commit), so
every page that might list or link it (the story, its translations, the
index, the home page, landing pages) is rendered afresh on the next request.

Across processes the cache must be shared (REDIS_URL): with the per-process
locmem cache, each gunicorn worker keeps its own copy.
"""

from __future__ import annotations

from django.conf import settings

from core.cache import current_generation, shared_cache

__all__ = ["cache_key", "cache_seconds", "current_generation", "page_cache"]

page_cache = shared_cache


def cache_seconds() -> int:
    return settings.PUBLIC_PAGE_CACHE_SECONDS


def cache_key(*, host: str, full_path: str, generation: int) -> str:
    return f"publiccache:{generation}:{host}:{full_path}"
