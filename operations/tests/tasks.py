"""Tasks for the operations tests, importable by a db_worker process."""

import os
import time
from pathlib import Path

from django_tasks import task


def _append(path: str, line: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, f"{line}\n".encode())
    finally:
        os.close(fd)


@task()
def nap(*, log: str, seconds: float) -> str:
    """Log "start <pid>", sleep, log "done <pid>". Swallows ordinary exceptions,
    as careless task code does: the time limit must still stop it."""
    _append(log, f"start {os.getpid()}")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:  # noqa: SIM105 (careless code, on purpose)
            time.sleep(0.05)
        except Exception:  # noqa: S110
            pass
    _append(log, f"done {os.getpid()}")
    return "rested"


@task()
def record(*, log: str, page_id: int | None = None) -> None:
    _append(log, f"ran {page_id}")


@task()
def explode(*, page_id: int) -> None:
    raise ValueError(f"no such thing as page {page_id}")


def log_lines(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []
