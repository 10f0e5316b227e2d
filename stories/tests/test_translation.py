"""A story translated into Hindi through wagtail-localize's own models."""

import datetime as dt
import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from stories.models import Seller, SuccessStoryPage
from taxonomy.models import Sector
from tests.factories import (
    DistrictFactory,
    ProductFactory,
    SectorFactory,
    StoryIndexPageFactory,
    SuccessStoryPageFactory,
    locale,
)

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    sector = SectorFactory(name="Handloom and textiles", slug="handloom")
    district = DistrictFactory(name="Varanasi")
    story = SuccessStoryPageFactory(
        parent=StoryIndexPageFactory(),
        title="Banarasi silk weavers sell on GeM",
        slug="banarasi-silk",
        release_id=2000861,
        sector=sector,
        body=[("paragraph", "<p>The workshop trained 120 weavers.</p>")],
    )
    story.districts.add(district)
    story.products.add(ProductFactory(name="Banarasi silk", sector=sector, district=district))
    Seller.objects.create(page=story, name="Varanasi Weavers SHG", kind="shg", locale=story.locale)
    story.save_revision().publish()
    story.refresh_from_db()
    return story


def translate_strings(instance, target: Locale, strings: dict[str, str]) -> None:
    """What a translator does in wagtail-localize's editor: one StringTranslation per segment."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=target,
                context=segment.context,
                defaults={"data": strings[segment.string.data]},
            )


def publish_translation(instance, target: Locale):
    source = TranslationSource.objects.get_for_instance(instance)
    translation = Translation.objects.get(source=source, target_locale=target)
    if not isinstance(instance, SuccessStoryPage):
        translation.save_target()  # snippets have no drafts
        return instance.get_translation(target)
    # Pages: save a draft and publish it now rather than on commit.
    translation.save_target(publish=False)
    translated = instance.get_translation(target)
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def hindi_story(story):
    hindi = locale("hi")
    TranslationCreator(user=None, target_locales=[hindi]).create_translations(story)
    translate_strings(
        Sector.objects.get(slug="handloom", locale=story.locale),
        hindi,
        {"Handloom and textiles": "हथकरघा और वस्त्र"},
    )
    publish_translation(story.sector, hindi)
    translate_strings(story, hindi, {
        "Banarasi silk weavers sell on GeM": "बनारसी रेशम बुनकर जीईएम पर बेचते हैं",
        "The workshop trained 120 weavers.": "कार्यशाला में 120 बुनकरों को प्रशिक्षित किया गया।",
    })  # fmt: skip
    return publish_translation(story, hindi)


def test_translation_is_a_hindi_page_in_the_hindi_tree(story, hindi_story):
    assert isinstance(hindi_story, SuccessStoryPage)
    assert hindi_story.locale.language_code == "hi"
    assert hindi_story.translation_key == story.translation_key
    assert hindi_story.live
    assert hindi_story.url.startswith("/hi/")
    assert hindi_story.get_parent().specific.locale.language_code == "hi"


def test_translation_shares_release_id_and_posted_at(story, hindi_story):
    assert hindi_story.release_id == story.release_id == 2000861
    assert hindi_story.posted_at == story.posted_at == dt.datetime(2024, 1, 31, 13, 42, tzinfo=IST)


def test_translated_text_replaces_the_source_text(hindi_story):
    assert hindi_story.title == "बनारसी रेशम बुनकर जीईएम पर बेचते हैं"
    assert "कार्यशाला में 120 बुनकरों" in str(hindi_story.body[0].value)


def test_sector_points_at_the_hindi_sector_that_translation_created(story, hindi_story):
    assert hindi_story.sector != story.sector
    assert hindi_story.sector.locale.language_code == "hi"
    assert hindi_story.sector.translation_key == story.sector.translation_key
    assert hindi_story.sector.slug == "handloom"  # synchronised
    assert hindi_story.sector.name == "हथकरघा और वस्त्र"


def test_ministry_and_office_point_at_hindi_snippets(story, hindi_story):
    assert hindi_story.ministry.locale.language_code == "hi"
    assert hindi_story.ministry.translation_key == story.ministry.translation_key
    assert hindi_story.issuing_office.locale.language_code == "hi"


def test_districts_products_and_sellers_come_along(story, hindi_story):
    assert list(hindi_story.districts.all()) == list(story.districts.all())
    assert list(hindi_story.products.all()) == list(story.products.all())
    (seller,) = hindi_story.sellers.all()
    assert (seller.name, seller.kind, seller.locale.language_code) == ("Varanasi Weavers SHG", "shg", "hi")


def test_hindi_page_shows_hindi_sector_name_and_hindi_dateline(client, hindi_story):
    html = client.get(hindi_story.url).content.decode()
    assert "हथकरघा और वस्त्र" in html
    assert "31 जनवरी 2024" in html
    assert re.search(r'class="release-id">(?:<bdi>)?\([^:<]+: 2000861\)', html)


def test_changed_posted_at_is_synchronised_on_the_next_sync(story, hindi_story):
    story.posted_at = dt.datetime(2024, 2, 1, 9, 0, tzinfo=IST)
    story.save_revision().publish()
    TranslationSource.objects.get_for_instance(story).update_from_db()
    updated = publish_translation(story, locale("hi"))
    assert updated.posted_at == dt.datetime(2024, 2, 1, 9, 0, tzinfo=IST)
    assert updated.title == "बनारसी रेशम बुनकर जीईएम पर बेचते हैं"
