"""Run publish_scheduled every minute, in the foreground, until stopped.

After each run it sends `stories.signals.scheduler_tick`, which feature apps
use for their own minute-by-minute upkeep (operations: recover_tasks).

For `make run` and single-machine deployments without cron or systemd
timers (deploy/ has a timer unit for those that have them). A failed run is
logged and the next one goes ahead; SIGTERM and SIGINT stop it between runs.
"""

import logging
import signal
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand

from stories.signals import scheduler_tick

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run publish_scheduled every --interval seconds until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="seconds between runs (default 60)")
        parser.add_argument("--once", action="store_true", help="run once and exit")

    def handle(self, *args, interval: int, once: bool, **options):
        if interval < 1:
            raise ValueError("--interval must be at least 1 second")
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        self.stdout.write(f"Scheduler: publish_scheduled every {interval} s")
        while not stop.is_set():
            try:
                call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
            except Exception:  # keep the schedule running; the next minute retries
                logger.exception("publish_scheduled failed")
            for receiver, outcome in scheduler_tick.send_robust(sender=None):
                if isinstance(outcome, Exception):
                    logger.error("scheduler_tick receiver %r failed", receiver, exc_info=outcome)
            if once:
                break
            stop.wait(interval)
