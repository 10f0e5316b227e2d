from django.core.management.base import BaseCommand, CommandError

from core.site import configure_default_site, site_url


class Command(BaseCommand):
    help = "Point the default Wagtail Site at SITE_URL (hostname, port, scheme). Idempotent; migrate runs it too."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default")

    def handle(self, *args, database, **options):
        try:
            site, changed = configure_default_site(using=database)
        except ValueError as problem:
            raise CommandError(str(problem)) from None
        if site is None:
            raise CommandError("No default Wagtail Site yet: run `manage.py migrate` first.")
        state = "updated" if changed else "unchanged"
        self.stdout.write(f"Wagtail Site {site.root_url} ({state}; SITE_URL {site_url()})")
