"""The content generation: one counter that every public cache keys on.

The page cache (publiccache), the per-page data cache (`remember`) and the
partner API's ETags (syndication) all put the current generation in their
keys. Publishing, unpublishing or editing taxonomy bumps it, so everything
derived from the old content is forgotten at once, in every process that
shares the cache (REDIS_URL in production).

If the counter is lost (a cache flush, an eviction), it restarts at a value
derived from the clock, so a key from before the loss is never reused.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "content:generation"


def shared_cache():
    return caches[settings.PUBLIC_PAGE_CACHE_ALIAS]


def _fresh_start() -> int:
    # Milliseconds since the epoch: larger than any counter value in use.
    return int(time.time() * 1000)


def current_generation() -> int:
    cache = shared_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _fresh_start(), timeout=None)
        generation = cache.get(GENERATION_KEY) or _fresh_start()
    return generation


def bump_generation() -> int:
    """Start a new generation; returns it."""
    cache = shared_cache()
    try:
        return cache.incr(GENERATION_KEY)
    except ValueError:  # the counter was lost: restart above every old value
        start = _fresh_start()
        cache.set(GENERATION_KEY, start, timeout=None)
        return start


def remember(*, name: str, parts: tuple, compute):
    """The value of `compute()` cached under the current generation, so a
    publish or unpublish forgets it together with the page cache. Used for
    the per-page data that does not depend on the reader (alternates,
    navigation, related stories); PUBLIC_DATA_CACHE_SECONDS = 0 turns it off."""
    seconds = settings.PUBLIC_DATA_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    key = f"publicdata:{current_generation()}:{name}:" + ":".join(str(part) for part in parts)
    cache = shared_cache()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=seconds)
    return value


def count_in_window(name: str, *, period: int, cache=None) -> tuple[int, int]:
    """Count one more event under `name` in the current fixed window of
    `period` seconds; (the count so far, seconds until the window ends).

    `add` creates the window's counter and `incr` counts atomically (Redis, or
    the database cache table), so every worker process counts into one number.
    """
    from django.core.cache import cache as default_cache

    cache = cache or default_cache
    now = time.time()
    window = int(now // period)
    key = f"{name}:{period}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=period + 1)
        count = 1
    return count, max(1, int((window + 1) * period - now + 0.999))
