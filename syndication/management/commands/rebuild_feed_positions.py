"""Recompute every live story's feed position (syndication.models.FeedPosition)
from the stories: after a bulk load that bypassed saving and publishing, or
to mend what check syndication.W001 reports."""

from django.core.management.base import BaseCommand

from syndication import services


class Command(BaseCommand):
    help = "Recompute the partner feed's stored order keys of every live story."

    def handle(self, *args, **options):
        written = services.refresh_feed_positions()
        self.stdout.write(f"{written} feed positions written or removed.")
