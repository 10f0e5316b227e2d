"""A filter compiled once per shape (core.compiled) is the ORM's own SQL with
the real values in their places, finds the same rows as the ORM's filter, and
refuses a filter whose parameters are not just its values."""

import uuid

from django.db.models import Q
from django.test import TestCase

from core.compiled import CompiledFilter
from stories.selectors import RELATED_MATCH
from taxonomy.models import District
from tests.factories import DistrictFactory, StateFactory

KEY = District._meta.get_field("translation_key")
LGD = District._meta.get_field("lgd_code")


def by_keys_or_code(keys, codes):
    return Q(translation_key__in=keys) | Q(lgd_code__in=codes)


class CompiledFilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.districts = [DistrictFactory(state=StateFactory(), lgd_code=900 + n) for n in range(4)]

    def test_same_sql_and_parameters_as_the_orm_for_every_shape(self):
        match = CompiledFilter(District, by_keys_or_code, fields=(KEY, LGD))
        for keys, codes in [
            ([], []),
            ([uuid.uuid4()], []),
            ([], [7]),
            ([uuid.uuid4(), uuid.uuid4()], [1, 2, 3]),
        ]:
            # Twice: the second call reuses the first's SQL with new values.
            for _ in range(2):
                keys, codes = [uuid.uuid4() for _ in keys], [code + 1 for code in codes]
                raw = match("default", keys, codes)
                self.assertEqual((raw.sql, list(raw.params)), match.compiled("default", keys, codes))

    def test_finds_what_the_orm_finds(self):
        match = CompiledFilter(District, by_keys_or_code, fields=(KEY, LGD))
        cases = [
            ([self.districts[1].translation_key], [900]),
            ([self.districts[2].translation_key, self.districts[3].translation_key], []),
            ([], []),
            ([uuid.uuid4()], [12345]),
        ]
        for keys, codes in cases:
            with self.subTest(keys=keys, codes=codes):
                expected = set(District.objects.filter(by_keys_or_code(keys, codes)))
                self.assertEqual(set(District.objects.filter(match("default", keys, codes))), expected)
        self.assertEqual(len(District.objects.filter(match("default", *cases[0]))), 2)

    def test_refuses_parameters_that_are_not_its_values(self):
        match = CompiledFilter(
            District, lambda keys: Q(translation_key__in=keys, name="Varanasi"), fields=(KEY,)
        )
        with self.assertRaisesMessage(ValueError, "not its values in order"):
            match("default", [uuid.uuid4()])

    def test_refuses_a_join(self):
        match = CompiledFilter(District, lambda codes: Q(state__lgd_code__in=codes), fields=(LGD,))
        with self.assertRaisesMessage(ValueError, "joins other tables"):
            match("default", [9])

    def test_related_stories_match_is_the_orms(self):
        keys = [uuid.uuid4() for _ in range(3)]
        for shape in [(keys[:1], keys[1:2], []), (keys, [], keys[:1]), ([], [], [])]:
            raw = RELATED_MATCH("default", *shape)
            self.assertEqual((raw.sql, list(raw.params)), RELATED_MATCH.compiled("default", *shape))
