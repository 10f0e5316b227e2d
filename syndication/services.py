"""Writes: partners and keys, versions and tombstones, the pickup log."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.readonly import tolerate_read_only
from languages import registry
from stories.models import SuccessStoryPage
from taxonomy.models import State

from .models import ApiKey, CanceledItem, FeedPosition, FetchRecord, ItemVersion, Partner, PrintRecord

KEY_PREFIX_LENGTH = 8
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


# --- Keys ------------------------------------------------------------------------


def hash_secret(*, secret: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{secret}".encode()).hexdigest()


@dataclass(frozen=True)
class IssuedKey:
    api_key: ApiKey
    plaintext: str  # shown once, never stored


def arm_key(api_key: ApiKey) -> str:
    """Give an unsaved ApiKey a fresh prefix, salt and hash; return the plaintext."""
    prefix = secrets.token_hex(KEY_PREFIX_LENGTH // 2)
    secret = secrets.token_urlsafe(32)
    api_key.prefix = prefix
    api_key.salt = secrets.token_hex(16)
    api_key.hashed_secret = hash_secret(secret=secret, salt=api_key.salt)
    return f"{prefix}.{secret}"


def issue_key(*, partner: Partner, label: str = "", expires_in_days: int | None = None) -> IssuedKey:
    expires_at = timezone.now() + dt.timedelta(days=expires_in_days) if expires_in_days else None
    api_key = ApiKey(partner=partner, label=label, expires_at=expires_at)
    plaintext = arm_key(api_key)
    api_key.save()
    return IssuedKey(api_key=api_key, plaintext=plaintext)


def revoke_key(*, prefix: str) -> ApiKey:
    api_key = ApiKey.objects.filter(prefix=prefix).first()
    if api_key is None:
        raise ValidationError(f"No API key with prefix {prefix!r}.")
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])
    return api_key


class KeyRejected(Exception):
    """The presented key is missing, unknown, revoked or expired."""


def authenticate_key(*, presented: str) -> ApiKey:
    """The active ApiKey (with its partner) for a presented key, or KeyRejected."""
    prefix, _, secret = presented.partition(".")
    if not prefix or not secret or len(prefix) != KEY_PREFIX_LENGTH:
        raise KeyRejected("The API key is malformed: expected <prefix>.<secret>.")
    api_key = ApiKey.objects.select_related("partner").filter(prefix=prefix).first()
    if api_key is None or not hmac.compare_digest(
        api_key.hashed_secret, hash_secret(secret=secret, salt=api_key.salt)
    ):
        raise KeyRejected("The API key is unknown.")
    now = timezone.now()
    if api_key.revoked_at and api_key.revoked_at <= now:
        raise KeyRejected("The API key was revoked.")
    if api_key.expires_at and api_key.expires_at <= now:
        raise KeyRejected("The API key has expired.")
    if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_RESOLUTION:
        # At most one write a minute per key; skipped on a read-only database.
        with tolerate_read_only("API keys' last use"):
            ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now
    return api_key


# --- Partners --------------------------------------------------------------------


def _checked_languages(codes: Iterable[str]) -> list[str]:
    codes = [code.strip() for code in codes if code.strip()]
    unknown = [code for code in codes if code not in registry.BY_CODE]
    if unknown:
        raise ValidationError(
            f"Unknown language code(s): {', '.join(unknown)}. Known: {', '.join(registry.ALL_CODES)}."
        )
    if not codes:
        raise ValidationError("A partner needs at least one language.")
    return list(dict.fromkeys(codes))


def _states_by_reference(references: Iterable[str]) -> list[State]:
    """States named by LGD code or English name, case-insensitively."""
    found, missing = [], []
    for reference in (ref.strip() for ref in references if ref.strip()):
        query = State.objects.filter(locale__language_code=registry.DEFAULT_CODE)
        state = (
            query.filter(lgd_code=int(reference)).first()
            if reference.isdecimal()
            else query.filter(name__iexact=reference).first()
        )
        (found if state else missing).append(state or reference)
    if missing:
        raise ValidationError(f"Unknown state(s): {', '.join(missing)} (give an LGD code or English name).")
    return found


@transaction.atomic
def create_partner(
    *,
    name: str,
    languages: Iterable[str],
    states: Iterable[str] = (),
    contact: str = "",
    may_see_embargoed: bool = False,
    expires_in_days: int | None = None,
) -> IssuedKey:
    """A new partner with its first key."""
    name = name.strip()
    if not name:
        raise ValidationError("A partner needs a name.")
    if Partner.objects.filter(name=name).exists():
        raise ValidationError(f"A partner named {name!r} exists already.")
    if expires_in_days is not None and expires_in_days <= 0:
        raise ValidationError("--expires must be a positive number of days.")
    partner = Partner.objects.create(
        name=name,
        contact=contact,
        languages=_checked_languages(languages),
        may_see_embargoed=may_see_embargoed,
    )
    partner.states.set(_states_by_reference(states))
    partner.save()
    return issue_key(partner=partner, expires_in_days=expires_in_days)


# --- Versions and tombstones -------------------------------------------------------


def record_publish(*, page: SuccessStoryPage) -> None:
    """A publish makes a new version and lifts any tombstone."""
    with transaction.atomic():
        updated = ItemVersion.objects.filter(page_id=page.pk).update(
            version=F("version") + 1, updated_at=timezone.now()
        )
        if not updated:
            # First publish we see: version 1 (pages imported without a publish count as 1 too).
            ItemVersion.objects.create(page_id=page.pk, version=1)
        CanceledItem.objects.filter(page_id=page.pk).delete()


def record_cancel(*, page: SuccessStoryPage) -> None:
    """Unpublishing or deleting leaves a tombstone one version up."""
    current = ItemVersion.objects.filter(page_id=page.pk).values_list("version", flat=True).first() or 1
    CanceledItem.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "translation_key": page.translation_key,
            "language": page.locale.language_code,
            "release_id": page.release_id,
            "headline": page.title[:500],
            "version": current + 1,
            "first_created": page.first_published_at or page.posted_at,
            "canceled_at": timezone.now(),
        },
    )


# --- Feed positions ----------------------------------------------------------------

# The story fields a feed position is computed from (a save naming none of them leaves it).
FEED_FIELDS = frozenset(
    {"live", "locale", "locale_id", "last_published_at", "first_published_at", "posted_at", "embargo_until"}
)


def feed_times(
    *, last_published_at, first_published_at, posted_at, embargo_until
) -> tuple[dt.datetime, dt.datetime]:
    """(published_at, visible_at) of a story: its last publish time (else its
    first, else its posting time), and the later of that and its embargo's end."""
    published_at = last_published_at or first_published_at or posted_at
    visible_at = max(published_at, embargo_until) if embargo_until else published_at
    return published_at, visible_at


def refresh_feed_positions(*, page_ids: Iterable[int] | None = None) -> int:
    """Make the feed positions of `page_ids` (None: every story) match their
    pages: one row per live story with its language and times, none for
    anything else. Returns how many rows were written or removed. Three
    queries for one page; in chunks for all (the backfill, the bench)."""
    stories = SuccessStoryPage.objects.filter(live=True)
    positions = FeedPosition.objects.all()
    if page_ids is not None:
        page_ids = list(page_ids)
        stories, positions = stories.filter(pk__in=page_ids), positions.filter(page_id__in=page_ids)
    wanted = {}
    rows = stories.values_list(
        "pk", "locale__language_code", "last_published_at", "first_published_at", "posted_at", "embargo_until"
    )
    for pk, language, last, first, posted, embargo in rows.iterator(chunk_size=2000):
        times = feed_times(
            last_published_at=last, first_published_at=first, posted_at=posted, embargo_until=embargo
        )
        wanted[pk] = (language, *times)
    existing = {
        pk: (language, published_at, visible_at)
        for pk, language, published_at, visible_at in positions.values_list(
            "page_id", "language", "published_at", "visible_at"
        ).iterator(chunk_size=2000)
    }
    gone = [pk for pk in existing if pk not in wanted]
    for start in range(0, len(gone), 500):
        FeedPosition.objects.filter(page_id__in=gone[start : start + 500]).delete()
    changed = [
        FeedPosition(page_id=pk, language=language, published_at=published_at, visible_at=visible_at)
        for pk, (language, published_at, visible_at) in wanted.items()
        if existing.get(pk) != (language, published_at, visible_at)
    ]
    # An upsert: two saves of one page at once both end with its row.
    FeedPosition.objects.bulk_create(
        changed,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["language", "published_at", "visible_at"],
    )
    return len(gone) + len(changed)


# --- Pickup log ------------------------------------------------------------------


@dataclass(frozen=True)
class Fetch:
    page_id: int
    release_id: int | None
    language: str
    version: int


def record_fetches(*, partner_id: int, fetches: list[Fetch], at: dt.datetime) -> None:
    FetchRecord.objects.bulk_create(
        FetchRecord(
            partner_id=partner_id,
            page_id=fetch.page_id,
            release_id=fetch.release_id,
            language=fetch.language,
            version=fetch.version,
            fetched_at=at,
        )
        for fetch in fetches
    )


def record_print(
    *,
    partner: Partner,
    page: SuccessStoryPage,
    paper_name: str,
    edition: str,
    printed_on: dt.date,
    page_number: str,
    scan=None,
) -> PrintRecord:
    record = PrintRecord(
        partner=partner,
        page_id=page.pk,
        release_id=page.release_id,
        language=page.locale.language_code,
        paper_name=paper_name,
        edition=edition,
        printed_on=printed_on,
        page_number=page_number,
    )
    if scan is not None:
        record.scan.save(scan.name, scan, save=False)
    record.save()
    return record
