"""Tasks that will never finish on their own: run them again or fail them.

A RUNNING task is stuck when the worker that claimed it (its last worker id)
has no fresh heartbeat, or beats from a process started after the claim (a
restarted worker keeps its id: systemd's "<host>-<n>"), or when it has run past its time limit with some
grace (the worker stops it itself at the limit; past that the worker is
hung). A stuck task goes back to READY while it has been started fewer than
OPERATIONS_TASK_MAX_ATTEMPTS times, else it is FAILED; either way the reason
is written where django-tasks-db keeps errors (exception_class_path,
traceback). Every write is conditional on the row still being the claim we
looked at, so two recoveries, or a recovery and a late worker, never both win.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .. import conf
from ..exceptions import TaskInterrupted, TaskTimeLimitExceeded, WorkerLost
from ..models import WorkerHeartbeat

logger = logging.getLogger(__name__)

# Past its time limit by this much, a task's worker is taken to be hung.
HUNG_GRACE = dt.timedelta(seconds=30)


@dataclass(frozen=True)
class Recovery:
    requeued: int = 0
    failed: int = 0
    pruned: int = 0


def attempts(result: DBTaskResult) -> int:
    """How many times the task has been started (one worker id per claim)."""
    return len(result.worker_ids or [])


def release(result: DBTaskResult, error: TaskInterrupted) -> TaskResultStatus | None:
    """Put a claimed task back in the queue, or fail it after the last attempt.
    Returns the new status, or None when the row was no longer this claim."""
    now = timezone.now()
    path = f"{type(error).__module__}.{type(error).__qualname__}"
    again = attempts(result) < conf.max_attempts()
    reason = str(error) + ("" if again else f" (after {attempts(result)} attempts)")
    fields = {"exception_class_path": path, "traceback": reason, "return_value": None}
    if again:
        fields |= {"status": TaskResultStatus.READY, "finished_at": None}
    else:
        fields |= {"status": TaskResultStatus.FAILED, "finished_at": now}
    claim = DBTaskResult.objects.filter(
        pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
    )
    if not claim.update(**fields):
        return None
    logger.warning("task %s (%s) %s: %s", result.pk, result.task_path, fields["status"], reason)
    return fields["status"]


def fresh_workers(*, now: dt.datetime | None = None) -> dict[str, dt.datetime]:
    """worker id -> when its process started, for the workers with a fresh heartbeat."""
    since = (now or timezone.now()) - conf.heartbeat_stale()
    return dict(WorkerHeartbeat.objects.filter(last_seen__gte=since).values_list("worker_id", "started_at"))


def why_stuck(
    result: DBTaskResult, *, fresh: dict[str, dt.datetime], now: dt.datetime
) -> TaskInterrupted | None:
    worker = result.worker_ids[-1] if result.worker_ids else "?"
    running_for = now - result.started_at
    limit = dt.timedelta(seconds=conf.time_limit_for(result.task_path))
    if running_for > limit + HUNG_GRACE:
        return TaskTimeLimitExceeded(
            f"Running for {running_for.total_seconds():.0f} s on worker {worker}, "
            f"past its time limit of {limit.total_seconds():.0f} s"
        )
    if worker not in fresh and running_for > conf.heartbeat_stale():
        return WorkerLost(f"Worker {worker} stopped sending heartbeats while running this task")
    if worker in fresh and fresh[worker] > result.started_at:
        return WorkerLost(f"Worker {worker} was restarted while running this task")
    return None


def release_own_leftovers(worker_id: str) -> int:
    """At a worker's start: its id's RUNNING tasks belong to a previous, dead process."""
    leftovers = [r for r in DBTaskResult.objects.running().order_by() if r.worker_ids[-1:] == [worker_id]]
    for result in leftovers:
        release(result, WorkerLost(f"Worker {worker_id} was restarted while running this task"))
    return len(leftovers)


def recover_stuck_tasks() -> Recovery:
    now = timezone.now()
    fresh = fresh_workers(now=now)
    requeued = failed = 0
    for result in DBTaskResult.objects.running().exclude(started_at=None).order_by():
        error = why_stuck(result, fresh=fresh, now=now)
        status = release(result, error) if error else None
        requeued += status == TaskResultStatus.READY
        failed += status == TaskResultStatus.FAILED
    return Recovery(requeued=requeued, failed=failed)


def prune(*, now: dt.datetime | None = None) -> int:
    """Delete finished results past the retention, and heartbeats as old."""
    cutoff = (now or timezone.now()) - conf.result_retention()
    finished = Q(status=TaskResultStatus.SUCCESSFUL) | Q(status=TaskResultStatus.FAILED)
    deleted, _ = DBTaskResult.objects.filter(finished, finished_at__lt=cutoff).delete()
    WorkerHeartbeat.objects.filter(last_seen__lt=cutoff).delete()
    return deleted


def upkeep() -> Recovery:
    """What the scheduler runs every minute, and `manage.py recover_tasks`."""
    recovered = recover_stuck_tasks()
    return Recovery(requeued=recovered.requeued, failed=recovered.failed, pruned=prune())
