"""A filter on a long list of keys that costs one parameter.

``filter(pk__in=ids)`` with 500 ids costs Django a prepared lookup value per
id and psycopg a parse of a query too long for its cache (a search with six
such filters on PostgreSQL at 20,000 stories: 121 -> 96 ms). ``AnyOf(F("pk"),
ids)`` is the same filter as one array parameter on PostgreSQL (``=
ANY(%s::integer[])``, or the column's own type, which its planner reads as an
IN list), one JSON parameter on SQLite (``IN (SELECT value FROM
json_each(%s))``) and a plain IN list elsewhere::

    Story.objects.filter(AnyOf(F("pk"), ids))

Each value is prepared by the column's field (an integer column refuses
"1; DROP TABLE" with Django's own ValueError). No values match nothing,
without SQL, as Django's own empty IN list does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.core.exceptions import EmptyResultSet
from django.db.models import Lookup


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def __init__(self, lhs, values: Iterable):
        super().__init__(lhs, tuple(values))

    def as_sql(self, compiler, connection):
        if not self.rhs:
            raise EmptyResultSet
        lhs, params = self.process_lhs(compiler, connection)
        field = self.lhs.output_field
        values = [field.get_prep_value(value) for value in self.rhs]
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::{field.db_type(connection)}[])", (*params, values)
        if connection.vendor == "sqlite":
            return f"{lhs} IN (SELECT value FROM json_each(%s))", (*params, json.dumps(values))  # noqa: S608 - lhs compiled by Django
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", (*params, *values)  # noqa: S608


class InSubquery(Lookup):
    """``lhs IN (subquery)`` for an uncorrelated subquery, read once per query.

    PostgreSQL pulls ``IN (SELECT ...)`` up into a join, which inside a
    correlated subquery reads the subquery's table again for every outer row
    (the related stories' test of each story: a scan of the district table per
    story). ``= ANY(ARRAY(SELECT ...))`` is an init plan: one read, then a
    probe of the array. SQLite and others read an uncorrelated IN list once
    already::

        Link.objects.filter(InSubquery(F("district_id"), District.objects.filter(...).values("pk")))
    """

    lookup_name = "in_subquery"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = compiler.compile(self.rhs)
        if not rhs.startswith("("):
            rhs = f"({rhs})"
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(ARRAY{rhs})", (*lhs_params, *rhs_params)
        return f"{lhs} IN {rhs}", (*lhs_params, *rhs_params)
