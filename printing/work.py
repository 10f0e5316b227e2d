"""What printing tells the admin dashboard (core.work): PDFs that failed."""

from __future__ import annotations

from django.urls import reverse

from core.work import WorkItem, WorkList

from .models import StoryPdf


def failed_pdfs(*, codes: frozenset[str] | None, limit: int) -> WorkList:
    """Failed PDFs, newest first, in `codes`. Two queries at most."""
    failed = StoryPdf.objects.filter(status=StoryPdf.Status.FAILED)
    if codes is not None:
        failed = failed.filter(locale__in=codes)
    rows = list(
        failed.select_related("page")
        .only("id", "format", "locale", "error", "page__id", "page__title")
        .order_by("-pk")[:limit]
    )
    return WorkList(
        count=failed.count() if len(rows) == limit else len(rows),
        items=[
            WorkItem(
                title=row.page.title,
                url=reverse("wagtailadmin_pages:edit", args=[row.page.pk]),
                detail=f"{row.get_format_display()}: {row.error.splitlines()[0][:120] if row.error else ''}",
                language=row.locale,
            )
            for row in rows
        ],
    )
