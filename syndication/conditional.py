"""ETag / Last-Modified for API answers, computed from item keys before any
item is serialized, so a 304 costs only the key query. Django's
get_conditional_response decides 304 (RFC 9110)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from core.cache import content_version

# Bump when the item format changes, so cached copies are refetched.
FORMAT_REVISION = "ninjs-3.1/1"


def etag_for(*parts) -> str:
    """The content version (core.cache: the generation and ANY_CONTENT) is
    part of every ETag: what an item carries can
    change without a new version (its PDFs finish rendering, a taxonomy name)."""
    canonical = json.dumps([FORMAT_REVISION, content_version(), *parts], sort_keys=True, default=str)
    return '"' + hashlib.sha256(canonical.encode()).hexdigest()[:32] + '"'


def set_validators(response, *, etag: str, last_modified: dt.datetime | None) -> None:
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Cache-Control"] = "private, no-cache"
    response["Vary"] = "Authorization, Accept-Encoding"


def conditional_response(request, *, etag: str, last_modified: dt.datetime | None) -> HttpResponse | None:
    """Django's answer to the request's preconditions: a 304 carrying the
    validators (If-None-Match, weak comparison, wins over If-Modified-Since),
    or None when the full answer is due."""
    validators = HttpResponse()
    set_validators(validators, etag=etag, last_modified=last_modified)
    answer = get_conditional_response(
        request,
        etag=etag,
        last_modified=int(last_modified.timestamp()) if last_modified else None,
        response=validators,
    )
    return None if answer is validators else answer


# --- Remembered validators -------------------------------------------------------
# A conditional request (If-None-Match / If-Modified-Since) first looks up the
# ETag that the same partner got for the same URL, so an unchanged poll is
# answered 304 without touching the stories. Entries die with the content
# content version (core.cache.content_version: any publish, unpublish, embargo lift, taxonomy
# edit, partner change) and after SYNDICATION_VALIDATOR_CACHE_SECONDS.


def _validators_key(request, partner_id: int) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"syndication:validators:{content_version()}:{partner_id}:{path}"


def remembered_response(request, *, partner_id: int) -> HttpResponse | None:
    """A 304 now, if the answer remembered for this partner and URL still matches."""
    if not (request.headers.get("If-None-Match") or request.headers.get("If-Modified-Since")):
        return None
    if not settings.SYNDICATION_VALIDATOR_CACHE_SECONDS:
        return None
    remembered = cache.get(_validators_key(request, partner_id))
    if not remembered:
        return None
    etag, last_modified = remembered
    return conditional_response(request, etag=etag, last_modified=last_modified)


def remember(request, *, partner_id: int, etag: str, last_modified: dt.datetime | None) -> None:
    timeout = settings.SYNDICATION_VALIDATOR_CACHE_SECONDS
    if timeout:
        cache.set(_validators_key(request, partner_id), (etag, last_modified), timeout)
