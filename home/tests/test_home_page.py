"""The home page lists the latest stories in its own language."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import StoryIndexPageFactory, SuccessStoryPageFactory, home_page, translate

pytestmark = pytest.mark.django_db


def test_each_home_lists_only_stories_in_its_language(client):
    index = StoryIndexPageFactory()
    story = SuccessStoryPageFactory(parent=index, title="Kannauj attar reaches buyers")
    (hindi_home,) = translate(home_page(), "hi")
    (hindi_story,) = translate(story, "hi")
    hindi_story.title = "कन्नौज का इत्र खरीदारों तक पहुँचा"
    hindi_story.save_revision().publish()

    english = client.get("/en/").content.decode()
    hindi = client.get(hindi_home.url).content.decode()
    assert "Kannauj attar reaches buyers" in english and "कन्नौज का इत्र" not in english
    assert "कन्नौज का इत्र खरीदारों तक पहुँचा" in hindi and "Kannauj attar reaches buyers" not in hindi
    assert '<html lang="hi" dir="ltr">' in hindi


def test_embargoed_story_is_not_listed_or_served(client):
    story = SuccessStoryPageFactory(
        parent=StoryIndexPageFactory(),
        title="Embargoed weavers story",
        embargo_until=timezone.now() + dt.timedelta(days=1),
    )
    assert "Embargoed weavers story" not in client.get("/en/").content.decode()
    assert client.get(story.url).status_code == 404
