"""Read queries for ODOP Sampark workshops."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Locale, Page

from core.pages import public

from .models import WorkshopPage


def workshops_under(index: Page) -> QuerySet[WorkshopPage]:
    """The live workshops of one index page, latest first."""
    return (
        public(WorkshopPage.objects.child_of(index).live())
        .select_related("state", "locale")
        .order_by("-date")
    )


def latest_workshops(*, locale: Locale, limit: int = 3) -> QuerySet[WorkshopPage]:
    return (
        public(WorkshopPage.objects.live())
        .filter(locale=locale)
        .select_related("state", "locale")
        .order_by("-date", "-pk")[:limit]
    )
