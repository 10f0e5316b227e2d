"""The story page's reads compiled once per shape (core.compiled.CompiledQuery):
each is the ORM's own SQL with the request's values, and none outlives what
it was compiled around: a new view restriction, an embargo, a new link."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.pages import restricted_paths
from home.selectors import CHROME_ROWS, _navigation_type_ids, chrome_pages
from home.tests.content import build_site
from stories.selectors import RELATED_STORIES, STORY_SNIPPETS, related_stories, story_taxonomy
from taxonomy.models import District

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    settings.PUBLIC_DATA_CACHE_SECONDS = 0
    return build_site(languages=("hi", "ur"), extra_stories=3)


def test_each_read_is_the_orms_sql_with_the_pages_values(site):
    now = timezone.now()
    for code in ("en", "hi", "ur"):
        story = site["story"] if code == "en" else site["translated"][code]["story"]
        for relation in ("districts", "products"):
            values = (story.pk, story.locale_id)
            assert STORY_SNIPPETS.bound(*values, relation=relation) == STORY_SNIPPETS.compiled(
                *values, relation=relation
            )
        keys = [site["district"].translation_key]
        for shape in [(keys, [], []), (keys, keys[:1], keys[:1]), ([], [], [])]:
            values = (*shape, story.locale_id, story.translation_key, now)
            variant = {"restricted": ("00010001",), "limit": 4}
            assert RELATED_STORIES.bound(*values, **variant) == RELATED_STORIES.compiled(*values, **variant)
        values = (story.translation_key, sorted({code, "en"}), now)
        variant = {"restricted": (), "navigation_types": _navigation_type_ids()}
        assert CHROME_ROWS.bound(*values, **variant) == CHROME_ROWS.compiled(*values, **variant)


def test_related_stories_and_chrome_follow_restrictions_and_embargoes(site):
    story, others = site["story"], site["others"]
    assert [s.pk for s in related_stories(story)] == [o.pk for o in reversed(others)]
    assert [p.pk for p in chrome_pages(story, language_code="hi")[0]] == [
        story.pk,
        site["translated"]["hi"]["story"].pk,
        site["translated"]["ur"]["story"].pk,
    ]
    # Compiled without restrictions; a story made private leaves both lists.
    restriction = PageViewRestriction.objects.create(
        page=others[0], restriction_type=PageViewRestriction.LOGIN
    )
    private_hindi = PageViewRestriction.objects.create(
        page=site["translated"]["hi"]["story"], restriction_type=PageViewRestriction.LOGIN
    )
    assert restricted_paths()
    assert others[0].pk not in {s.pk for s in related_stories(story)}
    assert site["translated"]["hi"]["story"].pk not in {
        p.pk for p in chrome_pages(story, language_code="hi")[0]
    }
    restriction.delete()
    private_hindi.delete()
    assert others[0].pk in {s.pk for s in related_stories(story)}
    # An embargo set after the first compile: the time is a value of each call.
    others[1].embargo_until = timezone.now() + dt.timedelta(hours=1)
    others[1].save_revision().publish()
    assert others[1].pk not in {s.pk for s in related_stories(story)}
    assert chrome_pages(others[1], language_code="en")[0] == []


def test_taxonomy_follows_new_links_and_translations(site):
    story = site["translated"]["hi"]["story"]
    names = [d.name for d in story_taxonomy(story)["districts"]]
    assert names == [
        District.objects.get(translation_key=site["district"].translation_key, locale=story.locale).name
    ]
    second = District.objects.create(
        name="Bhadohi", state=site["state"], lgd_code=188, locale=site["district"].locale
    )
    story.districts.add(second)
    districts = story_taxonomy(story)["districts"]
    assert {d.name for d in districts} == {names[0], "Bhadohi"}  # untranslated: the English one
    assert all(d.state_id for d in districts)


def test_tags_and_sellers_are_the_managers_reads_and_a_preview_keeps_its_own(site):
    from stories.models import Seller
    from stories.selectors import STORY_SELLERS, STORY_TAGS, story_sellers, story_tags

    story = site["story"]
    story.tags.add("silk", "varanasi")
    for n in (2, 0, 1):
        Seller.objects.create(
            page=story, name=f"Seller {n}", kind="artisan", locale=story.locale, sort_order=n
        )
    stored = type(story).objects.get(pk=story.pk)
    assert STORY_TAGS.bound(story.pk) == STORY_TAGS.compiled(story.pk)
    assert STORY_SELLERS.bound(story.pk) == STORY_SELLERS.compiled(story.pk)
    assert [t.name for t in story_tags(stored)] == [t.name for t in stored.tags.all()]
    assert [s.name for s in story_sellers(stored)] == ["Seller 0", "Seller 1", "Seller 2"]
    # A page rebuilt from a form or revision holds its sellers and tags in memory.
    stored.sellers = [Seller(name="Only in the draft", kind="artisan", locale=story.locale)]
    stored.tags.set(["draft-tag"])
    assert [s.name for s in story_sellers(stored)] == ["Only in the draft"]
    assert [t.name for t in story_tags(stored)] == ["draft-tag"]
    # Its districts too: the draft's, not the stored links.
    draft_district = District.objects.create(
        name="Only in the draft", state=site["state"], lgd_code=999, locale=story.locale
    )
    stored.districts = [draft_district]
    assert [d.name for d in story_taxonomy(stored)["districts"]] == ["Only in the draft"]
    assert [d.name for d in story_taxonomy(type(story).objects.get(pk=story.pk))["districts"]] != [
        "Only in the draft"
    ]


def test_renditions_are_read_once_for_every_image_with_their_image_set(site, django_assert_num_queries):
    from wagtail.images import get_image_model

    from stories.selectors import IMAGE_RENDITIONS, with_renditions

    image = site["story"].hero_image
    ids = [image.pk]
    assert IMAGE_RENDITIONS.bound(ids) == IMAGE_RENDITIONS.compiled(ids)
    hero = get_image_model().objects.get(pk=image.pk)
    again = get_image_model().objects.get(pk=image.pk)  # the same image loaded twice (hero and body)
    stored = {r.filter_spec for r in hero.renditions.all()}
    assert stored  # build_site warmed the story's renditions
    with django_assert_num_queries(1):
        with_renditions([hero, again, None])
    with django_assert_num_queries(0):
        with_renditions([hero])  # read already
        assert {r.filter_spec for r in hero.prefetched_renditions} == stored
        assert {r.filter_spec for r in again.prefetched_renditions} == stored
        assert all(r.image is hero for r in hero.prefetched_renditions)
        for spec in stored:
            assert hero.get_rendition(spec).filter_spec == spec
            assert again.get_rendition(spec).filter_spec == spec


def test_hero_and_body_images_come_with_their_renditions(site, django_assert_num_queries):
    """The route's query carries the hero's renditions, the related query the
    cards', and a body's image blocks read their images with theirs: no
    renditions query of its own, and the same renditions as stored."""
    from wagtail.images import get_image_model

    from stories.blocks.body import StoryImageChooserBlock
    from stories.selectors import IMAGES_WITH_RENDITIONS, hero_image, images_by_id, story_at_path

    story = site["story"]
    stored = {r.filter_spec for r in story.hero_image.renditions.all()}
    assert stored
    home = story.get_parent().get_parent()
    index = story.get_parent()
    routed = story_at_path(home_url_path=home.url_path, index_slug=index.slug, slug=story.slug)
    with django_assert_num_queries(0):
        image = hero_image(routed)
        assert {r.filter_spec for r in image.prefetched_renditions} == stored
        assert all(r.image is image for r in image.prefetched_renditions)
        assert image.get_rendition(sorted(stored)[0]).image is image
    for card in related_stories(story):
        with django_assert_num_queries(0):
            if card.hero_image_id:
                assert {r.filter_spec for r in hero_image(card).prefetched_renditions} == {
                    r.filter_spec
                    for r in get_image_model().objects.get(pk=card.hero_image_id).renditions.all()
                }

    ids = [story.hero_image_id]
    assert IMAGES_WITH_RENDITIONS.bound(ids) == IMAGES_WITH_RENDITIONS.compiled(ids)
    with django_assert_num_queries(1):
        found = images_by_id(ids)
    assert {r.filter_spec for r in found[story.hero_image_id].prefetched_renditions} == stored
    block = StoryImageChooserBlock()
    with django_assert_num_queries(1):
        first, none, missing, second = block.bulk_to_python([ids[0], None, 999_999, ids[0]])
    assert none is None and missing is None
    assert first.pk == second.pk == ids[0] and first is not second
    with django_assert_num_queries(0):
        assert {r.filter_spec for r in second.prefetched_renditions} == stored
    # Other keys (a string) go to Wagtail's own read, and come out as there.
    from wagtail.images.blocks import ImageChooserBlock

    assert block.bulk_to_python([str(ids[0])]) == ImageChooserBlock().bulk_to_python([str(ids[0])])
