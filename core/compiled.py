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

import copy
import datetime
import functools
import types
import uuid
from collections.abc import Callable, Sequence

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import BooleanField, Field, Model, Q, QuerySet
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


# --- Whole queries -----------------------------------------------------------

_MARK = "\x1fbound-"


class CompiledQuery:
    """A read whose SQL depends only on its shape, built and compiled by the
    ORM once per database and shape; each call runs that SQL with its own
    values and turns the rows into objects as the queryset would::

        at_path = CompiledQuery(lambda slug, code, *, using: Story.objects.filter(slug=slug, locale__code=code))
        at_path("banarasi-silk", "hi", using="default")  # -> [Story, ...]

    `build(*values, using=alias, **variant)` makes the queryset. The values are bound: a
    str, int, UUID, aware datetime, or a list or tuple of them (its length is
    part of the shape). `variant` keywords are compiled in (constants: a set
    of restricted paths, a flag); each distinct variant is its own entry, so
    they must be hashable and few.

    The shape is compiled twice with different stand-in values: the SQL must
    be the same, and every parameter either a constant of the query or one
    stand-in exactly, as the database is given it. A query whose SQL or
    parameters change with its values some other way (a LIKE pattern made
    from a value, None) is refused. `compiled()` is what a call must equal
    (tests compare them).
    """

    MAX_ENTRIES = 64

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._entries: dict[tuple, _Entry] = {}

    def __call__(self, *values, using: str = "default", **variant) -> list:
        entry = self._entry(values, using, variant)
        return entry.run(values, _flat(values, connections[using]), using, variant)

    def compiled(self, *values, using: str = "default", **variant) -> tuple[str, list]:
        """The ORM's SQL and parameters for these values, compiled afresh."""
        query = self.build(*values, using=using, **variant).query
        sql, params = query.get_compiler(using=using).as_sql()
        return sql, list(params)

    def bound(self, *values, using: str = "default", **variant) -> tuple[str | None, list]:
        """The SQL and parameters a call with these values runs (None: the
        ORM's own, for a shape that has no SQL)."""
        entry = self._entry(values, using, variant)
        if entry.sql is None:
            return None, []
        return entry.sql, entry.params(_flat(values, connections[using]))

    def _entry(self, values, using: str, variant: dict) -> _Entry:
        key = (using, connections[using].vendor, _shape(values), tuple(sorted(variant.items())))
        entry = self._entries.get(key)
        if entry is None:
            if len(self._entries) >= self.MAX_ENTRIES:
                self._entries.clear()
            entry = self._entries[key] = _Entry.compile(self.build, values, variant, using)
        return entry


def _shape(values) -> tuple:
    shape = []
    for value in values:
        if isinstance(value, bool) or value is None:
            raise TypeError(f"cannot bind {value!r}: it changes the SQL or reads as a constant")
        if isinstance(value, list | tuple):
            kinds = {type(item) for item in value}
            if len(kinds) > 1:
                raise TypeError(f"a list of mixed types: {value!r}")
            shape.append((len(value), kinds.pop() if kinds else None))
        else:
            shape.append(type(value))
    return tuple(shape)


def _prep(value, connection):
    if isinstance(value, bool) or value is None:
        raise TypeError(f"cannot bind {value!r}: it changes the SQL or reads as a constant")
    if isinstance(value, str | int):
        return value
    if isinstance(value, uuid.UUID):
        return value if connection.features.has_native_uuid_field else value.hex
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise TypeError(f"a naive datetime: {value!r}")
        return connection.ops.adapt_datetimefield_value(value)
    raise TypeError(f"cannot bind a {type(value).__name__}")


def _flat(values, connection) -> list:
    flat = []
    for value in values:
        items = value if isinstance(value, list | tuple) else [value]
        flat.extend(_prep(item, connection) for item in items)
    return flat


def _stand_ins(values, offset: int) -> list:
    counter = iter(range(offset, offset + 6_000))

    def one(value):
        n = next(counter)
        if isinstance(value, str):
            return f"{_MARK}{n}\x1f"
        if isinstance(value, int):
            # In range for any integer column: out of its range, the ORM
            # would answer "nothing" without SQL (EmptyResultSet).
            return 20_000 + n
        if isinstance(value, uuid.UUID):
            return uuid.UUID(int=(0xB0B << 96) + n)
        if isinstance(value, datetime.datetime):
            return datetime.datetime(1901, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(seconds=n)
        raise TypeError(f"cannot bind a {type(value).__name__}")

    return [
        [one(item) for item in value] if isinstance(value, list | tuple) else one(value) for value in values
    ]


class _Entry:
    """One shape's SQL, where its values go in the parameters, and the
    compiler that read its columns (what turns rows into objects)."""

    def __init__(self, sql, slots, compiler, queryset, *, build=None):
        self.sql = sql
        self.build = build  # for a shape without SQL
        self.slots = slots  # per parameter: (True, index of the value) or (False, constant)
        self.compiler = compiler
        self.model = queryset.model
        self.iterable_class = queryset._iterable_class
        self.fields = queryset._fields
        self.prefetch = queryset._prefetch_related_lookups

    @classmethod
    def compile(cls, build, values, variant, using) -> _Entry:
        connection = connections[using]
        first, second = _stand_ins(values, 1), _stand_ins(values, 6001)
        queryset = build(*first, using=using, **variant)
        compiler = queryset.query.get_compiler(using=using)
        other = build(*second, using=using, **variant).query
        try:
            sql, params = compiler.as_sql()
            other_sql, other_params = other.get_compiler(using=using).as_sql()
        except (EmptyResultSet, FullResultSet):
            # No SQL for this shape (an empty IN list): the ORM answers it.
            return cls(None, [], None, queryset, build=build)
        if sql != other_sql or len(params) != len(other_params):
            raise ValueError(f"{build!r}: its SQL changes with its values")
        where_first = {p: i for i, p in enumerate(_flat(first, connection))}
        where_second = {p: i for i, p in enumerate(_flat(second, connection))}
        slots = []
        for a, b in zip(params, other_params, strict=True):
            if a == b and a not in where_first and not (isinstance(a, str) and _MARK in a):
                slots.append((False, a))
            elif a in where_first and where_first[a] == where_second.get(b):
                slots.append((True, where_first[a]))
            else:
                raise ValueError(f"{build!r}: a parameter made from a value, not the value ({a!r})")
        return cls(sql, slots, compiler, queryset)

    def params(self, flat: list) -> list:
        return [flat[value] if bound else value for bound, value in self.slots]

    def run(self, values, flat: list, using: str, variant: dict) -> list:
        if self.sql is None:
            return list(self.build(*values, using=using, **variant))
        compiler = copy.copy(self.compiler)
        compiler.connection = preparing(connections[using])
        compiler.using = using
        sql, params = self.sql, self.params(flat)
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        queryset = QuerySet(model=self.model, query=_BoundQuery(self.compiler.query, compiler), using=using)
        queryset._iterable_class = self.iterable_class
        queryset._fields = self.fields
        queryset._prefetch_related_lookups = self.prefetch
        return list(queryset)


def preparing(connection):
    """The connection, or on PostgreSQL with prepared statements on
    (`OPTIONS["prepare_threshold"]`, `DB_PREPARED_STATEMENTS`) the connection
    answering cursor() with a cursor that binds on the server and prepares.

    Django's cursors bind on the client, which never prepares: PostgreSQL
    parses and plans each query again, 3-4 ms for the story route's query of
    ten subqueries against 0.5 ms to run it. A compiled read's SQL is fixed
    per shape, so it is prepared once per connection (psycopg names it and
    keeps up to `prepared_max`), and PostgreSQL keeps a generic plan after
    five executions when it costs no more than the custom ones."""
    if connection.vendor != "postgresql":
        return connection
    connection.ensure_connection()
    if connection.connection.prepare_threshold is None:
        return connection
    return _Preparing(connection)


class _Preparing:
    def __init__(self, connection):
        self._connection = connection

    def cursor(self):
        # Django's own wrapper (thread check, execute wrappers, query log)
        # around a cursor made as create_cursor makes one, binding on the server.
        wrapper = self._connection.cursor()
        wrapper.cursor.close()
        wrapper.cursor = _prepared_cursor(self._connection)
        if self._connection.queries_logged:
            wrapper.cursor.log_as = self._connection.ops.compose_sql
        return wrapper

    def __getattr__(self, name):
        return getattr(self._connection, name)


@functools.cache
def _prepared_cursor_class():
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparedCursor(ServerBindingCursor):
        log_as = None

        def execute(self, query, params=None, *, prepare=None, binary=None):
            result = super().execute(query, params, prepare=True, binary=binary)
            if self.log_as is not None:
                # Where Django's query log (DEBUG, assertNumQueries) reads a
                # client-bound query's text; a prepared one leaves it empty.
                self._query = types.SimpleNamespace(query=self.log_as(query, params).encode())
            return result

    return PreparedCursor


def _prepared_cursor(connection):
    from django.db.backends.postgresql.psycopg_any import register_tzloader
    from psycopg.postgres import types as pg_types
    from psycopg.pq import Format

    raw = connection.connection
    cursor = _prepared_cursor_class()(raw)
    tzloader = raw.adapters.get_loader(pg_types["timestamptz"].oid, Format.TEXT)
    if connection.timezone != tzloader.timezone:
        register_tzloader(connection.timezone, cursor)
    return cursor


class _BoundQuery:
    """The compiled query, answering get_compiler with a call's compiler."""

    def __init__(self, query, compiler):
        self._query = query
        self._compiler = compiler

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return self._compiler

    def __getattr__(self, name):
        return getattr(self._query, name)
