import logging

from django.core.management.base import BaseCommand, CommandError

from demo.content import ContentError
from demo.services import ADMIN_PASSWORD, ADMIN_USERNAME, load_demo


class Command(BaseCommand):
    help = "Load the ODOP demo site (idempotent): taxonomy, stories in 6 languages, workshops, admin login."

    def handle(self, *args, **options):
        if options["verbosity"] < 2:
            # Wagtail logs every page created, edited and published (~1,000 lines).
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        try:
            result = load_demo(log=lambda line: self.stdout.write(f"  {line}"))
        except ContentError as error:
            raise CommandError(f"Demo content is invalid; nothing was loaded. {error}") from error
        if result.created:
            made = ", ".join(f"{count} {what}" for what, count in sorted(result.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Created: {made}"))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already complete; nothing changed."))
        self.stdout.write(f"Done in {result.seconds} s. Admin login: {ADMIN_USERNAME} / {ADMIN_PASSWORD}")
