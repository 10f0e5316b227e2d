"""load_demo against a real database. The full load runs once, with real
commits (wagtail-localize publishes translations on commit), and is then run
again to prove it changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo.content import load_content
from demo.images import draw_poster
from demo.services import ADMIN_PASSWORD, load_demo
from home.models import HomePage
from stories.models import SuccessStoryPage
from taxonomy.models import District, Product, State
from workshops.models import WorkshopPage

STORY_LANGUAGES = {"hi", "ur", "ta", "bn", "mr"}


def counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "strings": StringTranslation.objects.count(),
        "translations": Translation.objects.count(),
        "districts": District.objects.count(),
        "products": Product.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
    }


def has_script(text: str, first: str, last: str) -> bool:
    return any(first <= char <= last for char in text)


def test_poster_is_a_1200_by_675_jpeg():
    data_bytes = draw_poster(
        title="Bhagalpur silk", subtitle="Bhagalpur, Bihar", badge="ODOP", palette=3, seed="x"
    )
    image = PILImage.open(io.BytesIO(data_bytes))
    assert (image.format, image.size) == ("JPEG", (1200, 675))


def test_every_taxonomy_name_has_all_five_translations_in_their_scripts():
    content = load_content()
    ranges = {
        "hi": ("\u0900", "\u097f"),
        "ur": ("\u0600", "\u06ff"),
        "ta": ("\u0b80", "\u0bff"),
        "bn": ("\u0980", "\u09ff"),
        "mr": ("\u0900", "\u097f"),
    }
    assert set(content.story_languages) == set(ranges)
    for english, names in content.taxonomy.names.items():
        for code in content.story_languages:
            assert has_script(names[code], *ranges[code]), (english, code, names[code])


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_load_demo_builds_the_translated_site_and_a_second_run_changes_nothing():
    first = load_demo()

    # The admin login exists and works.
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(ADMIN_PASSWORD)

    # At least 24 English stories from at least 8 states.
    english = SuccessStoryPage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 24
    states = State.objects.filter(districts__stories__in=english).distinct()
    assert states.count() >= 8

    # Each story is translated into hi, ur, ta, bn and mr through wagtail-localize.
    for story in english:
        source = TranslationSource.objects.get(object_id=story.translation_key)
        targets = set(
            Translation.objects.filter(source=source).values_list("target_locale__language_code", flat=True)
        )
        assert targets >= STORY_LANGUAGES
        live = set(
            SuccessStoryPage.objects.live()
            .filter(translation_key=story.translation_key)
            .values_list("locale__language_code", flat=True)
        )
        assert live == STORY_LANGUAGES | {"en"}

    # Every enabled locale has a home page, story index and workshop index.
    locales = Locale.objects.count()
    assert HomePage.objects.live().count() == locales
    assert Page.objects.live().filter(slug="stories", depth=3).count() == locales
    assert WorkshopPage.objects.live().filter(locale__language_code="en").count() >= 3

    # Real translated text, in the reader's script, served at /<lang>/.
    client = Client()
    hindi = client.get("/hi/stories/varanasi-banarasi-silk/")
    assert hindi.status_code == 200
    assert "वाराणसी के बनारसी रेशम बुनकर" in hindi.content.decode()
    urdu = client.get("/ur/stories/malda-mango/")
    assert urdu.status_code == 200
    assert 'dir="rtl"' in urdu.content.decode()
    assert "مالدہ کے آم کاشتکار" in urdu.content.decode()
    for code in ["ta", "bn", "mr"]:
        assert client.get(f"/{code}/stories/").status_code == 200
        assert client.get(f"/{code}/odop-sampark/odop-sampark-kolkata/").status_code == 200

    # Running it again creates nothing and changes nothing.
    before = counts()
    second = load_demo()
    assert second.created == {}
    assert counts() == before
    assert first.created["success story"] == len(load_content().stories)
