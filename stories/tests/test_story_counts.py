"""The listings' story counts (StoryCount) follow the publication lifecycle:
after each change the kept rows are what a recount from scratch gives, and
each count is the number of stories its listing shows."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from home.models import HomePage
from stories.models import PendingRelease, StoryCount, StoryIndexPage, SuccessStoryPage
from stories.selectors import StoryFilters, filter_choices, listing_count, listing_stories
from stories.services.embargo import lift_due_embargoes
from stories.services.story_counts import rebuild_story_counts
from tests.factories import (
    DistrictFactory,
    SectorFactory,
    StoryIndexPageFactory,
    SuccessStoryPageFactory,
    varanasi_handloom,
)
from tests.translation import locale, translate

pytestmark = pytest.mark.django_db


def _rows() -> list[tuple]:
    return sorted(StoryCount.objects.values_list("index_id", "locale_id", "kind", "key", "stories"))


def assert_kept_as_recounted() -> list[tuple]:
    kept = _rows()
    rebuild_story_counts()
    assert kept == _rows()
    return kept


def assert_counts_are_listings(index: StoryIndexPage, taxonomy) -> None:
    """Each count the index and its landing pages read is the length of the
    listing they show."""
    index = StoryIndexPage.objects.select_related("locale").get(pk=index.pk)
    cases = [StoryFilters(), StoryFilters(tag="handloom")]
    cases += [
        StoryFilters(**{kind: getattr(taxonomy, kind)}) for kind in ("state", "district", "sector", "product")
    ]
    for filters in cases:
        listed = listing_stories(locale=index.locale, index=index, filters=filters).count()
        assert listing_count(index=index, filters=filters) == listed, filters


@pytest.fixture
def taxonomy():
    return varanasi_handloom()


def _story(index, taxonomy, slug, **fields) -> SuccessStoryPage:
    story = SuccessStoryPageFactory(parent=index, slug=slug, sector=taxonomy.sector, **fields)
    story.districts.set([taxonomy.district])
    story.products.set([taxonomy.product])
    story.tags.add("handloom")
    return story


def _count(index, kind="all", obj=None) -> int:
    filters = StoryFilters(**({kind: obj} if obj is not None else {}))
    return listing_count(index=index, filters=filters)


def test_publish_unpublish_and_republish_elsewhere_keep_the_counts(taxonomy):
    index = StoryIndexPageFactory()
    first = _story(index, taxonomy, "first")
    first.save_revision().publish()
    draft = _story(index, taxonomy, "draft", live=False)  # never published: never counted
    second = _story(index, taxonomy, "second")
    second.save_revision().publish()
    assert _count(index) == 2 and _count(index, "district", taxonomy.district) == 2
    assert draft.pk and assert_kept_as_recounted()
    assert_counts_are_listings(index, taxonomy)

    second.unpublish()
    assert _count(index) == 1 and _count(index, "product", taxonomy.product) == 1
    assert_kept_as_recounted()

    # Republished in another district and sector, without its tag: it leaves
    # the old ones' counts.
    elsewhere = DistrictFactory(name="Lucknow", state=taxonomy.state, lgd_code=162)
    crafts = SectorFactory(name="Handicrafts", slug="handicrafts")
    first.districts.set([elsewhere])
    first.sector = crafts
    first.tags.clear()
    first.save_revision().publish()
    assert _count(index, "district", taxonomy.district) == 0
    assert _count(index, "district", elsewhere) == 1
    assert _count(index, "sector", taxonomy.sector) == 0 and _count(index, "sector", crafts) == 1
    assert listing_count(index=index, filters=StoryFilters(tag="handloom")) == 0
    assert_kept_as_recounted()
    assert_counts_are_listings(index, taxonomy)
    assert [d.pk for d in filter_choices(locale=index.locale)["districts"]] == [elsewhere.pk]


def test_an_embargoed_story_counts_from_its_release(taxonomy):
    index = StoryIndexPageFactory()
    _story(index, taxonomy, "open").save_revision().publish()
    embargoed = _story(index, taxonomy, "embargoed", embargo_until=timezone.now() + dt.timedelta(hours=1))
    embargoed.save_revision().publish()
    assert _count(index) == 1 and _count(index, "state", taxonomy.state) == 1
    assert_kept_as_recounted()
    assert_counts_are_listings(index, taxonomy)

    past = timezone.now() - dt.timedelta(seconds=1)  # its hour has passed
    SuccessStoryPage.objects.filter(pk=embargoed.pk).update(embargo_until=past)
    PendingRelease.objects.filter(page_id=embargoed.pk).update(embargo_until=past)
    assert [story.pk for story in lift_due_embargoes()] == [embargoed.pk]
    assert _count(index) == 2 and _count(index, "state", taxonomy.state) == 2
    assert_kept_as_recounted()
    assert_counts_are_listings(index, taxonomy)


def test_a_translation_counts_in_its_own_index(taxonomy):
    index = StoryIndexPageFactory()
    story = _story(index, taxonomy, "story")
    story.save_revision().publish()
    hindi = translate(story, "hi")  # publishes the Hindi story (and its index)
    hindi_index = StoryIndexPage.objects.get(locale=locale("hi"))
    assert hindi.live and _count(hindi_index) == 1
    assert _count(hindi_index, "district", taxonomy.district) == 1
    assert StoryCount.objects.filter(index=hindi_index, locale=locale("hi")).exists()
    assert_kept_as_recounted()
    assert_counts_are_listings(hindi_index, taxonomy)


def test_a_story_moved_to_another_index_leaves_the_old_counts(taxonomy):
    index = StoryIndexPageFactory()
    root = Page.get_first_root_node()
    other_home = root.add_child(instance=HomePage(title="Second site", slug="second", locale=locale("en")))
    other_index = StoryIndexPageFactory(parent=other_home)
    story = _story(index, taxonomy, "moving")
    story.save_revision().publish()
    assert (_count(index), _count(other_index)) == (1, 0)

    story.move(other_index, pos="last-child")
    assert (_count(index), _count(other_index)) == (0, 1)
    assert _count(other_index, "sector", taxonomy.sector) == 1
    assert_kept_as_recounted()
    assert_counts_are_listings(other_index, taxonomy)


def test_a_private_or_deleted_story_is_not_counted(taxonomy):
    index = StoryIndexPageFactory()
    story = _story(index, taxonomy, "private")
    story.save_revision().publish()
    _story(index, taxonomy, "public").save_revision().publish()
    assert _count(index) == 2

    restriction = PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    assert _count(index) == 1 and _count(index, "product", taxonomy.product) == 1
    assert_kept_as_recounted()
    assert_counts_are_listings(index, taxonomy)
    restriction.delete()
    assert _count(index) == 2

    SuccessStoryPage.objects.get(pk=story.pk).delete()
    assert _count(index) == 1 and _count(index, "district", taxonomy.district) == 1
    assert_kept_as_recounted()
    assert_counts_are_listings(index, taxonomy)
