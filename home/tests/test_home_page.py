"""The home page lists the latest stories in its own language."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import SuccessStoryPageFactory, home_page
from tests.translation import translate

pytestmark = pytest.mark.django_db


def test_each_home_lists_only_stories_in_its_language(client):
    story = SuccessStoryPageFactory(title="Kannauj attar reaches buyers")
    hindi_home = translate(home_page(), "hi")
    translate(story, "hi", strings={"Kannauj attar reaches buyers": "कन्नौज का इत्र खरीदारों तक पहुँचा"})

    english = client.get("/en/").content.decode()
    hindi = client.get(hindi_home.url).content.decode()
    assert "Kannauj attar reaches buyers" in english and "कन्नौज का इत्र" not in english
    assert "कन्नौज का इत्र खरीदारों तक पहुँचा" in hindi and "Kannauj attar reaches buyers" not in hindi
    assert '<html lang="hi" dir="ltr">' in hindi


def test_embargoed_story_is_not_listed_or_served(client):
    story = SuccessStoryPageFactory(
        title="Embargoed weavers story",
        embargo_until=timezone.now() + dt.timedelta(days=1),
    )
    assert "Embargoed weavers story" not in client.get("/en/").content.decode()
    assert client.get(story.url).status_code == 404
