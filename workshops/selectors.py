"""Read queries for ODOP Sampark workshops."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Locale, Page

from .models import WorkshopPage


def workshops_under(index: Page) -> QuerySet[WorkshopPage]:
    """The live workshops of one index page, latest first."""
    return (
        WorkshopPage.objects.child_of(index)
        .live()
        .public()
        .select_related("state", "locale")
        .order_by("-date")
    )


def latest_workshops(*, locale: Locale, limit: int = 3) -> QuerySet[WorkshopPage]:
    return (
        WorkshopPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("state", "locale")
        .order_by("-date", "-pk")[:limit]
    )
