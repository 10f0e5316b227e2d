"""Run the benchmark: a throwaway database, the dataset, then every suite.

The database: by default the command never touches the configured one.
``throwaway_database`` creates a fresh, migrated database with Django's own
test-database machinery and points the connection at it: on SQLite a file
``var/bench-<pid>.sqlite3``, on PostgreSQL a database named ``<NAME>_bench`` on the
same server. It is dropped afterwards unless ``keep`` is set.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import platform
import resource
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test.utils import override_settings

from . import dataset
from .harness import BenchContext

FIRST_SUITES = ["stories"]


@contextlib.contextmanager
def throwaway_database(*, keep: bool = False, log: Callable[[str], None] = print) -> Iterator[str]:
    if connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
        connection.settings_dict["NAME"]
    ):
        # Django never closes an in-memory SQLite connection (that would
        # destroy the database), so the connection cannot be moved.
        raise RuntimeError(
            "bench cannot switch away from an in-memory SQLite database; use --in-place, "
            "or run it against a file or PostgreSQL database"
        )
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        var_dir = Path(settings.VAR_DIR)
        var_dir.mkdir(parents=True, exist_ok=True)
        # One file per process, so two runs (or a run and the test suite) never share one.
        test_settings["NAME"] = str(var_dir / f"bench-{os.getpid()}.sqlite3")
    else:
        test_settings["NAME"] = f"{connection.settings_dict['NAME']}_bench"
    old_name = connection.settings_dict["NAME"]
    started = time.perf_counter()
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=False)
    log(f"Benchmark database {name} ({connection.vendor}) migrated in {time.perf_counter() - started:.1f} s")
    try:
        yield name
    finally:
        if keep:
            log(f"Kept benchmark database {name}")
            connection.close()
            connection.settings_dict["NAME"] = old_name
            settings.DATABASES[connection.alias]["NAME"] = old_name
        else:
            connection.creation.destroy_test_db(old_name, verbosity=0)


@contextlib.contextmanager
def bench_environment() -> Iterator[None]:
    """Production-like request handling: no DEBUG, media, private files and
    the print photo cache in a temporary folder, and the test client's host
    allowed."""
    with (
        tempfile.TemporaryDirectory(prefix="odop-bench-files-") as files,
        override_settings(
            DEBUG=False,
            MEDIA_ROOT=Path(files) / "media",
            STORAGES={
                **settings.STORAGES,
                "private": {
                    "BACKEND": "core.storage.PrivateFileSystemStorage",
                    "OPTIONS": {"location": Path(files) / "private"},
                },
            },
            PRINT_PHOTO_CACHE_DIR=Path(files) / "print-photos",
            ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
        ),
    ):
        yield


def discover_suites(only: list[str] | None = None) -> list[tuple[str, Callable | Exception]]:
    """(app label, run function or the import error) for every `<app>.bench` module."""
    found = []
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.bench"
        if only and app_config.label not in only:
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                continue
            found.append((app_config.label, error))
            continue
        except Exception as error:  # a broken suite is reported, not fatal
            found.append((app_config.label, error))
            continue
        run = getattr(module, "run", None)
        found.append(
            (app_config.label, run if callable(run) else AttributeError(f"{module_name} has no run(ctx)"))
        )
    found.sort(key=lambda item: (item[0] not in FIRST_SUITES, item[0]))
    return found


def run_suites(
    ctx: BenchContext,
    *,
    only: list[str] | None = None,
    suites: list[tuple[str, Callable | Exception]] | None = None,
    first_size: bool = True,
) -> dict:
    """Run each suite; a suite that fails to import or raises is reported and
    the others still run. A suite whose module sets ``SIZE_INDEPENDENT = True``
    (printing: it renders one story) runs at the first size only."""
    results = {}
    for label, suite in suites if suites is not None else discover_suites(only):
        if not first_size and getattr(
            sys.modules.get(getattr(suite, "__module__", "")), "SIZE_INDEPENDENT", False
        ):
            results[label] = {"skipped": "size-independent: measured at the first size"}
            continue
        if isinstance(suite, Exception):
            results[label] = {"error": f"import failed: {suite!r}"}
            ctx.log(f"[{label}] could not be imported: {suite!r}")
            continue
        ctx.log(f"[{label}] running")
        started = time.perf_counter()
        try:
            results[label] = suite(ctx)
        except Exception as error:  # keep going: one failing suite must not hide the others
            results[label] = {"error": repr(error), "traceback": traceback.format_exc(limit=8)}
            ctx.log(f"[{label}] FAILED: {error!r}")
        else:
            ctx.log(f"[{label}] done in {time.perf_counter() - started:.1f} s")
        connection.close_if_unusable_or_obsolete()
    return results


def run_benchmark(
    *,
    sizes: list[int],
    locales: list[str],
    repeat: int,
    budget_s: float = 0.0,
    only: list[str] | None = None,
    keep: bool = False,
    in_place: bool = False,
    log: Callable[[str], None] = print,
) -> dict:
    report = {"meta": {**_meta(locales=locales, repeat=repeat), "budget_s": budget_s}, "runs": {}}
    database = (
        contextlib.nullcontext("configured database") if in_place else throwaway_database(keep=keep, log=log)
    )
    with database as name, bench_environment():
        report["meta"]["database"] = {"vendor": connection.vendor, "name": name}
        for position, size in enumerate(sorted(sizes)):
            log(f"Building {size} stories x {len(locales)} locales")
            built = dataset.build(stories=size, locales=locales, log=log)
            log(f"Dataset ready in {built['build']['total_s']} s ({built['story_pages']} story pages)")
            ctx = BenchContext(stories=size, locales=locales, repeat=repeat, budget_s=budget_s, log=log)
            ctx.extra["dataset"] = built
            started = time.perf_counter()
            suites = run_suites(ctx, only=only, first_size=position == 0)
            built["suites_s"] = round(time.perf_counter() - started, 1)
            report["runs"][str(size)] = {"dataset": built, "suites": suites}
    report["growth"] = growth(report)
    report["meta"]["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return report


def _meta(*, locales, repeat) -> dict:
    return {
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "python": platform.python_version(),
        "django": django.get_version(),
        "machine": f"{platform.machine()} {platform.system()}",
        "locales": locales,
        "repeat": repeat,
    }


def timing_rows(report: dict) -> list[tuple]:
    """(size, suite, measurement, median, p95, CPU median, CPU p95, queries, n)
    for every summary in the report."""
    rows = []
    for size, run in report["runs"].items():
        for suite, result in run["suites"].items():
            if isinstance(result, dict) and "error" in result:
                rows.append((size, suite, "ERROR: " + result["error"][:80], "", "", "", "", "", ""))
                continue
            for name, summary in _summaries(result):
                rows.append(
                    (
                        size,
                        suite,
                        name,
                        summary["median_ms"],
                        summary["p95_ms"],
                        summary.get("cpu", {}).get("median_ms", ""),
                        summary.get("cpu", {}).get("p95_ms", ""),
                        summary.get("queries", ""),
                        summary.get("n", ""),
                    )
                )
    return rows


GROWTH_TARGET_PERCENT = 10


def growth(report: dict) -> dict:
    """Per measurement, from the smallest size to the largest: growth of the
    median and p95 in percent, queries at both sizes, and whether the median
    stays within GROWTH_TARGET_PERCENT (issue 16's flatness target)."""
    sizes = sorted(report["runs"], key=int)
    if len(sizes) < 2:
        return {}
    small, large = sizes[0], sizes[-1]

    def by_name(size):
        return {
            f"{suite}.{name}": summary
            for suite, result in report["runs"][size]["suites"].items()
            if isinstance(result, dict) and "error" not in result
            for name, summary in _summaries(result)
        }

    before, after = by_name(small), by_name(large)
    result = {
        "from": int(small),
        "to": int(large),
        "target_percent": GROWTH_TARGET_PERCENT,
        "measurements": {},
    }
    for name, first in before.items():
        last = after.get(name)
        if not last or not first.get("median_ms"):
            continue
        median = round(100 * (last["median_ms"] - first["median_ms"]) / first["median_ms"], 1)
        p95 = (
            round(100 * (last["p95_ms"] - first["p95_ms"]) / first["p95_ms"], 1) if first["p95_ms"] else None
        )
        result["measurements"][name] = {
            "median_ms": [first["median_ms"], last["median_ms"]],
            "p95_ms": [first["p95_ms"], last["p95_ms"]],
            "queries": [first.get("queries"), last.get("queries")],
            "median_growth_percent": median,
            "p95_growth_percent": p95,
            "meets_growth_target": median <= GROWTH_TARGET_PERCENT,
        }
    return result


def _summaries(value, prefix: str = "") -> Iterator[tuple[str, dict]]:
    if isinstance(value, dict):
        if "median_ms" in value and "p95_ms" in value:
            yield prefix, value
            return
        for key, item in value.items():
            yield from _summaries(item, f"{prefix}.{key}" if prefix else str(key))
