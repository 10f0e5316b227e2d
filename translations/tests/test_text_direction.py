import pytest
from django.urls import reverse
from wagtail.models import Page

from stories.models import StoryIndexPage
from taxonomy.models import Sector

pytestmark = pytest.mark.django_db


def _direction(client, path):
    return client.get(reverse("odop_translations:text_direction"), {"path": path}).json()


@pytest.mark.parametrize(("code", "direction"), [("ur", "rtl"), ("hi", "ltr"), ("ta", "ltr")])
def test_page_forms_get_the_page_languages_direction(world, client, code, direction):
    client.force_login(world.admin)
    page = Page.objects.get(translation_key=world.story.translation_key, locale__language_code=code)
    assert _direction(client, f"/admin/pages/{page.pk}/edit/") == {
        "lang": code,
        "dir": direction,
        "font": {"ur": "Noto Nastaliq Urdu", "hi": "Noto Sans Devanagari", "ta": "Noto Sans Tamil"}[code],
    }
    index = StoryIndexPage.objects.get(locale__language_code=code)
    assert _direction(client, f"/admin/pages/add/stories/successstorypage/{index.pk}/")["dir"] == direction


def test_snippet_forms_get_the_snippets_direction(world, client):
    client.force_login(world.admin)
    sector = Sector.objects.get(
        translation_key=world.story.sector.translation_key, locale__language_code="ur"
    )
    assert _direction(client, f"/admin/snippets/taxonomy/sector/edit/{sector.pk}/")["dir"] == "rtl"


def test_screens_without_a_language_get_nothing(world, client):
    client.force_login(world.admin)
    assert _direction(client, "/admin/")["lang"] is None
    assert _direction(client, "/not-admin/")["lang"] is None


def test_editor_script_is_on_the_page_editor(world, client):
    client.force_login(world.admin)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[world.story.pk])).content.decode()
    assert "translations/js/text-direction.js" in html
