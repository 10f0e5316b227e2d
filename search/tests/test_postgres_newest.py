"""PostgreSQL: the newest matches are found among the newest WALKED stories
first and among the older ones from the GIN index only when those hold too
few; either way the result is upstream's: the newest `limit` matches, ranked
by upstream's rank (then the newest)."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from search.backends import database
from search.selectors import searchable_stories
from tests.translation import locale

from .builders import story

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL backend's own path"),
]


@pytest.fixture
def stories():
    summaries = [
        "weavers of silk",  # oldest
        "potters",
        "weavers weavers weavers",
        "farmers",
        "weavers",
        "toy makers",
        "spice growers",  # newest
    ]
    return [story("en", title=f"Story {n}", summary=text) for n, text in enumerate(summaries)]


def expected(backend, queryset, limit):
    """Upstream's own answer: every match ranked, then the newest `limit` of them in that order."""
    every = backend.search_ids("weavers", queryset, limit=100)
    newest = sorted(every, reverse=True)[:limit]
    return [pk for pk in every if pk in newest]


@pytest.mark.parametrize("walked", [1, 2, 3, 1000])
def test_the_newest_matches_ranked_whatever_the_walk(stories, monkeypatch, walked):
    monkeypatch.setattr(database, "WALKED", walked)
    backend = get_search_backend()
    queryset = searchable_stories(locale=locale("en"))
    for limit in (1, 2, 3, 10):
        assert backend.newest_ids("weavers", queryset, limit=limit) == expected(backend, queryset, limit)
    assert backend.newest_ids("nothing", queryset, limit=5) == []


def test_the_older_matches_are_read_only_when_the_walk_holds_too_few(
    stories, monkeypatch, django_assert_max_num_queries
):
    backend = get_search_backend()
    queryset = searchable_stories(locale=locale("en"))
    monkeypatch.setattr(database, "WALKED", 3)  # the three newest hold "weavers" once
    with django_assert_max_num_queries(2):  # the walk and its check, no more
        assert backend.newest_ids("weavers", queryset, limit=1) == [stories[4].pk]
    with django_assert_max_num_queries(4):  # and the older matches, ranked
        assert len(backend.newest_ids("weavers", queryset, limit=3)) == 3
