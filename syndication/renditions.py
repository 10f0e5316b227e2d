"""Rendition links for images and (from the providers settings name) PDFs.

Image renditions are signed URLs to Wagtail's dynamic image view
(``wagtailimages_serve``): computing one needs no query, and the image file is
made on first request. The print rendition is sized for 300 dpi at
SYNDICATION_PRINT_WIDTH_MM (never upscaled).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.urls import NoReverseMatch
from django.utils.module_loading import import_string
from wagtail.images.views.serve import generate_image_url

logger = logging.getLogger(__name__)

WEB_MAX = 1280
MM_PER_INCH = 25.4
PRINT_DPI = 300


def print_width_px() -> int:
    return round(settings.SYNDICATION_PRINT_WIDTH_MM / MM_PER_INCH * PRINT_DPI)


def _scaled(width: int, height: int, *, max_width: int, max_height: int) -> tuple[int, int]:
    scale = min(1.0, max_width / width if width else 1.0, max_height / height if height else 1.0)
    return max(1, round(width * scale)), max(1, round(height * scale))


def image_renditions(image, *, absolute: Callable[[str], str]) -> list[dict]:
    """ninjs renditions of a Wagtail image: "web" and "print" (JPEG)."""
    width, height = image.width or 0, image.height or 0
    web_w, web_h = _scaled(width, height, max_width=WEB_MAX, max_height=WEB_MAX)
    target = print_width_px()
    if width > target:
        print_spec, (print_w, print_h) = (
            f"width-{target}|format-jpeg|jpegquality-90",
            _scaled(width, height, max_width=target, max_height=10**6),
        )
    else:
        print_spec, print_w, print_h = "original|format-jpeg|jpegquality-90", width, height
    try:
        web_url = generate_image_url(image, f"max-{WEB_MAX}x{WEB_MAX}|format-jpeg")
        print_url = generate_image_url(image, print_spec)
    except NoReverseMatch:  # pragma: no cover - the URL is part of cms/urls.py
        logger.error("wagtailimages_serve is not routed; image renditions left out")
        return []
    return [
        {
            "name": "web",
            "href": absolute(web_url),
            "contentType": "image/jpeg",
            "width": web_w,
            "height": web_h,
        },
        {
            "name": "print",
            "title": f"Print, {PRINT_DPI} dpi at {round(print_w / PRINT_DPI * MM_PER_INCH)} mm wide",
            "href": absolute(print_url),
            "contentType": "image/jpeg",
            "width": print_w,
            "height": print_h,
        },
    ]


# --- PDFs (from the apps named in SYNDICATION_PDF_RENDITIONS) ---------------------


def pdf_providers() -> list[Callable]:
    """The functions named in SYNDICATION_PDF_RENDITIONS, imported strictly:
    a name that does not import is an error (and a system check, checks.py)."""
    return [import_string(path) for path in settings.SYNDICATION_PDF_RENDITIONS]


def pdf_renditions(pages: list, *, request) -> dict[int, list[dict]]:
    """{page_id: [ninjs rendition dicts]} for the news-box and release PDFs.

    Each function named in SYNDICATION_PDF_RENDITIONS, called as
    ``provider(*, pages, request) -> {page_id: [rendition dicts]}``, must
    answer for all pages in a fixed number of queries. Each rendition is a
    dict of ninjs rendition fields ({"name": "newsbox-pdf", "title": ...,
    "contentType": "application/pdf", "format": ..., "sizeInBytes": ...,
    "href": public download}) plus PRIVATE_FIELDS: "revision", "file" (the
    stored file, for the API download), "filename", "pending" and, where the
    file's OutputIntent may name the partner's press profile, "with_profile"
    (``with_profile(name) -> bytes | None``; access.pdf_response). With none
    named, items carry no PDF renditions.
    """
    renditions: dict[int, list[dict]] = {}
    if not pages:
        return renditions
    for provider in pdf_providers():
        for page_id, found in (provider(pages=pages, request=request) or {}).items():
            renditions.setdefault(page_id, []).extend(found)
    return renditions


# Fields of a provider's rendition that are for syndication itself, never sent.
PRIVATE_FIELDS = ("revision", "file", "filename", "pending", "with_profile")


def ninjs_pdf_renditions(found: list[dict], *, href: Callable[[str, int], str]) -> tuple[list[dict], bool]:
    """(ninjs renditions of the ready PDFs, whether every PDF is ready).

    A PDF not rendered yet is left out: a ninjs 3.1 rendition has no status
    field. `href(name, revision)` is the partner API's own download, which
    checks the key and the grant (embargo included) on every request.
    """
    renditions = []
    for rendition in found:
        if rendition.get("pending"):
            continue
        public = {k: v for k, v in rendition.items() if k not in PRIVATE_FIELDS and k != "href"}
        renditions.append({**public, "href": href(rendition["name"], rendition["revision"])})
    return renditions, all(not rendition.get("pending") for rendition in found)


def feed_pdf_enclosures(found: list[dict]) -> list[tuple[str, int, str]]:
    """(href, length in bytes, type) of the ready PDFs, for Atom enclosures.
    The href is the public download, naming the revision (?revision=)."""
    return [
        (rendition["href"], rendition["sizeInBytes"], rendition["contentType"])
        for rendition in found
        if not rendition.get("pending") and rendition.get("href")
    ]


def find_pdf(page, name: str, *, request) -> dict | None:
    """The provider's rendition called `name` for one page (ready or pending), or None."""
    for rendition in pdf_renditions([page], request=request).get(page.pk, []):
        if rendition.get("name") == name:
            return rendition
    return None
