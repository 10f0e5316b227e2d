"""Values feature apps read with the story a page shows, loaded by the route's
one query (`selectors.story_for_route`) instead of one query each while the
page renders, without the story model knowing the features.

A feature registers an annotation in its AppConfig.ready() and its template
tag reads the attribute when the page has it, else queries as before (a page
loaded elsewhere, a preview)::

    register_story_annotation("visitors_views", lambda: Subquery(...))

Names are prefixed with the feature's app label: they become attributes of
the page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Expression

_annotations: dict[str, Callable[[], Expression]] = {}


def register_story_annotation(name: str, expression: Callable[[], Expression]) -> None:
    """`expression()` builds the annotation (OuterRef("pk") is the story)."""
    _annotations[name] = expression  # ready() may run more than once (tests, autoreload)


def story_annotations() -> dict[str, Expression]:
    return {name: expression() for name, expression in _annotations.items()}
