"""The chrome's reads: a fixed number of queries whatever the site's size.
(`.public()` costs Wagtail's view-restriction query in each.)"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.pages import restricted_paths
from home.selectors import chrome_pages, live_translations, navigation_sections, sitemap_pages
from tests.factories import (
    StoryIndexPageFactory,
    SuccessStoryPageFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
    home_page,
)
from workshops.selectors import latest_workshops, workshops_under

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    index = StoryIndexPageFactory()
    stories = [SuccessStoryPageFactory(parent=index, title=f"Story {n}") for n in range(5)]
    embargoed = SuccessStoryPageFactory(
        parent=index, title="Embargoed", embargo_until=timezone.now() + dt.timedelta(days=1)
    )
    workshops = WorkshopIndexPageFactory()
    for n in range(4):
        WorkshopPageFactory(parent=workshops, title=f"Workshop {n}")
    return {"index": index, "stories": stories, "embargoed": embargoed, "workshops": workshops}


def _queries(read) -> int:
    with CaptureQueriesContext(connection) as captured:
        read()
    return len(captured)


def test_sitemap_pages_leave_out_embargoed_stories_in_flat_queries(site):
    titles = {page.title for page in sitemap_pages(root=home_page())}
    assert {f"Story {n}" for n in range(5)} <= titles
    assert "Embargoed" not in titles
    before = _queries(lambda: sitemap_pages(root=home_page()))
    for n in range(5, 15):
        SuccessStoryPageFactory(parent=site["index"], title=f"Story {n}")
    assert _queries(lambda: sitemap_pages(root=home_page())) == before


def test_navigation_sections_are_one_read(site, django_assert_num_queries):
    restricted_paths()  # cached until a restriction changes (core.pages)
    with django_assert_num_queries(1):
        sections = navigation_sections(language_code="en")
    assert {model.__name__ for model in sections} == {"HomePage", "StoryIndexPage", "WorkshopIndexPage"}


def test_chrome_pages_read_translations_and_navigation_together(site, django_assert_num_queries):
    """One query gives what live_translations and navigation_sections give
    apart: an embargoed story has no live version, a hidden section no link."""
    restricted_paths()
    story, embargoed, home = site["stories"][0], site["embargoed"], home_page()
    for page in (story, embargoed, home, site["workshops"]):
        with django_assert_num_queries(1):
            translations, sections = chrome_pages(page, language_code="hi")
        assert [p.pk for p in translations] == [p.pk for p in live_translations(page)]
        assert {m: p.pk for m, p in sections.items()} == {
            m: p.pk for m, p in navigation_sections(language_code="hi").items()
        }
    assert chrome_pages(embargoed, language_code="en")[0] == []
    assert [p.pk for p in chrome_pages(story, language_code="en")[0]] == [story.pk]
    site["workshops"].unpublish()
    assert set(chrome_pages(story, language_code="en")[1]) == set(navigation_sections(language_code="en"))
    assert len(chrome_pages(story, language_code="en")[1]) == 2


def test_workshop_listings_are_one_read_each(site, django_assert_num_queries):
    restricted_paths()
    with django_assert_num_queries(1):
        listed = list(workshops_under(site["workshops"]))
    assert len(listed) == 4
    locale = home_page().locale
    with django_assert_num_queries(1):
        latest = list(latest_workshops(locale=locale, limit=3))
    assert [w.date for w in latest] == sorted((w.date for w in latest), reverse=True)
    assert {w.state.name for w in latest}  # state is joined, no extra query
