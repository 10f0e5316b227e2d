import pytest
from django.db import transaction

from printing.services.render import NewsboxVariant, render_newsbox, render_release
from tests.translation import translate

from . import stories

CHECKED_LANGUAGES = ("en", "hi", "ta", "bn", "ur")


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """One story in five languages with a real photo, rendered once per module:
    {code: {"story": PrintStory inputs, "newsbox": RenderedPdf, "release": RenderedPdf}}."""
    result = {}
    with django_db_blocker.unblock(), transaction.atomic():
        hero = stories.jpeg_image(width=1600, height=1000)
        english = stories.english_story(hero_image=hero, run_on_commit=False)
        for code in CHECKED_LANGUAGES:
            if code == "en":
                story = english
            else:
                story = translate(english, code, strings=stories.STRINGS[code], run_on_commit=False)
            result[code] = {
                "story": story,
                "newsbox": render_newsbox(story=story),
                "release": render_release(story=story),
            }
        result["en"]["newsbox_cmyk"] = render_newsbox(story=english, variant=NewsboxVariant.CMYK)
        transaction.set_rollback(True)
    return result


@pytest.fixture(autouse=True)
def _render_on_publish(settings):
    """The test settings turn publish-time rendering off for other apps' tests;
    the printing tests are the ones that check it."""
    settings.PRINT_RENDER_ON_PUBLISH = True
