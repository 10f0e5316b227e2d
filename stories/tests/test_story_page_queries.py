"""The story page's query count: at most 12, and flat as a story grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import Seller
from tests.factories import (
    DistrictFactory,
    ProductFactory,
    StateFactory,
    StoryIndexPageFactory,
    SuccessStoryPageFactory,
    home_page,
)
from tests.translation import translate

MAX_QUERIES = 12
pytestmark = pytest.mark.django_db


def grow(story, *, count: int) -> None:
    """Give the story `count` districts (in different states), products and sellers."""
    for n in range(count):
        district = DistrictFactory(state=StateFactory())
        story.districts.add(district)
        story.products.add(ProductFactory(district=district))
        Seller.objects.create(
            page=story,
            name=f"Seller {n}",
            kind="artisan",
            locale=story.locale,
            where_to_buy=[("link", {"marketplace": "ondc", "url": f"https://ondc.example/{n}"})],
        )
    story.save_revision().publish()


def small_and_large(index) -> tuple:
    """Two stories under `index`: one with a district, product and seller; one with twelve of each."""
    small = SuccessStoryPageFactory(parent=index)
    grow(small, count=1)
    large = SuccessStoryPageFactory(parent=index)
    grow(large, count=12)
    return small, large


def queries_for(client, url: str) -> int:
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.fixture(autouse=True)
def _production_data_cache(settings):
    """Measure as production runs: per-page data cached (PUBLIC_DATA_CACHE_SECONDS
    defaults to 300 outside tests), the full-page cache off so that every
    request renders."""
    settings.PUBLIC_DATA_CACHE_SECONDS = 300
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def index():
    return StoryIndexPageFactory()


def test_story_page_stays_within_the_query_budget(client, index, django_assert_max_num_queries):
    story = SuccessStoryPageFactory(parent=index)
    grow(story, count=3)
    client.get(story.url)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(story.url)
    assert response.status_code == 200
    assert "Seller 2" in response.content.decode()


def test_story_page_queries_do_not_grow_with_districts_products_or_sellers(client, index):
    small, large = small_and_large(index)
    assert queries_for(client, large.url) == queries_for(client, small.url) <= MAX_QUERIES


def test_translated_story_page_stays_within_the_budget_and_flat(client, index):
    small, large = small_and_large(index)
    # The Hindi tree as real translations (as import_release and load_demo make
    # it): alias ancestors would cost Wagtail's view-restriction check one
    # query each.
    translate(home_page(), "hi")
    translate(index, "hi")
    hindi_small = translate(small, "hi")
    hindi_large = translate(large, "hi")
    # Hindi names for some of the taxonomy: the page shows them through translation_key.
    translate(large.districts.first(), "hi")
    assert queries_for(client, hindi_large.url) == queries_for(client, hindi_small.url) <= MAX_QUERIES


def test_story_index_queries_do_not_grow_with_stories(client, index):
    SuccessStoryPageFactory(parent=index)
    few = queries_for(client, index.url)
    for _ in range(10):
        SuccessStoryPageFactory(parent=index)
    assert queries_for(client, index.url) == few


def test_tags_sellers_districts_and_products_come_with_the_route(client, index, settings):
    """The route's query reads the story's tags, sellers, districts and
    products with it (stories.selectors.story_rows): no query of the page's
    own names their tables, and a story with all of them costs what a story
    with none costs."""
    settings.PUBLIC_DATA_CACHE_SECONDS = 0  # every query the page makes
    bare = SuccessStoryPageFactory(parent=index)
    bare.save_revision().publish()
    full = SuccessStoryPageFactory(parent=index)
    full.tags.add("zari-work")
    grow(full, count=2)
    client.get(full.url)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(full.url).content.decode()
    assert "Seller 0" in html and "Seller 1" in html
    assert "zari-work" in html
    for district in full.districts.all():
        assert district.name in html
    for product in full.products.all():
        assert product.name in html
    sqls = [q["sql"] for q in captured.captured_queries]
    for table in ("stories_seller", "taggit_tag", "taxonomy_district", "taxonomy_product"):
        assert not [sql for sql in sqls if sql.startswith(f'SELECT "{table}".')], (
            f"a query of its own for {table}"
        )
    assert queries_for(client, bare.url) == queries_for(client, full.url)
