"""Per-key rate limit: a fixed window counted in the cache with atomic incr."""

from __future__ import annotations

import time

from django.core.cache import cache

from . import conf


def check(*, key_prefix: str) -> int | None:
    """None when the request may go on; otherwise seconds until the window ends."""
    limit, period = conf.rate_limit()
    now = time.time()
    window = int(now // period)
    cache_key = f"syndication:rate:{key_prefix}:{period}:{window}"
    cache.add(cache_key, 0, timeout=period + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=period + 1)
        count = 1
    if count > limit:
        return max(1, int((window + 1) * period - now + 0.999))
    return None
