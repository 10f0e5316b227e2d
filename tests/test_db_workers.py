"""Several `db_worker` processes on PostgreSQL never run a task twice: each
claims its next task with SELECT ... FOR UPDATE SKIP LOCKED (django-tasks-db)."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django_tasks_db.models import DBTaskResult

from tests.deploy import BASE_DIR
from tests.worker_tasks import record_run

ON_POSTGRESQL = django_settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not ON_POSTGRESQL,
        reason="needs PostgreSQL (DATABASE_URL=postgres://..., as in the second run of .ci/run); "
        "on SQLite workers take turns through the database lock, not row locks",
    ),
    pytest.mark.django_db(transaction=True),
]

TASKS = 40


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker() -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=database_url(),
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
    )
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.05",
         "--no-reload", "--no-startup-delay", "--verbosity", "0"],
        cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_two_workers_run_each_of_many_tasks_exactly_once(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    log = tmp_path / "runs.log"
    workers = [start_worker(), start_worker()]
    try:
        time.sleep(3)  # both workers up and polling before the tasks arrive
        for number in range(TASKS):
            record_run.enqueue(log=str(log), number=number)
        deadline = time.monotonic() + 60
        while DBTaskResult.objects.exclude(status="SUCCESSFUL").exists():
            assert all(worker.poll() is None for worker in workers), [w.stderr.read() for w in workers]
            assert time.monotonic() < deadline, "tasks still waiting after 60 s"
            time.sleep(0.1)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            worker.wait(timeout=30)

    runs = [line.split() for line in log.read_text().splitlines()]
    assert Counter(int(number) for number, _ in runs) == Counter(range(TASKS))
    assert len({pid for _, pid in runs}) == 2, "both workers should have taken tasks"
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == TASKS
