"""Per-client beacon limit: a fixed window in the shared cache
(core.cache.count_in_window), per client address (core.client_ip)."""

from __future__ import annotations

import hashlib

from django.conf import settings

from core.cache import count_in_window
from core.client_ip import client_ip


def retry_after(request) -> int | None:
    """None when this client may report another view; otherwise seconds to wait."""
    limit, period = settings.VISITORS_BEACON_RATE_LIMIT
    if limit <= 0:
        return None
    client = hashlib.sha256(client_ip(request).encode()).hexdigest()[:24]
    count, wait = count_in_window(f"visitors:beacon:{client}", period=period)
    return wait if count > limit else None
