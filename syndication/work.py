"""What syndication tells the admin dashboard (core.work): which stories
newspapers fetched through the API (the pickup log, FetchRecord) lately."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.work import WorkItem, WorkList

from .models import FetchRecord

PICKUP_DAYS = 7


def recent_pickups(*, codes: frozenset[str] | None, limit: int) -> WorkList:
    """Stories (per language) fetched by partners in the last seven days,
    most partners first. Three queries at most."""
    since = timezone.now() - dt.timedelta(days=PICKUP_DAYS)
    fetches = FetchRecord.objects.filter(fetched_at__gte=since)
    if codes is not None:
        fetches = fetches.filter(language__in=codes)
    groups = fetches.values("page_id", "language")
    rows = list(
        groups.annotate(partners=Count("partner_id", distinct=True), last=Max("fetched_at")).order_by(
            "-partners", "-last"
        )[:limit]
    )
    titles = dict(Page.objects.filter(pk__in=[row["page_id"] for row in rows]).values_list("pk", "title"))
    items = [
        WorkItem(
            title=titles[row["page_id"]],
            url=reverse("wagtailadmin_pages:edit", args=[row["page_id"]]),
            detail=_("Newspapers: %(count)s") % {"count": row["partners"]},
            language=row["language"],
        )
        for row in rows
        if row["page_id"] in titles  # the record outlives a deleted story
    ]
    return WorkList(count=groups.distinct().count() if len(rows) == limit else len(items), items=items)
