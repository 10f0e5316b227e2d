"""Run publish_scheduled every minute, in the foreground, until stopped.

For `make run` and single-machine deployments without cron or systemd
timers (deploy/ has a timer unit for those that have them). A failed run is
logged and the next one goes ahead; SIGTERM and SIGINT stop it between runs.
"""

import logging
import signal
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand

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
            if once:
                break
            stop.wait(interval)
