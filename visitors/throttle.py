"""Per-client beacon limit: a fixed window counted in the default cache
(shared by every process in production) with `add` and atomic `incr`."""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The reader's address: the last X-Forwarded-For hop when the request came
    through a trusted proxy (nginx appends the address it saw), else REMOTE_ADDR."""
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and remote in settings.VISITORS_TRUSTED_PROXIES:
        return forwarded.split(",")[-1].strip() or remote
    return remote


def retry_after(request) -> int | None:
    """None when this client may report another view; otherwise seconds to wait."""
    limit, period = settings.VISITORS_BEACON_RATE_LIMIT
    if limit <= 0:
        return None
    now = time.time()
    window = int(now // period)
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:24]
    key = f"visitors:beacon:{client}:{period}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=period + 1)
        count = 1
    if count > limit:
        return max(1, int((window + 1) * period - now + 0.999))
    return None
