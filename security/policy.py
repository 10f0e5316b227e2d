"""Content-Security-Policy directives for the public site and the admin.

Plain values only, no Django import: `cms/settings/base.py` builds the
policies with these functions (as it does `search.conf.search_backends`).

The public site takes no inline script or style at all, so its policy needs
no nonce: a page from the full-page cache or a CDN carries the same header as
a fresh one, and the ETag stays stable. The admin is Wagtail's and
wagtail-localize's own markup, which still has inline <script> (date
widgets, inline panels, the translation editor) and style attributes; its
policy allows inline code but nothing from another origin (NOTES.md).
"""

from __future__ import annotations

from urllib.parse import urlsplit

SELF = "'self'"
NONE = "'none'"
UNSAFE_INLINE = "'unsafe-inline'"

# Where the admin and its login pages live (cms/urls.py).
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def media_origins(
    *, media_url: str, bucket: str = "", endpoint_url: str = "", region: str = "", custom_domain: str = ""
) -> list[str]:
    """The origins public images come from besides our own: a CDN domain,
    an S3-compatible endpoint or AWS S3 itself, or an absolute MEDIA_URL."""
    origins = []
    if media_url.startswith(("https://", "http://")):
        parts = urlsplit(media_url)
        origins.append(f"{parts.scheme}://{parts.netloc}")
    if custom_domain:
        origins.append(f"https://{custom_domain}")
    elif bucket and endpoint_url:
        parts = urlsplit(endpoint_url)
        # Path-style (endpoint/bucket/key) and virtual-host style (bucket.endpoint/key).
        origins += [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{bucket}.{parts.netloc}"]
    elif bucket:
        origins.append(f"https://{bucket}.s3.amazonaws.com")
        if region:
            origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return origins


def public_policy(*, image_origins: list[str]) -> dict[str, list[str]]:
    """Everything from our own origin (images also from the media origins),
    nothing inline, no plugins, no framing."""
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *image_origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }


def admin_policy(*, image_origins: list[str]) -> dict[str, list[str]]:
    """Scripts and styles from our origin and inline (Wagtail's widgets need
    it), images also as data:/blob: (upload previews), the page preview framed
    by the admin itself; no other origin anywhere."""
    return {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *image_origins],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
