"""core.pages (public, view restrictions) and core.sites (the request's Site)
answer as Wagtail does, and forget what they cache when it changes."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from core.pages import public
from core.sites import site_for_request
from stories.selectors import listing_stories
from tests.factories import StoryIndexPageFactory, SuccessStoryPageFactory, home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories():
    index = StoryIndexPageFactory(parent=home_page())
    return index, SuccessStoryPageFactory(parent=index, slug="open"), SuccessStoryPageFactory(parent=index)


def test_public_matches_wagtail_and_follows_new_restrictions(stories):
    index, open_story, private_story = stories
    assert set(public(Page.objects.all())) == set(Page.objects.public())
    PageViewRestriction.objects.create(page=private_story, restriction_type=PageViewRestriction.LOGIN)
    assert set(public(Page.objects.all())) == set(Page.objects.public())
    assert list(listing_stories(locale=index.locale)) == [open_story]
    PageViewRestriction.objects.filter(page=private_story).delete()
    assert set(listing_stories(locale=index.locale)) == {open_story, private_story}


def test_a_restricted_section_hides_its_stories_and_asks_for_login(client, stories):
    index, open_story, _private = stories
    restriction = PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    assert list(listing_stories(locale=index.locale)) == []
    response = client.get(open_story.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert list(open_story.get_view_restrictions()) == [restriction]
    restriction.delete()
    assert client.get(open_story.url).status_code == 200


def test_unrestricted_pages_need_no_restriction_query(stories, django_assert_num_queries):
    _index, open_story, _private = stories
    public(Page.objects.all())  # the (empty) list of restricted paths is cached
    with django_assert_num_queries(0):
        assert list(open_story.get_view_restrictions()) == []
        public(Page.objects.all())


def test_site_for_request_follows_wagtail_and_site_changes(stories):
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get("/", HTTP_HOST="elsewhere.example")
    assert site_for_request(request).pk == site.pk  # the default site, as Wagtail picks
    other = Site.objects.create(hostname="elsewhere.example", port=80, root_page=stories[0])
    request = RequestFactory().get("/", HTTP_HOST="elsewhere.example")
    assert (
        site_for_request(request).pk
        == other.pk
        == Site.find_for_request(RequestFactory().get("/", HTTP_HOST="elsewhere.example")).pk
    )
