"""Which Wagtail Site a request is for, without a query per request.

Wagtail's ``Site.find_for_request`` reads the Site table on every request.
The sites (a handful of rows, changed only by `configure_site` or the admin)
are kept in the default cache, as Wagtail keeps its site root paths, and
forgotten whenever a Site is saved or deleted (`forget_sites`, connected in
core.apps). The choice among them is Wagtail's own rule
(``wagtail.models.sites.get_site_for_hostname``).
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction
from django.http.request import split_domain_port
from wagtail.models import Site

# Forgotten on every change; the timeout only bounds a change rolled back
# after a request inside its transaction had cached it again.
STALE_AT_MOST_SECONDS = 300
SITES_CACHE_KEY = "odop:sites"


def _all_sites() -> list[dict]:
    sites = cache.get(SITES_CACHE_KEY)
    if sites is None:
        sites = list(
            Site.objects.values(
                "id", "hostname", "port", "site_name", "root_page_id", "is_default_site"
            ).order_by("id")
        )
        cache.set(SITES_CACHE_KEY, sites, timeout=STALE_AT_MOST_SECONDS)
    return sites


def forget_sites(**kwargs) -> None:
    cache.delete(SITES_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(SITES_CACHE_KEY))


def _choose(sites: list[dict], hostname: str, port: int) -> dict | None:
    """Wagtail's order: hostname and port, hostname and default, the default
    (unless exactly one other site has the hostname), the hostname alone."""

    def rank(site):
        if site["hostname"] == hostname and site["port"] == port:
            return 0
        if site["hostname"] == hostname and site["is_default_site"]:
            return 1
        if site["is_default_site"]:
            return 2
        return 3

    candidates = sorted((s for s in sites if s["hostname"] == hostname or s["is_default_site"]), key=rank)
    if not candidates:
        return None
    if len(candidates) == 1 or rank(candidates[0]) in (0, 1):
        return candidates[0]
    if rank(candidates[0]) == 2:
        return candidates[len(candidates) == 2]
    return None


def site_for_request(request) -> Site | None:
    """The request's Site, remembered on the request where Wagtail looks for it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        chosen = _choose(_all_sites(), hostname, int(port) if str(port).isdigit() else port)
        request._wagtail_site = Site(**chosen) if chosen else None
    return request._wagtail_site
