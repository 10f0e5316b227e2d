"""One site URL: every absolute URL the site hands out comes from SITE_URL.

Canonical and hreflang links, the sitemap, og:image, Atom feeds, the partner
API and (through the Wagtail Site record) PDF QR codes all name the site by
its public origin, never by the Host header a request happens to carry: a
proxy, a health check or a crafted request must not change an identifier.

- `absolute_url(path)` and `page_url(page)` build URLs from settings.SITE_URL.
- `configure_default_site()` writes SITE_URL into the default Wagtail Site
  (hostname, port, and so the scheme), so that Wagtail's own
  `Page.get_full_url()` (sitemap locations, printing, the admin) agrees. It
  runs after every `migrate` (core.apps) and as `manage.py configure_site`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings


def site_url() -> str:
    """The public origin, without a trailing slash: "https://odop.example.gov.in"."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """`path` ("/hi/stories/x/", "/media/images/a.jpg") under SITE_URL. A URL
    that already names its origin (media on a CDN or in a bucket) is kept."""
    if urlsplit(path).scheme:
        return path
    if path.startswith("//"):
        return f"{urlsplit(site_url()).scheme}:{path}"
    if not path.startswith("/"):
        raise ValueError(f"absolute_url() takes a path starting with '/', not {path!r}")
    return site_url() + path


def page_url(page, *, request=None) -> str | None:
    """The public absolute URL of a Wagtail page, or None when it has none.
    `request` only lets Wagtail reuse the site root paths it looked up."""
    path = page.get_url(request=request)
    return absolute_url(path) if path else None


@dataclass(frozen=True)
class SiteAddress:
    hostname: str
    port: int


def site_address(url: str) -> SiteAddress:
    """Hostname and port of a Wagtail Site whose root_url is `url`; ValueError
    names what is wrong. Wagtail derives the scheme from the port (443 is
    https, anything else http), so https must use 443 and http must not."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise ValueError(f"SITE_URL must start with https:// or http://, not {url!r}")
    if not parts.hostname or ":" in parts.hostname or parts.username or parts.password:
        raise ValueError(
            f"SITE_URL must name a host name or IPv4 address, as in https://odop.example.gov.in, not {url!r}"
        )
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise ValueError(f"SITE_URL is an origin without a path, query or fragment, not {url!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if (parts.scheme == "https") != (port == 443):
        raise ValueError(
            f"SITE_URL {url!r}: a Wagtail Site serves https on port 443 only, and http on any other port"
        )
    return SiteAddress(hostname=parts.hostname.lower(), port=port)


def configure_default_site(*, using: str = "default"):
    """Point the default Wagtail Site at SITE_URL. Returns (site, changed);
    site is None when the database has no default site yet. Idempotent."""
    from wagtail.models import Site

    address = site_address(site_url())
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return None, False
    if (site.hostname, site.port) == (address.hostname, address.port):
        return site, False
    site.hostname, site.port = address.hostname, address.port
    site.save(using=using, update_fields=["hostname", "port"])
    return site, True
