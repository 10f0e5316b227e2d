"""The full-page cache for anonymous readers.

Every cached page is stored with the tags it depends on (core.cache): the
tags its view declares (stories.invalidation names them: the story, the
index of a language, a landing page, the home pages) and those of the data
it remembers. Publishing, unpublishing or releasing a story moves only the
tags of what shows it (stories.invalidation.affected_by_story, after
commit), so other stories' pages stay cached; a taxonomy edit moves the
content generation, which every page depends on.

Across processes the cache must be shared (REDIS_URL): with the per-process
locmem cache, each gunicorn worker keeps its own copy.
"""

from __future__ import annotations

from django.conf import settings

from core.cache import changes_now, collecting, load, shared_cache, store

__all__ = ["cache_key", "cache_seconds", "changes_now", "collecting", "load", "page_cache", "store"]

page_cache = shared_cache


def cache_seconds() -> int:
    return settings.PUBLIC_PAGE_CACHE_SECONDS


def cache_key(*, host: str, full_path: str) -> str:
    return f"publiccache:{host}:{full_path}"
