"""Measuring tools shared by every benchmark suite.

A suite is a module named ``bench`` in any installed app (``stories/bench.py``,
``printing/bench.py``...) with a function ``run(ctx: BenchContext) -> dict``.
``python manage.py bench`` builds the dataset once, then calls every suite and
writes what they return under the app's label.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, reset_queries
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

MIN_SAMPLES = 10  # before a measurement may stop on its time budget


def summarize(samples_ms: list[float]) -> dict:
    """Median, p95, min, max of a list of milliseconds."""
    ordered = sorted(samples_ms)
    if not ordered:
        return {"n": 0}
    p95_index = max(0, min(len(ordered) - 1, round(0.95 * len(ordered)) - 1))
    return {
        "n": len(ordered),
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[p95_index], 2),
        "min_ms": round(ordered[0], 2),
        "max_ms": round(ordered[-1], 2),
    }


@dataclass
class BenchContext:
    stories: int
    locales: list[str]
    repeat: int = 50
    log: Callable[[str], None] = print
    # A measurement stops early once it has MIN_SAMPLES samples and has run
    # for budget_s seconds (0: never), so one slow page at a large size costs
    # seconds, not minutes; `n` in its summary says how many samples it got.
    budget_s: float = 0.0
    extra: dict = field(default_factory=dict)

    # Suites summarise their own samples with ctx.summarize(...), so that no
    # app imports the benchmarks app (it sits above them all).
    summarize = staticmethod(summarize)

    def measure(self, fn: Callable[[], object], *, repeat: int | None = None, warmup: int = 3) -> dict:
        """Time `fn` `repeat` times; return summarize() plus queries per call.

        Also records this process's CPU time per call (``cpu``: median/p95),
        which a busy machine inflates far less than wall-clock time. It
        includes SQLite's work (in process) but not PostgreSQL's (a server).
        """
        for _ in range(warmup):
            fn()
        samples = []
        cpu_samples = []
        queries = []
        started = time.perf_counter()
        for _ in range(repeat or self.repeat):
            if (
                self.budget_s
                and len(samples) >= MIN_SAMPLES
                and time.perf_counter() - started > self.budget_s
            ):
                break
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                cpu_start = time.process_time()
                fn()
                cpu_samples.append((time.process_time() - cpu_start) * 1000)
                samples.append((time.perf_counter() - start) * 1000)
            queries.append(len(captured.captured_queries))
        result = summarize(samples)
        result["queries"] = max(queries) if queries else 0
        cpu = summarize(cpu_samples)
        result["cpu"] = {"median_ms": cpu.get("median_ms"), "p95_ms": cpu.get("p95_ms")}
        return result

    def wsgi_get(self, path: str, **headers):
        """A GET through Django's full WSGI handler (middleware, URL routing)."""
        from django.test import Client

        return Client(**headers).get(path)

    def measure_get(self, path: str, *, repeat: int | None = None, expect: int = 200, **headers) -> dict:
        from django.test import Client

        client = Client(**headers)
        response = client.get(path)
        if response.status_code != expect:
            raise RuntimeError(f"GET {path} answered {response.status_code}, expected {expect}")
        return self.measure(lambda: client.get(path), repeat=repeat)

    def refresh_statistics(self) -> float:
        """The planner statistics refreshed, as after any bulk load (`manage.py
        analyze_database`), for a suite that adds rows in SQL; seconds taken.
        Without it SQLite's planner takes a table of millions for the few rows
        it held when the dataset was analysed."""
        from operations.services.statistics import refresh

        return refresh(connection.alias).seconds

    @staticmethod
    def peak_memory_mb(fn: Callable[[], object]) -> float:
        """Peak Python heap allocated while running `fn`, in MB (tracemalloc)."""
        gc.collect()
        tracemalloc.start()
        try:
            fn()
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        return round(peak / 1024 / 1024, 1)

    request_factory = RequestFactory()


__all__ = ["BenchContext", "summarize", "reset_queries"]
