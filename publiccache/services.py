"""The full-page cache for anonymous readers.

Every cached page is stored under the current *generation*. Publishing or
unpublishing any page (a story, or one of its translations) bumps the
generation, so every page that might list or link it (the story, its
translations, the index, the home page, landing pages) is rendered afresh on
the next request. Simple and correct; a spike of readers costs one render
per page per publish.

Across processes the cache must be shared (REDIS_URL): with the default
per-process locmem cache, each gunicorn worker keeps its own copy.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "publiccache:generation"


def page_cache():
    return caches[getattr(settings, "PUBLIC_PAGE_CACHE_ALIAS", "default")]


def cache_seconds() -> int:
    return int(getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 300))


def current_generation() -> int:
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def invalidate_all_pages() -> int:
    """Start a new generation; returns it."""
    cache = page_cache()
    try:
        return cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)
        return 2


def cache_key(*, host: str, full_path: str, generation: int) -> str:
    return f"publiccache:{generation}:{host}:{full_path}"


def data_cache_seconds() -> int:
    return int(getattr(settings, "PUBLIC_DATA_CACHE_SECONDS", 300))


def remember(*, name: str, parts: tuple, compute):
    """The value of `compute()` cached under the current generation, so a
    publish or unpublish forgets it together with the page cache. Used for
    the per-page data that does not depend on the reader (alternates,
    navigation, related stories); 0 seconds turns it off."""
    seconds = data_cache_seconds()
    if seconds <= 0:
        return compute()
    key = f"publicdata:{current_generation()}:{name}:" + ":".join(str(part) for part in parts)
    cache = page_cache()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=seconds)
    return value
