"""Filters whose SQL depends only on their shape, compiled by the ORM once.

Building and compiling a filter of nested subqueries costs Django more than
the database spends running it (a story page's related stories: about 1 ms
of ORM work for a 0.1 ms query). Where the SQL of a filter changes only
with the number of values it is given (an IN list of three keys or four),
it is compiled once per database and shape, with stand-in values, and used
again as ``RawSQL`` with the real values in their places::

    match = CompiledFilter(Story, lambda keys: Q(district__key__in=keys), fields=(District.key,))
    Story.objects.filter(match(using, [k1, k2]))

The stand-ins must come back, converted for the database, as the compiled
parameters in order, and the filter may read only the model's own table
(others in subqueries); a filter that does not (a constant among its
parameters, a join) is refused rather than guessed at.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import BooleanField, Field, Model, Q
from django.db.models.expressions import RawSQL


class CompiledFilter:
    def __init__(self, model: type[Model], build: Callable[..., Q], *, fields: Sequence[Field]):
        """`build(*groups)` makes the filter from one sequence of values per
        entry of `fields` (the field each group's values are compared with,
        which converts them for the database)."""
        self.model = model
        self.build = build
        self.fields = tuple(fields)
        self._sql: dict[tuple, str] = {}

    def __call__(self, using: str, *groups: Sequence) -> RawSQL:
        connection = connections[using]
        shape = (using, connection.vendor, *(len(group) for group in groups))
        sql = self._sql.get(shape)
        if sql is None:
            sql = self._sql[shape] = self._compile(using, [len(group) for group in groups])
        params = [
            field.get_db_prep_value(value, connection, prepared=False)
            for field, group in zip(self.fields, groups, strict=True)
            for value in group
        ]
        # The SQL is the ORM's own compilation of `build`: no outside input.
        return RawSQL(sql, params, output_field=BooleanField())  # noqa: S611

    def compiled(self, using: str, *groups: Sequence) -> tuple[str, list]:
        """The ORM's SQL and parameters for these values, compiled afresh
        (what __call__ must equal; see core/tests/test_compiled.py)."""
        query = self.model._default_manager.filter(self.build(*groups)).query
        if len([alias for alias, count in query.alias_refcount.items() if count]) > 1:
            # Its SQL would name a table the query it is used in has not joined.
            raise ValueError(f"{self.build!r} joins other tables: test them in a subquery")
        try:
            sql, params = query.get_compiler(using=using).compile(query.where)
        except EmptyResultSet:  # every branch an empty IN list: nothing matches
            return "1 = 0", []
        except FullResultSet:
            return "1 = 1", []
        return sql, list(params)

    def _compile(self, using: str, sizes: list[int]) -> str:
        connection = connections[using]
        counter = iter(range(1, 1 + sum(sizes)))
        stand_ins = [
            [self._stand_in(field, next(counter)) for _ in range(size)]
            for field, size in zip(self.fields, sizes, strict=True)
        ]
        sql, params = self.compiled(using, *stand_ins)
        expected = [
            field.get_db_prep_value(value, connection, prepared=False)
            for field, group in zip(self.fields, stand_ins, strict=True)
            for value in group
        ]
        if params != expected:
            raise ValueError(f"{self.build!r}: its parameters are not its values in order: {params!r}")
        return sql

    @staticmethod
    def _stand_in(field: Field, n: int):
        """A value of `field`'s type that no real row holds."""
        kind = field.get_internal_type()
        if kind == "UUIDField":
            return uuid.UUID(int=(0xC0DE << 96) + n)
        if kind in {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField", "PositiveIntegerField"}:
            return -1_000_000 - n
        if kind in {"CharField", "SlugField", "TextField"}:
            return f"\x1fstand-in-{n}\x1f"
        raise TypeError(f"no stand-in value for a {kind}")
