"""A word found in many stories: the page counts, ranks and facets the newest
MAX_COUNTED matches only, says there are more, and costs the same whatever
the number of matches (issue 16: the search page grows at most 10% from 200
to 20,000 stories)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import services
from search.selectors import StoryFilters
from tests.factories import SectorFactory

from .builders import story

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_weavers():
    handloom, food = SectorFactory(name="Handloom"), SectorFactory(name="Food")
    return [
        story("en", title=f"Weavers {n}", summary="weavers of the district", sector=handloom if n else food)
        for n in range(5)
    ]


def test_more_matches_than_counted_gives_the_newest_and_says_so(five_weavers, monkeypatch, client):
    monkeypatch.setattr(services, "MAX_COUNTED", 3)
    page = services.search_stories(raw_query="weavers", language_code="en", filters=StoryFilters())
    assert page.total == 3 and page.total_capped
    assert {r.title for r in page.results} == {"Weavers 4", "Weavers 3", "Weavers 2"}
    sectors = next(f for f in page.facets if f.name == "sector")
    assert [(o.label, o.count) for o in sectors.options] == [("Handloom", 3)]  # the counted ones only
    html = client.get("/en/search/?q=weavers").content.decode()
    assert "More than 3 stories found" in html


def test_fewer_matches_than_counted_are_all_counted(five_weavers):
    page = services.search_stories(raw_query="weavers", language_code="en", filters=StoryFilters())
    assert page.total == 5 and not page.total_capped
    sectors = next(f for f in page.facets if f.name == "sector")
    assert sorted((o.label, o.count) for o in sectors.options) == [("Food", 1), ("Handloom", 4)]


def test_the_queries_do_not_depend_on_the_number_of_matches(five_weavers, monkeypatch):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            services.search_stories(raw_query="weavers", language_code="en", filters=StoryFilters())
        return len(captured)

    monkeypatch.setattr(services, "MAX_COUNTED", 2)
    queries()  # the restricted paths are read once, then cached (core.pages)
    few = queries()
    for n in range(5, 10):
        story("en", title=f"Weavers {n}", summary="weavers of the district")
    assert queries() == few
