"""The facet reads over a search's ids: labels in the reader's language, else
English, else any translation; years in IST; a bounded number of queries
however many stories and translations there are."""

import datetime as dt
import uuid

from django.test import TestCase

from search import selectors
from taxonomy.models import Sector
from tests.factories import SectorFactory
from tests.translation import locale, translate

from .builders import story


class TaxonomyNamesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.english_only = SectorFactory(name="Food processing")
        cls.translated = SectorFactory(name="Handloom and textiles")
        translate(cls.translated, "hi", strings={"Handloom and textiles": "हथकरघा और वस्त्र"})
        translate(cls.translated, "ta", strings={"Handloom and textiles": "கைத்தறி"})
        cls.tamil_only = SectorFactory(name="மண்பாண்டம்", locale=locale("ta"))

    def names(self, code):
        keys = [
            self.english_only.translation_key,
            self.translated.translation_key,
            self.tamil_only.translation_key,
        ]
        return selectors.taxonomy_names(Sector, keys=keys + [uuid.uuid4()], locale=locale(code))

    def test_the_readers_language_then_english_then_any(self):
        self.assertEqual(
            self.names("hi"),
            {
                self.english_only.translation_key: "Food processing",
                self.translated.translation_key: "हथकरघा और वस्त्र",
                self.tamil_only.translation_key: "மண்பாண்டம்",
            },
        )
        self.assertEqual(self.names("ta")[self.translated.translation_key], "கைத்தறி")
        self.assertEqual(self.names("bn")[self.translated.translation_key], "Handloom and textiles")

    def test_two_queries_at_most_however_many_translations(self):
        hindi = locale("hi")
        with self.assertNumQueries(1):  # every key has an English or Hindi name
            selectors.taxonomy_names(Sector, keys=[self.translated.translation_key], locale=hindi)
        keys = [self.translated.translation_key, self.tamil_only.translation_key]
        with self.assertNumQueries(2):  # one is only in Tamil
            selectors.taxonomy_names(Sector, keys=keys, locale=hindi)
        with self.assertNumQueries(0):
            self.assertEqual(selectors.taxonomy_names(Sector, keys=[], locale=hindi), {})


class YearCountsTests(TestCase):
    def test_years_are_counted_in_ist(self):
        utc = dt.UTC
        ids = [
            # 20:00 UTC on 31 December 2023 is 01:30 on 1 January 2024 in IST.
            story("hi", posted_at=dt.datetime(2023, 12, 31, 20, 0, tzinfo=utc)).pk,
            story("hi", posted_at=dt.datetime(2023, 12, 31, 18, 0, tzinfo=utc)).pk,
            story("hi", posted_at=dt.datetime(2023, 6, 1, tzinfo=utc)).pk,
            story("hi", posted_at=dt.datetime(1985, 6, 1, tzinfo=utc)).pk,  # before FIRST_YEAR: not counted
        ]
        self.assertEqual(selectors.facet_counts(ids)["year"], [(2023, 2), (2024, 1)])
        self.assertEqual(selectors.facet_counts([])["year"], [])
