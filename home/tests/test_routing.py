"""Per-locale routing: every public page lives under its language prefix."""

import re

import pytest
from django.utils.translation import check_for_language

from languages import registry
from tests.factories import StoryIndexPageFactory, SuccessStoryPageFactory, translate

HTML_TAG = re.compile(r"<html [^>]*>")


@pytest.fixture
def story(db):
    return SuccessStoryPageFactory(
        parent=StoryIndexPageFactory(), title="Kannauj attar reaches buyers", slug="kannauj-attar"
    )


def test_english_home_and_story_are_served_under_en(client, story):
    assert client.get("/en/").status_code == 200
    assert story.url == "/en/stories/kannauj-attar/"
    response = client.get(story.url)
    assert response.status_code == 200
    assert "Kannauj attar reaches buyers" in response.content.decode()


def test_root_redirects_to_a_language_prefix(client, story):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_story_translated_through_wagtail_localize_is_served_at_its_hindi_url(client, story):
    (hindi,) = translate(story, "hi")
    hindi.title = "कन्नौज का इत्र खरीदारों तक पहुँचा"
    hindi.save_revision().publish()

    assert hindi.url == "/hi/stories/kannauj-attar/"
    html = client.get(hindi.url).content.decode()
    assert "कन्नौज का इत्र खरीदारों तक पहुँचा" in html
    assert '<html lang="hi" dir="ltr">' in html
    # The English URL still serves the English story.
    assert "Kannauj attar reaches buyers" in client.get(story.url).content.decode()


@pytest.mark.parametrize("code", registry.ALL_CODES)
def test_every_language_prefix_is_recognised(client, story, code):
    # Django accepts a URL prefix only for languages it has a catalog for;
    # locale/ holds a catalog for all 23, so also for the 12 that Django lacks.
    assert check_for_language(code)
    response = client.get(f"/{code}/")
    assert response.status_code == 200, response.get("Location")


def test_untranslated_story_under_another_prefix_says_its_own_language(client, story):
    # Wagtail falls back to the English page; the markup must not claim Tamil.
    response = client.get("/ta/stories/kannauj-attar/")
    assert response.status_code == 200
    assert HTML_TAG.search(response.content.decode()).group(0) == '<html lang="en" dir="ltr">'


@pytest.mark.parametrize(
    "path", ["/xx/", "/xx/stories/kannauj-attar/", "/en/no-such-page/", "/hi/stories/nope/"]
)
def test_unknown_language_prefix_or_page_is_404_not_500(client, story, path):
    response = client.get(path, follow=True)
    assert response.status_code == 404


def test_draft_translation_is_not_served(client, story):
    (hindi,) = translate(story, "hi", publish=False)
    assert not hindi.live
    assert client.get(hindi.url or "/hi/stories/kannauj-attar/").status_code == 404
