"""A task for tests/test_db_workers.py, importable by a db_worker process."""

import os
import time

from django_tasks import task


@task()
def record_run(*, log: str, number: int) -> None:
    """Append "<number> <pid>" to `log` (one write: O_APPEND keeps lines whole)."""
    time.sleep(0.05)  # long enough for the other worker to look for work meanwhile
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, f"{number} {os.getpid()}\n".encode())
    finally:
        os.close(fd)
