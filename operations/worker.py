"""django-tasks-db's worker, with a time limit per task, a clean SIGTERM and a heartbeat.

- Time limit: SIGALRM at the task's limit raises TaskTimeLimitExceeded inside
  it. If the task sits in C code and never sees that, the heartbeat thread
  releases the task and ends the process WATCHDOG_GRACE later (systemd
  restarts it).
- SIGTERM/SIGINT: no new task is claimed; the task in hand gets the shutdown
  grace, then TaskAbandoned is raised in it. A second signal abandons at once.
- Either way the task is released (services.recovery.release): queued again
  for another attempt, or FAILED after the last, with the reason.
- Under --reload (DEBUG) the worker runs in a thread of Django's reloader,
  where signals cannot reach the task: only the watchdog limits it there.
- Heartbeat: a thread upserts this worker's WorkerHeartbeat row every
  OPERATIONS_HEARTBEAT_SECONDS; a clean exit deletes it.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import threading
import time
from types import FrameType

from django.db import OperationalError, close_old_connections, connections
from django.utils import timezone
from django_tasks import TaskContext, TaskResultStatus
from django_tasks.signals import task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker as BaseWorker
from django_tasks_db.models import DBTaskResult

from . import conf
from .exceptions import TaskAbandoned, TaskInterrupted, TaskTimeLimitExceeded
from .models import WorkerHeartbeat
from .services.recovery import release, release_own_leftovers

logger = logging.getLogger(__name__)

WATCHDOG_GRACE = 10.0  # seconds past the limit before the heartbeat thread gives up on the task


class Worker(BaseWorker):
    def __init__(
        self, *, time_limit: float | None, heartbeat_interval: float, shutdown_grace: float, **kwargs
    ):
        super().__init__(**kwargs)
        self.time_limit = time_limit
        self.heartbeat_interval = heartbeat_interval
        self.shutdown_grace = shutdown_grace
        self.started_at = timezone.now()
        self.current: DBTaskResult | None = None
        self.deadline = 0.0  # time.monotonic() at which the current task is stopped
        self.limit = 0.0
        self.stopping = False
        self.finishing = False  # the task has returned; its result is being written
        self.signals_received = 0
        self.can_interrupt = False  # True when run() is in the main thread, where signals land
        self._stop_beating = threading.Event()

    # --- signals -------------------------------------------------------------
    def configure_signals(self) -> None:
        super().configure_signals()
        signal.signal(signal.SIGALRM, self.on_alarm)

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        name = signal.strsignal(signum)
        if not self.running_task:
            logger.warning("Received %s - stopping.", name)
            self.running = False
            sys.exit(0)
        self.signals_received += 1
        self.running = False
        if self.finishing or not self.can_interrupt:
            logger.warning("Received %s - stopping after the current task.", name)
            return
        if self.signals_received > 1:
            raise TaskAbandoned(f"Worker {self.worker_id} was stopped twice ({name}) while running this task")
        self.stopping = True
        remaining = self.deadline - time.monotonic()
        grace = self.shutdown_grace
        logger.warning("Received %s - giving the current task %.0f s to finish.", name, min(grace, remaining))
        if grace < remaining:
            self.alarm(max(grace, 0.001))
        else:
            self.stopping = False  # the time limit comes first: say so when it fires

    def on_alarm(self, signum: int, frame: FrameType | None) -> None:
        if self.stopping:
            raise TaskAbandoned(
                f"Worker {self.worker_id} was stopped (SIGTERM) and the task did not finish "
                f"within {self.shutdown_grace:g} s"
            )
        raise TaskTimeLimitExceeded(
            f"Stopped at its time limit of {self.limit:g} s on worker {self.worker_id}"
        )

    # --- the loop ------------------------------------------------------------
    def run(self) -> None:
        self.can_interrupt = threading.current_thread() is threading.main_thread()
        self.beat()
        release_own_leftovers(self.worker_id)
        beating = threading.Thread(target=self.keep_beating, name="heartbeat", daemon=True)
        beating.start()
        try:
            super().run()
        finally:
            self._stop_beating.set()
            beating.join(timeout=5)
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()

    def run_task(self, db_task_result: DBTaskResult) -> None:
        self.limit = self.time_limit or conf.time_limit_for(db_task_result.task_path)
        self.deadline = time.monotonic() + self.limit
        self.current = db_task_result
        self.running_task = True
        self.finishing = False
        self.alarm(self.limit)
        try:
            self.execute(db_task_result)
        finally:
            self.alarm(0)
            self.current = None
            self.running_task = self.finishing = False
            self._run_tasks += 1

    def alarm(self, seconds: float) -> None:
        if self.can_interrupt:
            signal.setitimer(signal.ITIMER_REAL, seconds)

    def execute(self, db_task_result: DBTaskResult) -> None:
        task = db_task_result.task
        task_result = db_task_result.task_result
        sender = type(task.get_backend())
        try:
            task_started.send(sender=sender, task_result=task_result)
            args, kwargs = task_result.args, task_result.kwargs
            if task.takes_context:
                value = task.call(TaskContext(task_result=task_result), *args, **kwargs)
            else:
                value = task.call(*args, **kwargs)
            self.alarm(0)
            self.finishing = True
            if self.still_ours(db_task_result):
                db_task_result.set_successful(value)
        except TaskInterrupted as error:
            self.alarm(0)
            connections.close_all()  # the interruption may have landed mid-query
            if release(db_task_result, error) != TaskResultStatus.FAILED:
                return
        except BaseException as error:
            self.alarm(0)
            self.finishing = True
            if not self.still_ours(db_task_result):
                return
            db_task_result.set_failed(error)
        task_finished.send(sender=sender, task_result=db_task_result.task_result)

    def still_ours(self, db_task_result: DBTaskResult) -> bool:
        """False when recovery has meanwhile released the task (this worker was presumed dead)."""
        return DBTaskResult.objects.filter(
            pk=db_task_result.pk, status=TaskResultStatus.RUNNING, started_at=db_task_result.started_at
        ).exists()

    # --- heartbeat -----------------------------------------------------------
    def beat(self) -> None:
        current = self.current
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={
                "host": socket.gethostname()[:255],
                "pid": os.getpid(),
                "started_at": self.started_at,
                "last_seen": timezone.now(),
                "current_task_id": current.pk if current else None,
                "current_task_started_at": current.started_at if current else None,
            },
        )

    def keep_beating(self) -> None:
        try:
            while not self._stop_beating.wait(self.heartbeat_interval):
                close_old_connections()
                try:
                    self.beat()
                except OperationalError:
                    logger.warning("heartbeat of %s not written; trying again", self.worker_id, exc_info=True)
                self.watchdog()
        finally:
            connections.close_all()

    def watchdog(self) -> None:
        """The task ignored its SIGALRM (stuck in C code): release it and end the process."""
        current = self.current
        if current is None or time.monotonic() < self.deadline + WATCHDOG_GRACE:
            return
        logger.critical("task %s ignored its time limit; worker %s exits", current.pk, self.worker_id)
        release(
            current,
            TaskTimeLimitExceeded(
                f"Worker {self.worker_id} ended: the task ran {self.limit + WATCHDOG_GRACE:.0f} s "
                "and did not answer its time limit"
            ),
        )
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        os._exit(70)
