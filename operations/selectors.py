"""Reads about the task queue and its workers (django-tasks-db's DBTaskResult)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from . import conf
from .models import WorkerHeartbeat


@dataclass(frozen=True)
class QueueState:
    fresh_workers: int
    last_seen: dt.datetime | None  # the most recent heartbeat of any worker, fresh or not
    oldest_waiting_since: dt.datetime | None  # when the longest-waiting due task became due

    def waiting_for(self, now: dt.datetime) -> dt.timedelta:
        return now - self.oldest_waiting_since if self.oldest_waiting_since else dt.timedelta(0)


def queue_state(*, now: dt.datetime | None = None) -> QueueState:
    """Two queries: the heartbeats, and the longest-waiting due task."""
    now = now or timezone.now()
    beats = list(WorkerHeartbeat.objects.values_list("last_seen", flat=True))
    oldest = (
        DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", "run_after").first()
    )
    since = None
    if oldest:
        enqueued, run_after = oldest
        since = enqueued if run_after == get_date_max() else max(enqueued, run_after)
    return QueueState(
        fresh_workers=sum(1 for seen in beats if seen >= now - conf.heartbeat_stale()),
        last_seen=max(beats, default=None),
        oldest_waiting_since=since,
    )


def failed_and_stuck_tasks(*, now: dt.datetime | None = None) -> QuerySet[DBTaskResult]:
    """FAILED tasks, and RUNNING ones whose worker has no fresh heartbeat, newest first."""
    now = now or timezone.now()
    fresh = WorkerHeartbeat.objects.filter(last_seen__gte=now - conf.heartbeat_stale())
    fresh_ids = list(fresh.values_list("current_task_id", flat=True).exclude(current_task_id=None))
    running_unseen = Q(status=TaskResultStatus.RUNNING, started_at__lt=now - conf.heartbeat_stale()) & ~Q(
        pk__in=fresh_ids
    )
    return (
        DBTaskResult.objects.filter(Q(status=TaskResultStatus.FAILED) | running_unseen)
        .defer("return_value")
        .order_by("-enqueued_at")
    )
