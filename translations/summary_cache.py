"""The status report's totals (stories, and per language the stories published
and up to date), kept in the shared cache between requests.

They are aggregates over every filtered story (`selectors.status_summary`):
two GROUP BY queries whose cost grows with the number of stories and
languages, where the page of rows does not (0.5 s of SQL at 20,000 stories x
23 languages on SQLite). An entry is keyed by the report's query (filters, a
translator's languages) and its columns. It carries the token it was counted
under; `forget` replaces the token whenever a page, a translation request, a
translation source or a language version is saved or deleted (signals.py):
at once, so the next request in this process sees the change, and after the
commit, so a count taken from rows read before the commit is never read
after it. Changes that send no signal (bulk SQL, a district moved to another
state) show after `SUMMARY_SECONDS` at the latest.

An out-of-date entry is counted again in the request when its last count was
quick (`INLINE_COUNT_MS`: a small site, every test), so the totals are exact.
When counting took longer, the request shows the last totals with the time
they were counted, and the worker counts them again
(`tasks.recount_summary_task`, at most one per entry at a time): the first
request after a publish costs what the next ones do, whatever the size of
the site. Only an entry never counted is counted in the request whatever it
costs, and so is every entry when the worker's count could not reach this
process (a per-process cache, as in development, with a separate worker).
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import time
import uuid

from django.db import transaction
from django.utils import timezone
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.models import Locale

from core.cache import shared_across_processes, shared_cache

from .selectors import ReportQuery, Summary, report_stories, status_summary

TOKEN_KEY = "translations:summary:token"  # noqa: S105 (a cache key)
ENTRY_PREFIX = "translations:summary:"
SUMMARY_SECONDS = 600  # an entry older than this is out of date, signal or not
ENTRY_SECONDS = 7 * 24 * 3600  # an out-of-date entry is still shown while it is counted again
INLINE_COUNT_MS = 100.0  # a count that took longer is done again by the worker
RECOUNT_LOCK_SECONDS = 300  # a recount that died (worker killed) is asked for again after this


def forget() -> None:
    """Every cached summary is out of date."""
    shared_cache().set(TOKEN_KEY, uuid.uuid4().hex, timeout=None)


def _token(cache) -> str:
    token = cache.get(TOKEN_KEY)
    if token is None:
        cache.add(TOKEN_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(TOKEN_KEY) or ""
    return token


def entry_key(query: ReportQuery, locale_ids: list[int]) -> str:
    identity = json.dumps([dataclasses.asdict(query), locale_ids], sort_keys=True)
    return ENTRY_PREFIX + hashlib.sha256(identity.encode()).hexdigest()


def _count(cache, key: str, token: str, query: ReportQuery, locales: list[Locale]) -> Summary:
    started = time.perf_counter()
    summary = status_summary(report_stories(query, locales=locales), locales=locales)
    took_ms = (time.perf_counter() - started) * 1000
    if token:
        entry = (token, summary.total, summary.done, timezone.now().isoformat(), round(took_ms, 1))
        cache.set(key, entry, timeout=ENTRY_SECONDS)
    return summary


def cached_status_summary(query: ReportQuery, *, locales: list[Locale]) -> Summary:
    """The totals for `query`: from the cache when nothing changed since they
    were counted; else counted now, or, when counting is slow, the last ones
    (with `counted_at`) while the worker counts them again."""
    cache = shared_cache()
    token = _token(cache)
    locale_ids = [locale.pk for locale in locales]
    key = entry_key(query, locale_ids)
    found = cache.get(key)
    if found is None:
        return _count(cache, key, token, query, locales)
    counted_token, total, done, counted_at, took_ms = found
    counted_at = datetime.datetime.fromisoformat(counted_at)
    recent = timezone.now() - counted_at < datetime.timedelta(seconds=SUMMARY_SECONDS)
    if counted_token == token and recent:
        return Summary(total=total, done=done)
    from .tasks import recount_summary_task

    if took_ms <= INLINE_COUNT_MS or not _reaches_this_process(recount_summary_task):
        return _count(cache, key, token, query, locales)
    if cache.add(key + ":recount", True, timeout=RECOUNT_LOCK_SECONDS):
        arguments = {"query": dataclasses.asdict(query), "locale_ids": locale_ids}
        transaction.on_commit(lambda: recount_summary_task.enqueue(**arguments))
    return Summary(total=total, done=done, counted_at=counted_at)


def _reaches_this_process(task) -> bool:
    """Whether what `task` stores in the cache is read here: the cache is
    shared by every process, or the task runs in this one (the immediate
    backend, as in the tests)."""
    return shared_across_processes() or isinstance(task.get_backend(), ImmediateBackend)


def recount(*, query: dict, locale_ids: list[int]) -> Summary:
    """Count one entry's totals again and store them (the worker's side of
    cached_status_summary). Columns no longer enabled are left out."""
    cache = shared_cache()
    report_query = ReportQuery.from_dict(query)
    key = entry_key(report_query, locale_ids)
    try:
        order = {pk: index for index, pk in enumerate(locale_ids)}
        locales = sorted(Locale.objects.filter(pk__in=locale_ids), key=lambda locale: order[locale.pk])
        return _count(cache, key, _token(cache), report_query, locales)
    finally:
        cache.delete(key + ":recount")
