"""Real `manage.py db_worker` processes on the test database, for the fault tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

from tests.deploy import BASE_DIR


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(tmp_path: Path, *options: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=database_url(),
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        PRIVATE_ROOT=str(tmp_path / "private"),
        MEDIA_ROOT=str(tmp_path / "media"),
        PRINT_PHOTO_CACHE_DIR=str(tmp_path / "print-photos"),
    )
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.05",
         "--no-reload", "--no-startup-delay", "--heartbeat-interval", "0.2", *options],
        cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def wait_for(condition, *, timeout: float, what: str, workers=(), every: float = 0.02):
    """Poll `condition` until it is truthy; fail naming `what` (and a dead worker's stderr)."""
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        for worker in workers:
            assert worker.poll() is None, f"worker died: {worker.stderr.read()}"
        assert time.monotonic() < deadline, f"{what}: not after {timeout} s"
        time.sleep(every)
    return value


def stop(*workers: subprocess.Popen) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.kill()
        worker.wait(timeout=10)
