"""Recompute every language version's stored "outdated" flag from the pages
(translations.models.LanguageVersion.outdated): after a bulk change of source
pages that bypassed Wagtail's publishing signals."""

from django.core.management.base import BaseCommand

from translations.services.publishing import refresh_outdated


class Command(BaseCommand):
    help = "Recompute which language versions are behind their source's live revision."

    def handle(self, *args, **options):
        changed = refresh_outdated()
        self.stdout.write(f"{changed} language versions changed.")
