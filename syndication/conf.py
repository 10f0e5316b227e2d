"""Syndication settings that need parsing, read when used (never at import time).

Every SYNDICATION_* default lives in cms/settings/base.py; code reads
`settings.SYNDICATION_*` directly.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PERIODS = {"second": 1, "minute": 60, "hour": 3600}


def rate_limit() -> tuple[int, int]:
    """(requests, period in seconds) from SYNDICATION_RATE_LIMIT."""
    value = str(settings.SYNDICATION_RATE_LIMIT)
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(second|minute|hour)\s*", value)
    if not match:
        raise ImproperlyConfigured(
            f"SYNDICATION_RATE_LIMIT={value!r}: expected '<count>/<second|minute|hour>', e.g. '120/minute'"
        )
    return int(match.group(1)), PERIODS[match.group(2)]
