"""Query-planner statistics: ANALYZE, so the database chooses its indexes
from what the tables hold.

PostgreSQL's autovacuum analyses tables as they change; SQLite never does on
its own, and without statistics its planner guesses: at 20,000 stories it read
a whole language's stories to sort them instead of walking the date index
(issue 16). `refresh()` runs on the scheduler's tick once a day
(`REFRESH_EVERY`), after a bulk load (`manage.py analyze_database`, the bench
dataset) and after `load_demo`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connections

REFRESH_EVERY = 24 * 3600
_GUARD_KEY = "operations:planner-statistics"


@dataclass(frozen=True)
class Refreshed:
    vendor: str
    seconds: float


def refresh(using: str = "default") -> Refreshed:
    connection = connections[using]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        # A full ANALYZE: 0.45 s at 80,000 pages on SQLite. A sampled one
        # (PRAGMA analysis_limit, as PRAGMA optimize uses) estimated a
        # thousand stories per language at 20,000 each, and the listings
        # went back to reading the whole table.
        cursor.execute("ANALYZE")
    return Refreshed(vendor=connection.vendor, seconds=round(time.perf_counter() - started, 3))


def refresh_if_due(using: str = "default") -> Refreshed | None:
    """`refresh()` at most once per REFRESH_EVERY across processes (the shared
    cache holds the guard; with a per-process cache each scheduler runs it)."""
    if not cache.add(_GUARD_KEY, True, REFRESH_EVERY):
        return None
    return refresh(using)
