"""`manage.py analyze_database`: refresh the query planner's statistics now
(after a bulk import or restore; the scheduler also does it once a day)."""

from django.core.management.base import BaseCommand

from operations.services.statistics import refresh


class Command(BaseCommand):
    help = "Refresh the database's query-planner statistics (ANALYZE)."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default")

    def handle(self, *args, database, **options):
        done = refresh(database)
        self.stdout.write(f"Planner statistics refreshed ({done.vendor}) in {done.seconds} s")
