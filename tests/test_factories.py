"""Factories work in transactional tests too, after Django has flushed the
tree the migrations made. Either test, run second, checks that."""

import pytest

from stories.models import SuccessStoryPage
from tests.factories import SuccessStoryPageFactory


@pytest.mark.django_db(transaction=True)
def test_story_factory_builds_under_a_home_in_a_transactional_test(client):
    story = SuccessStoryPageFactory()
    assert story.get_parent().get_parent().depth == 2
    assert client.get(story.url).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_story_factory_builds_again_after_a_flush(client):
    story = SuccessStoryPageFactory()
    assert SuccessStoryPage.objects.get().url == story.url
    assert client.get(story.url).status_code == 200
