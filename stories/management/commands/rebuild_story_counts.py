"""Recount the listings' story counts (stories.models.StoryCount) from the
stories: after a bulk load that bypassed publishing, or to mend counts a
change outside the publication lifecycle left behind."""

from django.core.management.base import BaseCommand

from ...services.story_counts import rebuild_story_counts


class Command(BaseCommand):
    help = "Recount how many public stories each story index lists, in all and per facet."

    def handle(self, *args, **options):
        rows = rebuild_story_counts()
        self.stdout.write(f"{rows} story count rows.")
