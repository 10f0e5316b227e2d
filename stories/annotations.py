"""Values feature apps read with the story a page shows, loaded by the route's
one query (`selectors.story_for_route`) instead of one query each while the
page renders, without the story model knowing the features.

A feature registers an annotation in its AppConfig.ready() and its template
tag reads the attribute when the page has it, else queries as before (a page
loaded elsewhere, a preview)::

    register_story_annotation("visitors_views", lambda: Subquery(...))

Names are prefixed with the feature's app label: they become attributes of
the page.

The expressions are correlated subqueries whose only inputs are the story
row's own columns, so their SQL never changes: it is compiled once per
database vendor and handed to the route as ``RawSQL``. Compiling eleven
nested subqueries took longer than running the whole query (about 10 ms a
request, issue 16's profile); the first compile is checked against the ORM's
own result by tests/test_story_annotations.py.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connections
from django.db.models import Expression
from django.db.models.expressions import RawSQL

_annotations: dict[str, Callable[[], Expression]] = {}
_compiled: dict[tuple[str, str], dict[str, RawSQL]] = {}


def register_story_annotation(name: str, expression: Callable[[], Expression]) -> None:
    """`expression()` builds the annotation (OuterRef("pk") is the story)."""
    _annotations[name] = expression  # ready() may run more than once (tests, autoreload)
    _compiled.clear()


def story_annotations() -> dict[str, Expression]:
    """The registered expressions, built afresh (as the ORM compiles them)."""
    return {name: expression() for name, expression in _annotations.items()}


def story_annotation_names() -> tuple[str, ...]:
    """The registered names: a query compiled with the annotations
    (core.compiled.CompiledQuery) keys its SQL by them."""
    return tuple(_annotations)


def compiled_story_annotations(using: str = "default") -> dict[str, RawSQL]:
    """The same annotations as SQL compiled once for `using`'s vendor.

    They refer to the story's columns by table name ("wagtailcore_page"."id"),
    as a query on SuccessStoryPage names them; use them only in such a query
    (the route's), not inside another subquery."""
    connection = connections[using]
    key = (using, connection.vendor)
    if key not in _compiled:
        _compiled[key] = _compile(using)
    return _compiled[key]


def _compile(using: str) -> dict[str, RawSQL]:
    from .models import SuccessStoryPage  # models import the package

    names = list(_annotations)
    if not names:
        return {}
    query = SuccessStoryPage.objects.annotate(**story_annotations()).values(*names).query
    compiler = query.get_compiler(using=using)
    compiled = {}
    for name in names:
        sql, params = compiler.compile(query.annotations[name])
        # The SQL is Django's own compilation of ORM expressions: no outside input.
        compiled[name] = RawSQL(sql, tuple(params), output_field=query.annotations[name].output_field)  # noqa: S611
    return compiled
