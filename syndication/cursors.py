"""Opaque, signed pagination cursors.

A cursor holds the (visible_at, page id) of the last item served and a hash of
the filters it was made for, base64url-encoded and HMAC-signed with
SECRET_KEY (django.core.signing). A tampered or foreign cursor is refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from django.core import signing

SALT = "syndication.cursor.v1"


class BadCursor(ValueError):
    pass


def filters_fingerprint(filters: dict) -> str:
    canonical = json.dumps(filters, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def encode(*, visible_at: dt.datetime, page_id: int, fingerprint: str) -> str:
    signer = signing.Signer(salt=SALT, sep=".")
    return signer.sign_object([visible_at.isoformat(), page_id, fingerprint])


def decode(cursor: str, *, fingerprint: str) -> tuple[dt.datetime, int]:
    signer = signing.Signer(salt=SALT, sep=".")
    try:
        moment, page_id, made_for = signer.unsign_object(cursor)
        visible_at = dt.datetime.fromisoformat(moment)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadCursor("The cursor is malformed or was tampered with.") from error
    if made_for != fingerprint or not isinstance(page_id, int):
        raise BadCursor("The cursor was made for other filters; start again without it.")
    return visible_at, page_id
