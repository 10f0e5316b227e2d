"""Queries per public page with both caches off (page cache and per-page data),
as every reader meets them right after a publish. A page that needs more
fails here; so does one whose count grows with the number of stories.

The budgets are the counts measured when they were set (issue 16; before it:
story 23-25, index 20, home 21-25). The story page's feature values (stale-translation
notice, visitor counter, PDF links) come with the story's route query
(stories.annotations; an outdated translation reads its source once more), and
two queries are for an image in the body; the story is routed by its URL
path (home page, then story: the index is not read);
the landing pages also find their taxonomy object. Every page's chrome reads
its language versions and the navigation in one query (home.selectors.chrome_pages)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.tests.content import build_site
from tests.factories import SuccessStoryPageFactory

pytestmark = pytest.mark.django_db

BUDGETS = {
    "story_en": 8,
    "story_hi": 8,
    "index_en": 10,
    "index_hi": 10,
    "home_en": 8,
    "home_hi": 8,
    "landing_district_en": 11,
    "landing_sector_hi": 11,
    # +1: the product's ids in every language, for its own canonical and hreflang URLs.
    "landing_product_hi": 13,
}


@pytest.fixture(autouse=True)
def _caches_off(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    settings.PUBLIC_DATA_CACHE_SECONDS = 0


def _urls(site) -> dict[str, str]:
    hindi = site["translated"]["hi"]
    index, hindi_index = site["index"], hindi["index"]
    return {
        "story_en": site["story"].url,
        "story_hi": hindi["story"].url,
        "index_en": index.url,
        "index_hi": hindi_index.url,
        "home_en": site["home"].url,
        "home_hi": hindi["home"].url,
        "landing_district_en": index.landing_url("district", site["district"]),
        "landing_sector_hi": hindi_index.landing_url("sector", site["sector"]),
        "landing_product_hi": hindi_index.landing_url("product", site["product"]),
    }


def _queries(client, url: str) -> int:
    client.get(url)  # per-process state (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def _more_stories(site, count: int) -> None:
    for n in range(count):
        story = SuccessStoryPageFactory(
            parent=site["index"],
            sector=site["sector"],
            slug=f"more-{n}",
            posted_at=dt.datetime(2023, 6, 1 + n, tzinfo=dt.UTC),
        )
        story.districts.set([site["district"]])
        story.products.set([site["product"]])
        story.save_revision().publish()


def test_public_pages_stay_within_their_query_budgets_and_flat(client):
    site = build_site(languages=("hi",), extra_stories=2)
    urls = _urls(site)
    before = {name: _queries(client, url) for name, url in urls.items()}
    over = {name: (count, BUDGETS[name]) for name, count in before.items() if count > BUDGETS[name]}
    assert not over, f"queries over budget (count, budget): {over}"

    _more_stories(site, 14)  # more than one page of the index (12 per page)
    after = {name: _queries(client, url) for name, url in urls.items()}
    assert after == before
