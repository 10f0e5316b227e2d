"""Make sure there is a story to load-test, and print its path.

Uses the first live English story when one exists (e.g. after load_demo);
otherwise builds the test content (an English story with hi, ta, bn and ur
translations, related stories and a workshop) through wagtail-localize.
Needs the dev requirements (factory_boy, wagtail_factories)."""

from django.core.management.base import BaseCommand

from stories.models import SuccessStoryPage


class Command(BaseCommand):
    help = "Print the path of a live story for the load test, building content if there is none."

    def add_arguments(self, parser):
        parser.add_argument("--language", default="hi", help="language of the story to print")

    def handle(self, *args, language, **options):
        story = self._story(language)
        if story is None:
            from home.tests.content import build_site

            # Not in one transaction: wagtail-localize publishes translations
            # on commit, and each must land before its children are made.
            build_site(extra_stories=6)
            story = self._story(language)
        from home.renditions import warm_stories

        warm_stories(SuccessStoryPage.objects.live())
        self.stdout.write(story.url)

    def _story(self, language):
        return (
            SuccessStoryPage.objects.live()
            .filter(locale__language_code=language)
            .order_by("-posted_at")
            .first()
        )
