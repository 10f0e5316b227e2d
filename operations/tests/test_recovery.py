"""services.recovery on rows as workers leave them: stale heartbeat, time limit, last attempt, pruning."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from operations.models import WorkerHeartbeat
from operations.services.recovery import recover_stuck_tasks, upkeep

from .helpers import heartbeat, queued
from .tasks import nap

pytestmark = pytest.mark.django_db


def test_task_of_a_worker_without_fresh_heartbeat_is_queued_again_with_the_reason():
    heartbeat("dead", ago=120)
    result = queued(nap, status="RUNNING", workers=["dead"], started_ago=90, log="x", seconds=1)
    assert recover_stuck_tasks().requeued == 1
    result.refresh_from_db()
    assert result.status == "READY"
    assert result.exception_class_path == "operations.exceptions.WorkerLost"
    assert "Worker dead stopped sending heartbeats" in result.traceback


def test_task_of_a_live_worker_is_left_alone():
    heartbeat("alive", ago=1)
    result = queued(nap, status="RUNNING", workers=["alive"], started_ago=90, log="x", seconds=1)
    assert recover_stuck_tasks().requeued == 0
    result.refresh_from_db()
    assert result.status == "RUNNING"


def test_task_of_a_restarted_worker_with_the_same_id_is_queued_again():
    result = queued(nap, status="RUNNING", workers=["host-1"], started_ago=30, log="x", seconds=1)
    heartbeat("host-1", ago=0, up_for=5)  # the new process: started after the claim
    recover_stuck_tasks()
    result.refresh_from_db()
    assert result.status == "READY"
    assert "Worker host-1 was restarted" in result.traceback


def test_just_claimed_task_of_an_unknown_worker_is_given_time():
    result = queued(nap, status="RUNNING", workers=["new"], started_ago=2, log="x", seconds=1)
    assert recover_stuck_tasks().requeued == 0
    result.refresh_from_db()
    assert result.status == "RUNNING"


def test_task_past_its_time_limit_is_released_even_if_its_worker_beats(settings):
    settings.OPERATIONS_TASK_TIME_LIMITS = {nap.module_path: 10}
    heartbeat("hung", ago=1)
    result = queued(nap, status="RUNNING", workers=["hung"], started_ago=45, log="x", seconds=1)
    recover_stuck_tasks()
    result.refresh_from_db()
    assert result.status == "READY"
    assert "past its time limit of 10 s" in result.traceback


def test_last_attempt_fails_with_the_reason(settings):
    settings.OPERATIONS_TASK_MAX_ATTEMPTS = 2
    result = queued(nap, status="RUNNING", workers=["a", "b"], started_ago=600, log="x", seconds=1)
    assert recover_stuck_tasks().failed == 1
    result.refresh_from_db()
    assert result.status == "FAILED"
    assert result.finished_at is not None
    assert result.traceback.endswith("(after 2 attempts)")


def test_old_results_and_heartbeats_are_pruned_recent_ones_kept():
    old = timezone.now() - dt.timedelta(days=15)
    kept = queued(nap, status="FAILED", log="x", seconds=1)
    gone = queued(nap, status="FAILED", log="x", seconds=1)
    DBTaskResult.objects.filter(pk=gone.pk).update(finished_at=old)
    waiting = queued(nap, log="x", seconds=1)
    DBTaskResult.objects.filter(pk=waiting.pk).update(enqueued_at=old)
    heartbeat("long-gone", ago=15 * 86400)
    assert upkeep().pruned == 1
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {kept.pk, waiting.pk}
    assert not WorkerHeartbeat.objects.exists()


def test_recover_tasks_command_and_scheduler_tick_run_the_upkeep(capsys):
    queued(nap, status="RUNNING", workers=["dead"], started_ago=600, log="x", seconds=1)
    call_command("recover_tasks")
    assert "Re-queued 1, failed 0" in capsys.readouterr().out
    second = queued(nap, status="RUNNING", workers=["dead"], started_ago=600, log="x", seconds=1)
    call_command("run_scheduler", once=True)
    second.refresh_from_db()
    assert second.status == "READY"
