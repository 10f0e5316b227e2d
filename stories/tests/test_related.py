"""Related stories: same language, sharing a district, a product or the
sector (matched by translation key, so a story linked to a translated snippet
still matches), newest first, never the story itself, never an embargoed or
unpublished one, and at most `limit`."""

import datetime as dt

from django.test import TestCase
from django.utils import timezone

from stories.selectors import related_stories, stories_showing
from tests.factories import (
    DistrictFactory,
    ProductFactory,
    SectorFactory,
    SuccessStoryPageFactory,
    story_index,
)
from tests.translation import locale


class RelatedStoriesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.district, cls.product, cls.sector = DistrictFactory(), ProductFactory(), SectorFactory()
        cls.day = dt.datetime(2025, 3, 1, 10, tzinfo=dt.UTC)

        def story(days: int, **links):
            page = SuccessStoryPageFactory(
                posted_at=cls.day + dt.timedelta(days=days), sector=links.get("sector") or SectorFactory()
            )
            page.districts.set(links.get("districts", []))
            page.products.set(links.get("products", []))
            page.save()  # parental many-to-many links are written on save
            return page

        cls.story = story(0, districts=[cls.district], products=[cls.product], sector=cls.sector)
        cls.by_district = story(1, districts=[cls.district])
        cls.by_product = story(2, products=[cls.product])
        cls.by_sector = story(3, sector=cls.sector)
        cls.unrelated = story(4, districts=[DistrictFactory()], products=[ProductFactory()])
        # The district in Hindi: a story linked to the translation is related too.
        hindi_district = cls.district.copy_for_translation(locale("hi"))
        hindi_district.save()
        cls.by_translated_district = story(5, districts=[hindi_district])
        cls.embargoed = story(6, districts=[cls.district])
        cls.embargoed.embargo_until = timezone.now() + dt.timedelta(days=1)
        cls.embargoed.save_revision().publish()
        cls.unpublished = story(7, products=[cls.product])
        cls.unpublished.unpublish()

    def test_shares_a_district_product_or_sector_newest_first(self):
        self.assertEqual(
            related_stories(self.story, limit=10),
            [self.by_translated_district, self.by_sector, self.by_product, self.by_district],
        )

    def test_limit_keeps_the_newest(self):
        self.assertEqual(related_stories(self.story, limit=2), [self.by_translated_district, self.by_sector])

    def test_other_languages_are_not_related(self):
        hindi_index = story_index("hi")
        hindi = SuccessStoryPageFactory(
            parent=hindi_index, locale=hindi_index.locale, posted_at=self.day + dt.timedelta(days=9)
        )
        hindi.districts.set([self.district])
        hindi.save()
        self.assertNotIn(hindi, related_stories(self.story, limit=10))
        self.assertEqual(related_stories(hindi, limit=10), [])

    def test_a_story_with_nothing_shared_has_none(self):
        self.assertEqual(related_stories(self.unrelated, limit=10), [])

    def test_stories_showing_a_story_are_those_whose_related_stories_list_it(self):
        """What a withdrawal purges (stories.invalidation) agrees with
        related_stories itself, for every story and every list length."""
        released = [
            self.story,
            self.by_district,
            self.by_product,
            self.by_sector,
            self.unrelated,
            self.by_translated_district,
        ]
        for limit in (1, 2, 3, 4):
            for shown in released:
                expected = {other for other in released if shown in related_stories(other, limit=limit)}
                with self.subTest(shown=shown.title, limit=limit):
                    self.assertEqual(set(stories_showing(shown, limit=limit)), expected)
        # Not vacuous: four lists show the oldest story, the shortest fewer.
        self.assertEqual(len(stories_showing(self.story, limit=4)), 4)
        self.assertLess(len(stories_showing(self.story, limit=1)), 4)
