"""The status report's totals (stories, and per language the stories published
and up to date), kept in the shared cache between requests.

They are aggregates over every filtered story (`selectors.status_summary`):
two GROUP BY queries whose cost grows with the number of stories and
languages, where the page of rows does not. An entry is keyed by the stories'
query (filters, a translator's languages) and the columns, under a token that
`forget` replaces whenever a page, a translation request, a translation
source or a language version is saved or deleted (signals.py): at once, so
the next request in this process counts again, and after the commit, so a
count taken from rows read before the commit is never read after it. Changes
that send no signal (bulk SQL, a district moved to another state) show after
`SUMMARY_SECONDS` at the latest.
"""

from __future__ import annotations

import hashlib
import uuid

from django.db.models import QuerySet
from wagtail.models import Locale

from core.cache import shared_cache

from .selectors import Summary, status_summary

TOKEN_KEY = "translations:summary:token"  # noqa: S105 (a cache key)
ENTRY_PREFIX = "translations:summary:"
SUMMARY_SECONDS = 600


def forget() -> None:
    """Every cached summary is out of date."""
    shared_cache().set(TOKEN_KEY, uuid.uuid4().hex, timeout=None)


def _token(cache) -> str:
    token = cache.get(TOKEN_KEY)
    if token is None:
        cache.add(TOKEN_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(TOKEN_KEY) or ""
    return token


def cached_status_summary(stories: QuerySet, *, locales: list[Locale]) -> Summary:
    """status_summary, from the cache when nothing changed since it was counted."""
    cache = shared_cache()
    token = _token(cache)
    identity = f"{token}|{[locale.pk for locale in locales]}|{stories.order_by().query}"
    key = ENTRY_PREFIX + hashlib.sha256(identity.encode()).hexdigest()
    found = cache.get(key)
    if found is not None:
        total, done = found
        return Summary(total=total, done=done)
    summary = status_summary(stories, locales=locales)
    if token:
        cache.set(key, (summary.total, summary.done), timeout=SUMMARY_SECONDS)
    return summary
