"""Opaque, signed pagination cursors.

A cursor holds the (visible_at, page id) of the last item served, the pages
served within the safety window before it, and a hash of the filters it was
made for, base64url-encoded and HMAC-signed with SECRET_KEY
(django.core.signing). A tampered or foreign cursor is refused.

The safety window: a publish stamps ``last_published_at`` when its
transaction starts and becomes visible when it commits, so a story can appear
with a time earlier than a cursor handed out meanwhile. The next page
therefore also takes stories up to SYNDICATION_CURSOR_SAFETY_SECONDS older
than the cursor that the cursor does not list as served.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import NamedTuple

from django.core import signing

SALT = "syndication.cursor.v1"
MAX_SEEN = 1000  # pages remembered per cursor; beyond, the oldest are forgotten


class BadCursor(ValueError):
    pass


class Position(NamedTuple):
    visible_at: dt.datetime
    page_id: int
    # (page id, visible_at as a POSIX timestamp) of pages served within the window.
    seen: tuple[tuple[int, float], ...] = ()


def filters_fingerprint(filters: dict) -> str:
    canonical = json.dumps(filters, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def encode(*, visible_at: dt.datetime, page_id: int, fingerprint: str, seen=()) -> str:
    signer = signing.Signer(salt=SALT, sep=".")
    return signer.sign_object([visible_at.isoformat(), page_id, fingerprint, [list(pair) for pair in seen]])


def decode(cursor: str, *, fingerprint: str) -> Position:
    signer = signing.Signer(salt=SALT, sep=".")
    try:
        moment, page_id, made_for, *rest = signer.unsign_object(cursor)
        visible_at = dt.datetime.fromisoformat(moment)
        seen = tuple((int(pid), float(at)) for pid, at in (rest[0] if rest else []))
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadCursor("The cursor is malformed or was tampered with.") from error
    if made_for != fingerprint or not isinstance(page_id, int):
        raise BadCursor("The cursor was made for other filters; start again without it.")
    return Position(visible_at, page_id, seen)


def next_position(keys, *, previous: Position | None, window: dt.timedelta) -> Position:
    """The cursor after `keys` (a page of ItemKeys, in order): the last key,
    and every page served within `window` before it, this page's and earlier."""
    last = keys[-1]
    floor = (last.visible_at - window).timestamp()
    seen = dict(previous.seen if previous else ())
    seen.update((key.page_id, key.visible_at.timestamp()) for key in keys if key.canceled is None)
    recent = sorted(((pid, at) for pid, at in seen.items() if at >= floor), key=lambda pair: pair[1])
    return Position(last.visible_at, last.page_id, tuple(recent[-MAX_SEEN:]))
