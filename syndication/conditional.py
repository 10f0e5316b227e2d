"""ETag / Last-Modified for API answers, computed from item keys before any
item is serialized, so a 304 costs only the key query."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.utils.http import http_date, parse_http_date_safe

# Bump when the item format changes, so cached copies are refetched.
FORMAT_REVISION = "ninjs-3.1/1"


def etag_for(*parts) -> str:
    canonical = json.dumps([FORMAT_REVISION, *parts], sort_keys=True, default=str)
    return '"' + hashlib.sha256(canonical.encode()).hexdigest()[:32] + '"'


def _strip_weak(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def not_modified(request, *, etag: str, last_modified: dt.datetime | None) -> bool:
    """RFC 9110: If-None-Match wins over If-Modified-Since (weak comparison)."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        if if_none_match.strip() == "*":
            return True
        return _strip_weak(etag) in {_strip_weak(tag) for tag in if_none_match.split(",")}
    if_modified_since = request.headers.get("If-Modified-Since")
    if if_modified_since and last_modified is not None:
        since = parse_http_date_safe(if_modified_since)
        return since is not None and int(last_modified.timestamp()) <= since
    return False


def set_validators(response, *, etag: str, last_modified: dt.datetime | None) -> None:
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Cache-Control"] = "private, no-cache"
    response["Vary"] = "Authorization, Accept-Encoding"


# --- Remembered validators -------------------------------------------------------
# A conditional request (If-None-Match / If-Modified-Since) first looks up the
# ETag that the same partner got for the same URL, so an unchanged poll is
# answered 304 without touching the stories. Entries die on any publish,
# unpublish, deletion or partner change (the generation counter moves) and
# after SYNDICATION_VALIDATOR_CACHE_SECONDS, which bounds how late a 304 can
# miss a change that no signal announces (an embargo running out).

GENERATION_KEY = "syndication:generation"


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 1, timeout=None)


def _validators_key(request, partner_id: int) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"syndication:validators:{generation()}:{partner_id}:{path}"


def remembered_not_modified(request, *, partner_id: int) -> tuple[str, dt.datetime | None] | None:
    """(etag, last_modified) if a remembered answer lets us reply 304 now."""
    if not (request.headers.get("If-None-Match") or request.headers.get("If-Modified-Since")):
        return None
    if not settings.SYNDICATION_VALIDATOR_CACHE_SECONDS:
        return None
    remembered = cache.get(_validators_key(request, partner_id))
    if remembered and not_modified(request, etag=remembered[0], last_modified=remembered[1]):
        return remembered
    return None


def remember(request, *, partner_id: int, etag: str, last_modified: dt.datetime | None) -> None:
    timeout = settings.SYNDICATION_VALIDATOR_CACHE_SECONDS
    if timeout:
        cache.set(_validators_key(request, partner_id), (etag, last_modified), timeout)
