"""Compare live stories per locale with what the search index holds.

    python manage.py search_drift            # table; exit 1 if any locale drifts
    python manage.py search_drift --json     # the same as JSON, for monitoring

Fix drift with `python manage.py update_index` (or wait for the task worker
to drain its queue: index updates run as background tasks).
"""

import json
import sys

from django.core.management.base import BaseCommand

from search.drift import index_drift


class Command(BaseCommand):
    help = "Report live stories per locale that the search index is missing (exit 1 on drift)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        parser.add_argument("--backend", default="default", help="WAGTAILSEARCH_BACKENDS name.")

    def handle(self, *args, **options):
        rows = index_drift(backend_name=options["backend"])
        drifting = [row for row in rows if row.missing]
        if options["json"]:
            payload = [
                {"locale": r.language_code, "live": r.live, "indexed": r.indexed, "missing": r.missing}
                for r in rows
            ]
            self.stdout.write(json.dumps({"drift": bool(drifting), "locales": payload}))
        else:
            self.stdout.write(f"{'locale':<8}{'live':>8}{'indexed':>9}{'missing':>9}")
            for row in rows:
                self.stdout.write(f"{row.language_code:<8}{row.live:>8}{row.indexed:>9}{row.missing:>9}")
            if drifting:
                self.stderr.write(
                    f"Drift in {', '.join(r.language_code for r in drifting)}: run `python manage.py update_index`."
                )
            else:
                self.stdout.write(self.style.SUCCESS("Search index matches the live stories."))
        if drifting:
            sys.exit(1)
