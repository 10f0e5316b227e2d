"""Rows of django-tasks-db's queue as a worker would leave them, for in-process tests."""

from __future__ import annotations

import datetime as dt
import os

from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from operations.models import WorkerHeartbeat


def queued(task, *, status="READY", workers=(), started_ago=None, enqueued_ago=0, **kwargs) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": kwargs},
        task_path=task.module_path,
        backend_name="default",
        run_after=get_date_max(),
        worker_ids=list(workers),
        started_at=now - dt.timedelta(seconds=started_ago) if started_ago is not None else None,
        finished_at=now if status == "FAILED" else None,
        exception_class_path="builtins.ValueError" if status == "FAILED" else "",
        traceback="Traceback (most recent call last):\nValueError: no such page"
        if status == "FAILED"
        else "",
    )


def heartbeat(worker_id: str, *, ago: float = 0, up_for: float = 3600, current=None) -> WorkerHeartbeat:
    """A worker last seen `ago` seconds ago, whose process had then been up `up_for` seconds."""
    seen = timezone.now() - dt.timedelta(seconds=ago)
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id, host="test", pid=os.getpid(), started_at=seen - dt.timedelta(seconds=up_for),
        last_seen=seen,
        current_task_id=current.pk if current else None,
    )  # fmt: skip


def backdate(result: DBTaskResult, *, seconds: float) -> None:
    """Make a queued task look as if it had been waiting `seconds`."""
    DBTaskResult.objects.filter(pk=result.pk).update(
        enqueued_at=timezone.now() - dt.timedelta(seconds=seconds)
    )
