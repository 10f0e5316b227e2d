"""Fault tests with real worker processes on the test database (SQLite file or PostgreSQL).

Of two workers, the one that took a PDF task is killed mid-render: the task
stays RUNNING until recovery queues it again, and the other worker makes the PDFs. A task past its time limit is stopped and
retried, then failed; a stopped worker abandons its task for another and the
dashboard says no worker runs.
"""

import signal
import time

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from operations.models import WorkerHeartbeat
from operations.services.recovery import recover_stuck_tasks
from printing.models import StoryPdf
from printing.tasks import render_story_pdfs
from printing.tests.stories import english_story

from .tasks import log_lines, nap, record
from .workers import start_worker, stop, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
PANEL = "data-odop-background-work"
BOOT = 90  # seconds a worker may take to start on a loaded CI machine


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.OPERATIONS_HEARTBEAT_STALE_SECONDS = 1


@pytest.fixture
def admin_home(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ops", "ops@example.com", "x"))
    return lambda: client.get(reverse("wagtailadmin_home")).content.decode()


def status(result) -> str:
    return DBTaskResult.objects.values_list("status", flat=True).get(pk=result.id)


def test_pdf_task_of_a_killed_worker_is_recovered_and_its_pdfs_arrive(db_tasks, tmp_path):
    story = english_story(run_on_commit=False)
    workers = {name: start_worker(tmp_path, "--worker-id", name) for name in ("one", "two")}
    try:
        wait_for(
            lambda: WorkerHeartbeat.objects.count() == 2,
            timeout=BOOT,
            what="heartbeats",
            workers=[*workers.values()],
        )
        result = render_story_pdfs.enqueue(story.pk, story.live_revision_id)
        wait_for(lambda: status(result) == "RUNNING", timeout=30, what="PDF task claimed", every=0.005)
        claimed_by = DBTaskResult.objects.get(pk=result.id).worker_ids[-1]
        killed_worker = workers.pop(claimed_by)
        killed_worker.kill()
        killed_worker.wait()
        killed = time.monotonic()
        [survivor] = workers.values()
        assert status(result) == "RUNNING" and not StoryPdf.objects.filter(status="ready").exists()
        wait_for(lambda: recover_stuck_tasks().requeued, timeout=10, what="recovery", every=0.1)
        recovered = time.monotonic()
        wait_for(
            lambda: status(result) == "SUCCESSFUL", timeout=BOOT, what="PDFs rendered", workers=[survivor]
        )
        done = time.monotonic()
    finally:
        stop(killed_worker, *workers.values())
    pdfs = StoryPdf.objects.filter(page=story, revision_id=story.live_revision_id)
    assert sorted(pdfs.values_list("format", "status")) == [
        ("newsbox_cmyk", "ready"), ("newsbox_grey", "ready"), ("release", "ready"),
    ]  # fmt: skip
    assert all(pdf.file.open("rb").read(5) == b"%PDF-" for pdf in pdfs)
    assert len(DBTaskResult.objects.get(pk=result.id).worker_ids) == 2
    print(f"\nkill -> re-queued {recovered - killed:.2f} s; kill -> PDFs ready {done - killed:.2f} s")


def test_time_limit_stops_and_retries_then_fails_and_sigterm_abandons(db_tasks, admin_home, tmp_path):
    log, later = tmp_path / "nap.log", tmp_path / "later.log"
    worker = start_worker(tmp_path, "--time-limit", "1", "--shutdown-grace", "0.3")
    try:
        wait_for(WorkerHeartbeat.objects.exists, timeout=BOOT, what="worker's heartbeat", workers=[worker])
        endless = nap.enqueue(log=str(log), seconds=60)
        wait_for(lambda: status(endless) == "FAILED", timeout=30, what="time limit", workers=[worker])
        failed = DBTaskResult.objects.get(pk=endless.id)
        assert failed.exception_class_path == "operations.exceptions.TaskTimeLimitExceeded"
        assert failed.traceback.startswith("Stopped at its time limit of 1 s")
        assert failed.traceback.endswith("(after 3 attempts)")
        assert [line.split()[0] for line in log_lines(log)] == ["start"] * 3  # never "done"

        log.unlink()
        cut_short = nap.enqueue(log=str(log), seconds=60)
        wait_for(lambda: log_lines(log), timeout=10, what="second nap started", workers=[worker], every=0.005)
        record.enqueue(log=str(later))  # must wait for the next worker, not run on a stopping one
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=10) == 0
    finally:
        stop(worker)
    abandoned = DBTaskResult.objects.get(pk=cut_short.id)
    assert abandoned.status == "READY"
    assert abandoned.exception_class_path == "operations.exceptions.TaskAbandoned"
    assert "did not finish within 0.3 s" in abandoned.traceback
    assert not later.exists()
    assert not WorkerHeartbeat.objects.exists()
    assert "No background worker is running." in admin_home()
