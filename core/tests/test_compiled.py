"""A filter or a query compiled once per shape (core.compiled) is the ORM's
own SQL with the real values in their places, finds the same rows as the
ORM's, and refuses what it cannot bind: parameters that are not just its
values, SQL that changes with them."""

import datetime
import uuid
from unittest import skipUnless

from django.contrib.auth.models import User
from django.db import connection
from django.db.models import F, Q
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.compiled import CompiledFilter, CompiledQuery
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


# --- Whole queries (CompiledQuery) ---------------------------------------------


def districts_named(names, state_code, *, using):
    return (
        District.objects.filter(name__in=names, state__lgd_code=state_code)
        .select_related("state")
        .annotate(twice=F("lgd_code") * 2)
        .order_by("lgd_code")
    )


def joined_after(when, names, *, using, newest_first):
    order = "-username" if newest_first else "username"
    return User.objects.filter(date_joined__gt=when, username__in=names).order_by(order)


def by_keys(keys, *, using):
    return District.objects.filter(translation_key__in=keys).order_by("lgd_code")


class CompiledQueryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.state = StateFactory(lgd_code=9)
        cls.other_state = StateFactory(lgd_code=10)
        cls.districts = [DistrictFactory(state=cls.state, name=f"D{n}", lgd_code=700 + n) for n in range(4)]
        DistrictFactory(state=cls.other_state, name="D1", lgd_code=800)

    def test_each_call_runs_the_orms_sql_with_its_own_values(self):
        query = CompiledQuery(districts_named)
        for names in [["D1"], ["D2", "D3"], ["D0", "D1", "D2"], ["D3"]]:
            for code in (9, 10):
                with self.subTest(names=names, code=code):
                    self.assertEqual(query.bound(names, code), query.compiled(names, code))

    def test_finds_what_the_orm_finds_with_its_joins_and_annotations(self):
        query = CompiledQuery(districts_named)
        for names, code in [(["D1", "D2"], 9), (["D1"], 10), (["D1", "D2"], 10), (["nobody"], 9)]:
            with self.subTest(names=names, code=code):
                expected = list(districts_named(names, code, using="default"))
                with self.assertNumQueries(1):
                    found = query(names, code)
                    self.assertEqual(
                        [(d.state.lgd_code, d.twice) for d in found],
                        [(d.state.lgd_code, d.twice) for d in expected],
                    )
                self.assertEqual(found, expected)
                self.assertEqual([d.name for d in found], [d.name for d in expected])

    def test_uuids_datetimes_empty_lists_and_variants(self):
        keys = [d.translation_key for d in self.districts[:3]]
        by_key = CompiledQuery(by_keys)
        for chosen in [keys, keys[:1], keys[1:], [uuid.uuid4()], []]:
            self.assertEqual(by_key(chosen), list(by_keys(chosen, using="default")))
        self.assertEqual([d.lgd_code for d in by_key(keys)], [700, 701, 702])
        now = timezone.now()
        users = [
            User.objects.create(username=f"u{n}", date_joined=now - datetime.timedelta(days=n))
            for n in range(3)
        ]
        joined = CompiledQuery(joined_after)
        names = [user.username for user in users]
        for days, chosen in [(1.5, names), (0.5, names), (5, names[1:]), (5, [])]:
            when = now - datetime.timedelta(days=days)
            for newest_first in (True, False):
                with self.subTest(days=days, chosen=chosen, newest_first=newest_first):
                    expected = list(joined_after(when, chosen, using="default", newest_first=newest_first))
                    self.assertEqual(joined(when, chosen, newest_first=newest_first), expected)
        self.assertEqual(
            [u.username for u in joined(now - datetime.timedelta(days=1.5), names, newest_first=True)],
            ["u1", "u0"],
        )

    def test_refuses_what_it_cannot_bind(self):
        starting = CompiledQuery(lambda prefix, *, using: District.objects.filter(name__startswith=prefix))
        with self.assertRaisesMessage(ValueError, "a parameter made from a value"):
            starting("D")
        with self.assertRaisesMessage(TypeError, "cannot bind None"):
            CompiledQuery(districts_named)(["D1"], None)
        # An exact name when it is long, any case when short: the SQL depends on the value.
        changing = CompiledQuery(
            lambda name, *, using: (
                District.objects.filter(name=name)
                if len(name) > 11
                else District.objects.filter(name__iexact=name)
            )
        )
        with self.assertRaisesMessage(ValueError, "its SQL changes with its values"):
            changing("Varanasi")
        with self.assertRaisesMessage(TypeError, "a naive datetime"):
            CompiledQuery(joined_after)(datetime.datetime(2026, 1, 1), [], newest_first=True)


@skipUnless(connection.vendor == "postgresql", "prepared statements are PostgreSQL's")
class PreparedOnPostgresTests(TestCase):
    """On PostgreSQL a compiled read is a prepared statement of this
    connection, finds what the ORM finds, and is logged as Django logs a query."""

    @classmethod
    def setUpTestData(cls):
        cls.state = StateFactory(lgd_code=9)
        cls.districts = [DistrictFactory(state=cls.state, name=f"D{n}", lgd_code=700 + n) for n in range(3)]

    def prepared(self) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            return [row[0] for row in cursor.fetchall()]

    def test_a_compiled_read_is_prepared_once_per_connection(self):
        query = CompiledQuery(districts_named)
        sql, _ = query.bound(["D1", "D2"], 9)
        expected = list(districts_named(["D1", "D2"], 9, using="default"))
        for names, code in [(["D1", "D2"], 9), (["D0", "D2"], 9), (["D0", "D1"], 10)]:
            with self.subTest(names=names, code=code):
                self.assertEqual(query(names, code), list(districts_named(names, code, using="default")))
        self.assertEqual(query(["D1", "D2"], 9), expected)
        # One statement for the shape, whatever its values; Django's own reads are not prepared.
        statements = self.prepared()
        self.assertEqual(len([s for s in statements if "taxonomy_district" in s]), 1, statements)
        self.assertTrue(all("$1" in s for s in statements), statements)
        self.assertNotIn("pg_prepared_statements", " ".join(statements))
        self.assertIn('"taxonomy_district"', sql)

    def test_the_query_log_has_its_text_and_values(self):
        query = CompiledQuery(districts_named)
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(len(query(["D2"], 9)), 1)
        self.assertEqual(len(captured.captured_queries), 1)
        logged = captured.captured_queries[0]["sql"]
        self.assertIn('FROM "taxonomy_district"', logged)
        self.assertIn("'D2'", logged)

    def test_off_without_a_prepare_threshold(self):
        connection.ensure_connection()
        raw = connection.connection
        threshold, raw.prepare_threshold = raw.prepare_threshold, None
        try:
            self.assertEqual(CompiledQuery(districts_named)(["D1"], 9)[0].name, "D1")
            self.assertEqual([s for s in self.prepared() if "taxonomy_district" in s], [])
        finally:
            raw.prepare_threshold = threshold
