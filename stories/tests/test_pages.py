import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from stories.models import StoryIndexPage, SuccessStoryPage
from tests.factories import StoryIndexPageFactory, SuccessStoryPageFactory, home_page
from workshops.models import WorkshopIndexPage, WorkshopPage


class PageTypeRulesTests(WagtailPageTestCase):
    def test_story_lives_only_under_story_index(self):
        self.assertAllowedParentPageTypes(SuccessStoryPage, {StoryIndexPage})
        self.assertAllowedSubpageTypes(SuccessStoryPage, {})

    def test_home_holds_indexes(self):
        self.assertAllowedSubpageTypes(HomePage, {StoryIndexPage, WorkshopIndexPage})
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(WorkshopPage, {WorkshopIndexPage})

    def test_cannot_put_story_under_home(self):
        self.assertCanNotCreateAt(HomePage, SuccessStoryPage)
        self.assertCanCreateAt(StoryIndexPage, SuccessStoryPage)
        self.assertCanNotCreateAt(Page, SuccessStoryPage)


@pytest.mark.django_db
def test_release_id_is_assigned_from_sequence_when_blank():
    first = SuccessStoryPageFactory()
    second = SuccessStoryPageFactory()
    assert first.release_id and second.release_id == first.release_id + 1


@pytest.mark.django_db
def test_imported_release_id_moves_sequence_past_it():
    SuccessStoryPageFactory(release_id=9_000_000)
    assert SuccessStoryPageFactory().release_id == 9_000_001


@pytest.mark.django_db
def test_release_id_of_another_story_is_refused():
    SuccessStoryPageFactory(release_id=2000861)
    other = SuccessStoryPageFactory.build(release_id=2000861)
    with pytest.raises(ValidationError) as error:
        other.clean()
    assert "release_id" in error.value.message_dict


@pytest.mark.django_db
def test_story_renders_under_language_prefix(client):
    index = StoryIndexPageFactory(parent=home_page())
    story = SuccessStoryPageFactory(parent=index, title="Banarasi silk finds buyers")
    response = client.get(story.url)
    assert story.url.startswith("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Banarasi silk finds buyers" in html
    assert "Posted On: 31 JAN 2024 1:42PM by PIB Delhi" in html
    assert f"Release ID: {story.release_id}" in html
