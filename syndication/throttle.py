"""Per-key rate limit: a fixed window counted in the shared cache.

`add` creates the window's counter and `incr` counts atomically, in Redis or
the database cache table, so every worker process counts into one number and
N workers never allow N times the limit. The first refused request of a
window logs one warning for its key; the others are silent (their 429s are
marked as logged, so Django's request logger stays quiet too).
"""

from __future__ import annotations

import logging

from core.cache import count_in_window

from . import conf

logger = logging.getLogger(__name__)


def check(*, key_prefix: str, cache=None) -> int | None:
    """None when the request may go on; otherwise seconds until the window ends."""
    limit, period = conf.rate_limit()
    count, retry_after = count_in_window(f"syndication:rate:{key_prefix}", period=period, cache=cache)
    if count <= limit:
        return None
    if count == limit + 1:  # exactly one process sees this value of the counter
        logger.warning(
            "API key %s exceeded %d requests per %d s; refusing until the window ends",
            key_prefix,
            limit,
            period,
        )
    return retry_after
