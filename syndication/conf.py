"""Syndication settings, read when used (never at import time)."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULTS = {
    # Requests per key per period: "<count>/<second|minute|hour>".
    "SYNDICATION_RATE_LIMIT": "120/minute",
    "SYNDICATION_PAGE_SIZE": 50,
    "SYNDICATION_MAX_PAGE_SIZE": 100,
    # Largest scan a partner may attach to a print report.
    "SYNDICATION_SCAN_MAX_BYTES": 10 * 1024 * 1024,
    # Authority and date of the tag: URIs that name every item (RFC 4151).
    "SYNDICATION_URI_AUTHORITY": "pib.gov.in,2024",
    "SYNDICATION_COPYRIGHT_HOLDER": "Press Information Bureau, Government of India",
    "SYNDICATION_USAGE_TERMS": (
        "Free to publish, in print and online, with credit to PIB. "
        "Do not publish before the embargo time, if any."
    ),
    # Print rendition: this many millimetres wide at 300 dpi.
    "SYNDICATION_PRINT_WIDTH_MM": 180,
    # Seconds a serialized item stays cached (0: off). Keyed by version,
    # embargo and language versions, so only taxonomy renames wait for it.
    "SYNDICATION_ITEM_CACHE_SECONDS": 300,
    # Seconds a conditional poll may be answered 304 from the ETag remembered
    # for the same partner and URL (0: off). Publishing resets it at once.
    "SYNDICATION_VALIDATOR_CACHE_SECONDS": 10,
    # Dotted path to a function(*, pages, request) -> {page_id: [rendition dicts]}
    # that adds PDF renditions; skipped when its app is not installed.
    "SYNDICATION_PDF_RENDITIONS": "printing.syndication.pdf_renditions",
}

PERIODS = {"second": 1, "minute": 60, "hour": 3600}


def get(name: str):
    return getattr(settings, name, DEFAULTS[name])


def rate_limit() -> tuple[int, int]:
    """(requests, period in seconds) from SYNDICATION_RATE_LIMIT."""
    value = str(get("SYNDICATION_RATE_LIMIT"))
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(second|minute|hour)\s*", value)
    if not match:
        raise ImproperlyConfigured(
            f"SYNDICATION_RATE_LIMIT={value!r}: expected '<count>/<second|minute|hour>', e.g. '120/minute'"
        )
    return int(match.group(1)), PERIODS[match.group(2)]
