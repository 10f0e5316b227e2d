"""Every page says <html lang=".." dir=".."> in its own language."""

import re

import pytest
from django.utils import translation

from home import fonts
from tests.factories import SuccessStoryPageFactory
from tests.translation import translate

HTML_TAG = re.compile(r"<html [^>]*>")


@pytest.fixture
def story(db):
    return SuccessStoryPageFactory(title="Kannauj attar reaches buyers")


def html_tag(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return HTML_TAG.search(response.content.decode()).group(0)


def test_english_story_is_lang_en_ltr(client, story):
    assert html_tag(client, story.url) == '<html lang="en" dir="ltr">'


@pytest.mark.parametrize(
    ("code", "direction"),
    [("hi", "ltr"), ("ur", "rtl"), ("ta", "ltr"), ("bn", "ltr"), ("sd", "rtl"), ("ks", "rtl")],
)
def test_translated_story_says_its_language_and_direction(client, story, code, direction):
    translation = translate(story, code)
    assert translation.url.startswith(f"/{code}/")
    assert html_tag(client, translation.url) == f'<html lang="{code}" dir="{direction}">'


def test_index_and_home_pages_say_their_language_too(client, story):
    index = story.get_parent()
    urdu_index = translate(index, "ur")
    assert html_tag(client, urdu_index.url) == '<html lang="ur" dir="rtl">'
    assert html_tag(client, "/ur/") == '<html lang="ur" dir="rtl">'  # the home, copied on the way
    # No Hindi home yet: Wagtail serves the English one, which says so.
    assert html_tag(client, "/hi/") == '<html lang="en" dir="ltr">'


def test_urdu_page_sets_the_nastaliq_font_for_its_script(client, story):
    urdu = translate(story, "ur")
    html = client.get(urdu.url).content.decode()
    assert '<link rel="stylesheet" href="/static/fonts/Aran.css">' in html
    assert ':root{--script-font:"Noto Nastaliq Urdu"}' in fonts.stylesheet("Aran")


def test_admin_preview_of_a_hindi_page_says_hindi_under_an_english_admin(story):
    hindi = translate(story, "hi")
    with translation.override("en"):
        response = hindi.make_preview_request()
    assert HTML_TAG.search(response.content.decode()).group(0) == '<html lang="hi" dir="ltr">'
