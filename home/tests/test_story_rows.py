"""The story's tags, sellers, districts and products read with the route's
query as JSON columns (core.rows, stories.selectors.story_rows) are the
same objects the queries of their own read: same rows, same values, same
order, in every language, on SQLite and PostgreSQL."""

import pytest
from django.db.models import OuterRef

from core.rows import from_rows, related_rows
from home.tests.content import build_site
from stories.models import Seller, StoryTag, SuccessStoryPage
from stories.selectors import (
    SELLER_ROWS,
    SNIPPET_ROWS,
    TAG_ROWS,
    story_at_path,
    story_sellers,
    story_tags,
    story_taxonomy,
)
from taxonomy.models import District
from tests.translation import translate

pytestmark = pytest.mark.django_db


def fields(obj) -> dict:
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


def routed(story) -> SuccessStoryPage:
    home_path = story.get_parent().get_parent().url_path
    return story_at_path(home_url_path=home_path, index_slug=story.get_parent().slug, slug=story.slug)


def test_the_routes_rows_are_what_the_queries_read(settings):
    settings.PUBLIC_DATA_CACHE_SECONDS = 0
    site = build_site(languages=("hi", "ur"), extra_stories=1)
    story = SuccessStoryPage.objects.get(pk=site["story"].pk)
    story.tags.add("silk", "varanasi", "gi-tag")
    for n in (2, 0, 1):
        Seller.objects.create(
            page=story,
            name=f"Seller {n}",
            kind="artisan",
            locale=story.locale,
            sort_order=n,
            where_to_buy=[("link", {"marketplace": "ondc", "url": f"https://ondc.example/{n}"})],
        )
    second = District.objects.create(name="Bhadohi", state=site["state"], lgd_code=188, locale=story.locale)
    story.districts.add(second)
    story.save_revision().publish()
    translate(second, "hi")  # one district in Hindi, the other as linked
    checked = 0
    for page in [story, *(site["translated"][code]["story"] for code in ("hi", "ur"))]:
        with_rows = routed(page)
        assert with_rows is not None
        for name in (TAG_ROWS, SELLER_ROWS, *SNIPPET_ROWS.values()):
            assert hasattr(with_rows, name), name
        stored = SuccessStoryPage.objects.get(pk=page.pk)  # no rows: its own queries
        for name in (TAG_ROWS, SELLER_ROWS, *SNIPPET_ROWS.values()):
            assert not hasattr(stored, name)
        assert [fields(t) for t in story_tags(with_rows)] == [fields(t) for t in story_tags(stored)]
        sellers, expected = story_sellers(with_rows), story_sellers(stored)
        assert [fields(s) | {"where_to_buy": None} for s in sellers] == [
            fields(s) | {"where_to_buy": None} for s in expected
        ]
        assert [list(s.where_to_buy.raw_data) for s in sellers] == [
            list(s.where_to_buy.raw_data) for s in expected
        ]
        assert [link.value["url"] for s in sellers for link in s.where_to_buy] == [
            link.value["url"] for s in expected for link in s.where_to_buy
        ]
        ours, theirs = story_taxonomy(with_rows), story_taxonomy(stored)
        for kind in ("districts", "states", "products"):
            assert [fields(o) for o in ours[kind]] == [fields(o) for o in theirs[kind]], kind
        for district, other in zip(ours["districts"], theirs["districts"], strict=True):
            assert fields(district.state) == fields(other.state)
            assert district._state.db == "default" and not district._state.adding
        checked += len(ours["districts"]) + len(sellers)
    assert checked >= (2 + 3) + 1 + 1  # the English story's 2 districts and 3 sellers, a district each
    hindi = story_taxonomy(routed(site["translated"]["hi"]["story"]))["districts"]
    assert any(d.locale_id == site["translated"]["hi"]["story"].locale_id for d in hindi)


def test_a_story_with_none_reads_none():
    site = build_site(languages=(), extra_stories=0)
    story = SuccessStoryPage.objects.get(pk=site["story"].pk)
    StoryTag.objects.filter(content_object_id=story.pk).delete()
    Seller.objects.filter(page_id=story.pk).delete()
    with_rows = routed(story)
    assert story_tags(with_rows) == [] and story_sellers(with_rows) == []


def test_rows_refuse_what_json_cannot_say_and_a_row_of_the_wrong_width():
    # A page has datetimes: their JSON form is text that does not say so.
    with pytest.raises(TypeError, match="_at: its JSON form would not say"):
        related_rows(SuccessStoryPage.objects.filter(pk=OuterRef("pk")))
    with pytest.raises(ValueError, match="row of 2 values"):
        from_rows(District, [[1, "x"]], using="default")
    assert from_rows(District, None, using="default") == []
