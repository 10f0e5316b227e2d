"""Serve anonymous readers from the page cache; mark pages cacheable.

Placed after SecurityMiddleware and ConditionalGetMiddleware (which adds the
ETag and answers If-None-Match with 304 for cached hits too)."""

from __future__ import annotations

from django.conf import settings
from django.utils.cache import patch_cache_control

from .services import cache_key, cache_seconds, changes_now, collecting, load, store

# Paths that are never cached: the admin, the beacon, documents, the partner
# API and its signed images (syndication handles its own conditional GETs),
# and the health check.
UNCACHED_PREFIXES = (
    "/healthz",
    "/admin/",
    "/django-admin/",
    "/visitors/",
    "/documents/",
    "/static/",
    "/media/",
    "/api/",
    "/images/",
)
# Vary headers a page may carry and still be shared between readers.
SHAREABLE_VARY = {"accept-language", "cookie", "accept-encoding"}


def _is_cacheable_request(request) -> bool:
    if request.method not in {"GET", "HEAD"}:
        return False
    if request.path.startswith(UNCACHED_PREFIXES) or "/feeds/" in request.path:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    # A reader with a session (an editor) gets fresh pages and the userbar.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _is_cacheable_response(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return (
        vary <= SHAREABLE_VARY
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = cache_seconds()
        if seconds <= 0 or not _is_cacheable_request(request):
            return self._mark(request, self.get_response(request), seconds=0)
        key = cache_key(host=request.get_host(), full_path=request.get_full_path())
        found = load(key)
        if found is not None:
            cached = found[0]
            cached["X-Cache"] = "HIT"
            return cached
        # Read before the page is loaded: a change committed during the
        # render keeps it out of the cache (core.cache.store).
        with collecting(changes_now()) as dependencies:
            response = self.get_response(request)
            response = self._mark(request, response, seconds=seconds)
            cacheable = _is_cacheable_response(response) and request.method == "GET"
            if cacheable and hasattr(response, "render") and callable(response.render):
                response.render()
        if cacheable:
            store(key, response, tags=dependencies.page_tags(), timeout=seconds, changes=dependencies.changes)
            response["X-Cache"] = "MISS"
        return response

    def _mark(self, request, response, *, seconds: int):
        cacheable = (
            seconds > 0
            and _is_cacheable_request(request)
            and response.status_code == 200
            and not response.cookies
            and not response.has_header("Cache-Control")
        )
        if cacheable:
            # Browsers revalidate after a minute (ETag -> 304); shared caches
            # (the CDN) keep the page for the configured time and are purged
            # on publish.
            patch_cache_control(response, public=True, max_age=60, s_maxage=seconds)
        return response
