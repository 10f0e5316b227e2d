"""ETag / Last-Modified for API answers, computed from item keys before any
item is serialized, so a 304 costs only the key query."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

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
