"""AnyOf (core.lookups) finds what ``__in`` finds, with one parameter however
many values, and uses the column's index."""

from django.db import connection
from django.db.models import Count, F
from django.test import TestCase

from core.lookups import AnyOf
from taxonomy.models import District
from tests.factories import DistrictFactory, StateFactory


class AnyOfTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        states = [StateFactory(), StateFactory()]
        cls.districts = [DistrictFactory(state=states[n % 2]) for n in range(6)]

    def test_finds_what_in_finds(self):
        pks = [district.pk for district in self.districts]
        for wanted in ([pks[0]], pks[1:4], pks + [max(pks) + 1000], [max(pks) + 1]):
            with self.subTest(wanted=wanted):
                self.assertEqual(
                    set(District.objects.filter(AnyOf(F("pk"), wanted))),
                    set(District.objects.filter(pk__in=wanted)),
                )

    def test_a_foreign_key_column_and_a_group_by(self):
        state_ids = [self.districts[0].state_id]
        rows = (
            District.objects.filter(AnyOf(F("state_id"), state_ids))
            .values("state_id")
            .annotate(n=Count("pk"))
        )
        self.assertEqual([(row["state_id"], row["n"]) for row in rows], [(state_ids[0], 3)])

    def test_one_parameter_for_many_values(self):
        many = list(range(1, 2001))
        queryset = District.objects.filter(AnyOf(F("pk"), many))
        _sql, params = queryset.query.sql_with_params()
        self.assertEqual(len(params), 1)  # one array (PostgreSQL) or JSON text (SQLite), not 2,000
        self.assertEqual(len(queryset), len(self.districts))

    def test_no_values_match_nothing_without_a_query(self):
        with self.assertNumQueries(0):
            self.assertEqual(list(District.objects.filter(AnyOf(F("pk"), []))), [])
        self.assertEqual(District.objects.filter(AnyOf(F("pk"), [])).aggregate(n=Count("pk"))["n"], 0)

    def test_refuses_values_the_column_cannot_hold(self):
        with self.assertRaises(ValueError):
            list(District.objects.filter(AnyOf(F("pk"), ["1; DROP TABLE taxonomy_district"])))
        with self.assertRaises(TypeError):
            list(District.objects.filter(AnyOf(F("pk"), [object()])))

    def test_a_text_column(self):
        names = [self.districts[0].name, self.districts[2].name, "nowhere"]
        self.assertEqual(
            set(District.objects.filter(AnyOf(F("name"), names))),
            {self.districts[0], self.districts[2]},
        )

    def test_the_primary_key_index_is_used(self):
        plan = District.objects.filter(AnyOf(F("pk"), [self.districts[0].pk])).explain()
        if connection.vendor == "sqlite":
            self.assertIn("INTEGER PRIMARY KEY", plan)
        elif connection.vendor == "postgresql":
            # A table this small may be scanned; the condition must still be an index-able ANY.
            self.assertIn("ANY", plan)


class InSubqueryTests(TestCase):
    """InSubquery finds what ``__in`` with a subquery finds, and on PostgreSQL
    reads the subquery once for the whole query (an init plan)."""

    @classmethod
    def setUpTestData(cls):
        cls.states = [StateFactory(), StateFactory()]
        cls.districts = [DistrictFactory(state=cls.states[n % 2]) for n in range(6)]

    def test_finds_what_in_finds(self):
        from core.lookups import InSubquery
        from taxonomy.models import State

        for wanted in (
            [self.states[0].pk],
            [s.pk for s in self.states],
            [max(s.pk for s in self.states) + 9],
        ):
            states = State.objects.filter(pk__in=wanted).values("pk")
            with self.subTest(wanted=wanted):
                found = District.objects.filter(InSubquery(F("state_id"), states))
                self.assertEqual(set(found), set(District.objects.filter(state_id__in=states)))
                sql, _params = found.query.sql_with_params()
                if connection.vendor == "postgresql":
                    self.assertIn("= ANY(ARRAY(SELECT", sql)
                else:
                    self.assertIn("IN (SELECT", sql)
