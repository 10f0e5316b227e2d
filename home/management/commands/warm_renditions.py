"""Generate the WebP (and social JPEG) renditions of every live story's
images ahead of time, so the first reader never waits for an image resize.

    python manage.py warm_renditions            # all live stories
    python manage.py warm_renditions --locale hi
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from home.renditions import warm_stories
from stories.models import SuccessStoryPage


class Command(BaseCommand):
    help = "Make the image renditions the public site uses for live stories."

    def add_arguments(self, parser):
        parser.add_argument("--locale", help="only stories in this language code")

    def handle(self, *args, locale=None, **options):
        stories = SuccessStoryPage.objects.live().select_related("hero_image")
        if locale:
            if not Locale.objects.filter(language_code=locale).exists():
                raise CommandError(
                    f"no locale {locale!r}; known: {', '.join(Locale.objects.values_list('language_code', flat=True))}"
                )
            stories = stories.filter(locale__language_code=locale)
        counts = warm_stories(stories.iterator())
        self.stdout.write(f"Renditions ready: {counts['renditions']} for {counts['images']} images")
