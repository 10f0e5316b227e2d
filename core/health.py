"""GET /healthz: 200 when this process reaches the database and the shared
cache, 503 (with what failed) otherwise. Never cached: Cache-Control says
no-store, and the page cache skips the path. Answered over plain http even
with SECURE_SSL_REDIRECT (production settings), for load balancers and the
systemd units in deploy/.

Feature apps add checks with `register_check(name, check)` in their
AppConfig.ready() (operations adds storage, worker and queue). Such a check
returns "ok" or a sentence; anything else than "ok" makes the answer
"degraded", still 200: a load balancer must not pull every web process
because the task worker died. Only the database and the cache answer 503."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# name -> callable returning "ok" or what is wrong; never decides the status code.
_extra_checks: dict[str, Callable[[], str]] = {}


def register_check(name: str, check: Callable[[], str]) -> None:
    """Add a non-critical check to /healthz (idempotent by name)."""
    _extra_checks[name] = check


def extra_states() -> dict[str, str]:
    states = {}
    for name, check in _extra_checks.items():
        try:
            states[name] = check()
        except Exception as error:
            logger.exception("health: check %s failed", name)
            states[name] = f"error: {type(error).__name__}"
    return states


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
    extra = extra_states() if healthy else {}
    status = "unavailable" if not healthy else "ok" if all(s == "ok" for s in extra.values()) else "degraded"
    return JsonResponse({"status": status, **states, **extra}, status=200 if healthy else 503)
