"""`manage.py recover_tasks`: run again (or fail) the tasks whose worker died or hung, and prune
old results. run_scheduler does the same every minute; the systemd timer runs this."""

from django.core.management.base import BaseCommand

from ...services.recovery import upkeep


class Command(BaseCommand):
    help = "Re-queue or fail stuck background tasks; prune old task results."

    def handle(self, *args, **options):
        result = upkeep()
        self.stdout.write(
            f"Re-queued {result.requeued}, failed {result.failed}, pruned {result.pruned} task(s)."
        )
