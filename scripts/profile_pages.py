"""Queries, wall and CPU medians and a cProfile of public pages, both caches off.

    DATABASE_URL=sqlite:///var/bench-1234.sqlite3 .venv/bin/python scripts/profile_pages.py \\
        [--sql] [--profile] /en/stories/some-story/ /hi/ ...

Point it at a kept benchmark database (`manage.py bench --keep-db`). Each path is requested through
Django's test client (whole middleware stack, DEBUG off): 3 warm-up requests, one counted (every
query, with where it came from under --sql), 50 timed, and 20 under cProfile with --profile
(top 45 by cumulative time; TOP=n for more, SORT=tottime for another order, FILTER=regex for some files). Set KEY to a partner key to profile /api/ URLs.
"""

import cProfile
import io
import logging
import os
import pstats
import statistics
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

ROOT = str(Path(__file__).resolve().parent.parent) + "/"


def _where() -> str:
    frames = [
        f
        for f in traceback.extract_stack()
        if (f.filename.startswith(ROOT) and "/.venv/" not in f.filename and "profile_pages" not in f.filename)
        or "/wagtail/" in f.filename
    ]
    return " < ".join(
        f"{f.filename.removeprefix(ROOT).split('site-packages/')[-1]}:{f.lineno}" for f in frames[-4:][::-1]
    )


def measure(client: Client, path: str, *, show_sql: bool, profile: bool) -> None:
    for _ in range(3):
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"GET {path} answered {response.status_code}")
    queries = []

    def record(execute, sql, params, many, context):
        queries.append((sql, _where()))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get(path)
    wall, cpu = [], []
    for _ in range(50):
        start, cpu_start = time.perf_counter(), time.process_time()
        client.get(path)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000)
    print(
        f"{path}: {len(queries)} queries, median {statistics.median(wall):.2f} ms "
        f"(p95 {sorted(wall)[47]:.2f}), CPU median {statistics.median(cpu):.2f} ms, {len(response.content)} bytes"
    )
    if show_sql:
        for sql, where in queries:
            print(f"    {sql[:160]}\n        @ {where}")
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(20):
            client.get(path)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(
            *([os.environ["FILTER"]] if os.environ.get("FILTER") else []), int(os.environ.get("TOP", "45"))
        )
        print(out.getvalue())


def main(args: list[str]) -> None:
    logging.disable(logging.WARNING)
    paths = [a for a in args if not a.startswith("--")]
    headers = {"HTTP_AUTHORIZATION": f"Bearer {os.environ['KEY']}"} if os.environ.get("KEY") else {}
    with override_settings(
        DEBUG=False, PUBLIC_PAGE_CACHE_SECONDS=0, PUBLIC_DATA_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"]
    ):
        client = Client(**headers)
        for path in paths:
            measure(client, path, show_sql="--sql" in args, profile="--profile" in args)


if __name__ == "__main__":
    main(sys.argv[1:])
