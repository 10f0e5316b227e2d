"""`manage.py db_worker`: django-tasks-db's command, same options, on operations.worker.Worker
(time limits, clean SIGTERM, heartbeat). This app is listed before django_tasks_db in
INSTALLED_APPS, so this command is the one Django finds."""

from __future__ import annotations

import os
from argparse import ArgumentTypeError

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from ... import conf
from ...worker import Worker


def positive_float(value: str) -> float:
    number = db_worker.valid_interval(value)
    if number <= 0:
        raise ArgumentTypeError("Must be greater than zero")
    return number


class Command(db_worker.Command):
    help = "Run a database background worker, with time limits and a heartbeat"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--time-limit",
            type=positive_float,
            default=None,
            help="Seconds any one task may run (default: OPERATIONS_TASK_TIME_LIMIT[S] per task)",
        )
        parser.add_argument(
            "--shutdown-grace",
            type=positive_float,
            default=None,
            help="Seconds a task may still run after SIGTERM (default: OPERATIONS_SHUTDOWN_GRACE_SECONDS)",
        )
        parser.add_argument(
            "--heartbeat-interval",
            type=positive_float,
            default=None,
            help="Seconds between heartbeats (default: OPERATIONS_HEARTBEAT_SECONDS)",
        )

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, batch, **options) -> None:
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            excluded_queue_names=excluded,
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            time_limit=options["time_limit"],
            heartbeat_interval=options["heartbeat_interval"] or conf.heartbeat_interval(),
            shutdown_grace=options["shutdown_grace"] or conf.shutdown_grace(),
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
