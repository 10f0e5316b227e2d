"""A parent's related rows read with the parent, as one JSON column.

A story page shows its districts, products, tags and sellers: four small
reads of a few rows each, which cost more in round trips and the ORM's work
per query than in the database (issue 16's profile). ``related_rows(qs)``
is a correlated subquery that gives every row of `qs` as one JSON array (the
model's concrete columns, in order, and those of the foreign keys it
selects), to annotate the parent's query with; ``from_rows`` turns the
column back into model instances, as the ORM would have built them::

    Story.objects.annotate(tag_rows=related_rows(Tag.objects.filter(story=OuterRef("pk"))))
    tags = from_rows(Tag, story.tag_rows, using="default")

Each value goes through its field's ``to_python``, so a UUID comes back a
UUID and a StreamField a StreamValue; fields whose JSON form would not say
what they hold (dates and times, decimals, binary) are refused rather than
guessed at. The rows come in no particular order: sort them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence

from django.db import models
from django.db.models import Aggregate, F, JSONField, Subquery, Value
from django.db.models.functions import JSONArray

_REFUSED = (
    models.DateField,
    models.TimeField,
    models.DurationField,
    models.DecimalField,
    models.FloatField,
    models.BinaryField,
)


class JSONRows(Aggregate):
    """The JSON array of its expression's values (SQLite, PostgreSQL)."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


@functools.cache
def _fields(model: type[models.Model]) -> tuple[models.Field, ...]:
    """The model's concrete fields, checked once per model (every story page
    decodes four columns)."""
    fields = tuple(model._meta.concrete_fields)
    for field in fields:
        if isinstance(field, _REFUSED):
            raise TypeError(f"{model.__name__}.{field.name}: its JSON form would not say what it holds")
    return fields


def _columns(model: type[models.Model], select_related: Sequence[str]) -> list[str]:
    paths = [field.attname for field in _fields(model)]
    for name in select_related:
        related = model._meta.get_field(name).related_model
        paths += [f"{name}__{field.attname}" for field in _fields(related)]
    return paths


def related_rows(queryset: models.QuerySet, *, select_related: Sequence[str] = ()) -> Subquery:
    """Every row of `queryset` (correlated to the parent with OuterRef) as
    one JSON array, for ``annotate()``; `select_related` names foreign keys
    whose rows come with each."""
    row = JSONArray(*(F(path) for path in _columns(queryset.model, select_related)))
    # A constant to group by is no GROUP BY at all: one aggregate of every row.
    rows = queryset.order_by().annotate(_rows=Value(1)).values("_rows").annotate(rows=JSONRows(row))
    return Subquery(rows.values("rows"), output_field=JSONField())


def from_rows(
    model: type[models.Model], rows, *, using: str, select_related: Sequence[str] = ()
) -> list[models.Model]:
    """The instances `related_rows` read (None, or [], when there were none)."""
    if isinstance(rows, str):
        rows = json.loads(rows)
    parts = [(model, _fields(model), None)]
    for name in select_related:
        field = model._meta.get_field(name)
        parts.append((field.related_model, _fields(field.related_model), field))
    width = sum(len(fields) for _, fields, _ in parts)
    objects = []
    for row in rows or ():
        if len(row) != width:
            raise ValueError(f"a {model.__name__} row of {len(row)} values, not {width}")
        start, obj = 0, None
        for part_model, fields, relation in parts:
            values = [_value(field, value) for field, value in zip(fields, row[start:], strict=False)]
            start += len(fields)
            instance = part_model.from_db(using, [field.attname for field in fields], values)
            if relation is None:
                obj = instance
            else:
                relation.set_cached_value(obj, instance)
        objects.append(obj)
    return objects


def _value(field: models.Field, value):
    if value is None:
        return None
    if isinstance(field, JSONField) or getattr(field, "stream_block", None) is not None:
        # SQLite keeps JSON as text, which the array holds as a string.
        return field.to_python(json.loads(value) if isinstance(value, str) else value)
    return field.to_python(value)
