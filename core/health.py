"""GET /healthz: 200 when this process reaches the database and the shared
cache, 503 (with what failed) otherwise. Never cached: Cache-Control says
no-store, and the page cache skips the path. Answered over plain http even
with SECURE_SSL_REDIRECT (production settings), for load balancers and the
systemd units in deploy/."""

from __future__ import annotations

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_state() -> str:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        logger.exception("health: database unreachable")
        return f"error: {type(error).__name__}"
    return "ok"


def cache_state() -> str:
    """Write, read back and delete a key in every cache the site shares."""
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        for alias in {"default", settings.PUBLIC_PAGE_CACHE_ALIAS}:
            cache = caches[alias]
            cache.set(key, "ok", timeout=10)
            if cache.get(key) != "ok":
                return f"error: {alias} did not keep a value"
            cache.delete(key)
    except Exception as error:
        logger.exception("health: cache unreachable")
        return f"error: {type(error).__name__}"
    return "ok"


@require_safe
@never_cache
def healthz(request):
    states = {"database": database_state(), "cache": cache_state()}
    healthy = all(state == "ok" for state in states.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **states}, status=200 if healthy else 503
    )
