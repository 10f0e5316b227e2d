"""What each role's dashboard lists. Every selector returns a `WorkList`: the
count and the first `limit` items, in two queries at most (one when the list
is shorter than `limit`), whatever the number of stories.

Stories, Wagtail's workflows and revisions, and wagtail-localize's
translations are read here directly; what other features own (outdated
languages, failed PDFs, pickups) comes through `core.work`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    Count,
    DateTimeField,
    Exists,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import formats
from django.utils.timesince import timeuntil
from django.utils.translation import gettext as _
from wagtail.models import Page, Revision, TaskState, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from core.work import WorkItem, WorkList
from stories.models import SuccessStoryPage

from .models import Notification

LIMIT = 5
RECENT_DAYS = 7


def _edit_url(page_id: int) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def _work_list(rows: QuerySet, *, limit: int, item: Callable[[object], WorkItem]) -> WorkList:
    found = list(rows[:limit])
    count = rows.count() if len(found) == limit else len(found)
    return WorkList(count=count, items=[item(row) for row in found])


def _when(value: dt.datetime) -> str:
    return formats.date_format(value, "SHORT_DATETIME_FORMAT")


def _page_type() -> ContentType:
    return ContentType.objects.get_for_model(Page)  # cached by Django after the first call


def _workflow_states(*statuses: str) -> QuerySet:
    """Workflow states of the outer page (`OuterRef("pk")`) in `statuses`."""
    return WorkflowState.objects.filter(
        base_content_type=_page_type(),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        status__in=statuses,
    )


def _is_translation() -> Exists:
    return Exists(
        Translation.objects.filter(
            source__object_id=OuterRef("translation_key"), target_locale=OuterRef("locale")
        )
    )


def source_stories() -> QuerySet:
    """Stories that are not themselves translation targets."""
    return SuccessStoryPage.objects.filter(~_is_translation())


def translation_pages(*, codes: frozenset[str]) -> QuerySet:
    """Story pages made by translation into `codes`."""
    return SuccessStoryPage.objects.filter(_is_translation(), locale__language_code__in=codes)


def _story_item(page, detail: str = "") -> WorkItem:
    return WorkItem(
        title=page.title, url=_edit_url(page.pk), detail=detail, language=page.locale.language_code
    )


def _stories(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("locale").only("id", "title", "locale__language_code")


# --- Editors and moderators ----------------------------------------------------------


def my_drafts(*, user, limit: int = LIMIT) -> WorkList:
    """Source stories the user owns that were never published, are not in a
    workflow and not scheduled; last edited first."""
    drafts = source_stories().filter(
        owner=user,
        live=False,
        first_published_at__isnull=True,
        expired=False,
    )
    drafts = drafts.exclude(
        Exists(_workflow_states(WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES))
    ).exclude(Exists(_scheduled_revisions()))
    rows = _stories(drafts).order_by("-latest_revision_created_at", "-pk")
    return _work_list(rows, limit=limit, item=_story_item)


def _requested_at(*statuses: str) -> dict[int, dt.datetime]:
    """{page id: since when} of the pages in a workflow now. One query; few
    pages are in review at any time, so this beats an Exists per story."""
    return {
        int(object_id): created_at
        for object_id, created_at in WorkflowState.objects.filter(
            base_content_type=_page_type(), status__in=statuses
        ).values_list("object_id", "created_at")
    }


def in_editorial_review(*, limit: int = LIMIT) -> WorkList:
    """Source stories in a workflow now, longest waiting first. Two queries."""
    since = _requested_at(WorkflowState.STATUS_IN_PROGRESS)
    pages = sorted(
        _stories(source_stories().filter(pk__in=list(since))), key=lambda page: (since[page.pk], page.pk)
    )
    return WorkList(
        count=len(pages), items=[_story_item(page, _when(since[page.pk])) for page in pages[:limit]]
    )


def _scheduled_revisions() -> QuerySet:
    return Revision.objects.filter(
        base_content_type=_page_type(),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        approved_go_live_at__isnull=False,
    )


def scheduled_and_embargoed(*, now: dt.datetime, limit: int = LIMIT) -> WorkList:
    """Source stories with a scheduled revision, or live under an embargo;
    soonest first, with the time left. Two queries, each bounded by what is
    waiting: the ids of both kinds (few: scheduled revisions, and the
    embargoed stories by the embargo index), then those stories by id;
    never a test of every story."""
    scheduled = (
        Revision.objects.filter(base_content_type=_page_type(), approved_go_live_at__isnull=False)
        .annotate(page_id=Cast("object_id", IntegerField()))
        .order_by()
        .values_list("page_id", "approved_go_live_at")
    )
    embargoed = (
        SuccessStoryPage.objects.filter(embargo_until__gt=now, live=True)
        .order_by()
        .values_list("pk", Value(None, output_field=DateTimeField()))
    )
    go_live: dict[int, dt.datetime] = {}
    waiting_ids = set()
    for page_id, moment in scheduled.union(embargoed, all=True):
        waiting_ids.add(page_id)
        if moment is not None:
            go_live[page_id] = min(moment, go_live.get(page_id, moment))
    # By a list of ids, not a subquery: given one, PostgreSQL anti-joined
    # every page to every translation request first (130 ms at 20,000
    # stories, 0.2 ms this way).
    waiting = source_stories().filter(pk__in=waiting_ids)
    pages = [
        (go_live.get(page.pk), page)
        for page in _stories(waiting).only("id", "title", "locale__language_code", "embargo_until", "live")
    ]
    pages.sort(key=lambda pair: (pair[0] or pair[1].embargo_until, pair[1].pk))

    def item(scheduled_for, page) -> WorkItem:
        if scheduled_for is not None:
            detail = _("Scheduled: %(time)s left") % {"time": timeuntil(scheduled_for, now)}
        else:
            detail = _("Embargoed: %(time)s left") % {"time": timeuntil(page.embargo_until, now)}
        return _story_item(page, detail)

    return WorkList(count=len(pages), items=[item(*pair) for pair in pages[:limit]])


def recently_published(*, now: dt.datetime, limit: int = LIMIT) -> WorkList:
    """Source stories published in the last seven days, newest first, with the
    number of languages each is live in."""
    live_versions = (
        Page.objects.filter(translation_key=OuterRef("translation_key"), live=True)
        .order_by()
        .values("translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = (
        _stories(
            source_stories().filter(live=True, last_published_at__gte=now - dt.timedelta(days=RECENT_DAYS))
        )
        .annotate(languages_live=Subquery(live_versions))
        .order_by("-last_published_at", "-pk")
    )
    total = len(settings.WAGTAIL_CONTENT_LANGUAGES)
    return _work_list(
        rows,
        limit=limit,
        item=lambda page: _story_item(
            page,
            _("Live in %(done)s of %(total)s languages") % {"done": page.languages_live or 0, "total": total},
        ),
    )


# --- Translators ---------------------------------------------------------------------


def _machine_strings() -> Exists:
    return Exists(
        StringTranslation.objects.filter(
            locale_id=OuterRef("locale_id"),
            context__object_id=OuterRef("translation_key"),
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        )
    )


def _not_live_translations(codes: frozenset[str]) -> QuerySet:
    return translation_pages(codes=codes).filter(live=False)


def waiting_for_languages(*, codes: frozenset[str], limit: int = LIMIT) -> WorkList:
    """Stories requested in `codes` that nobody has started there: not live,
    not in review, not returned, no machine draft. Oldest request first."""
    rows = (
        _stories(_not_live_translations(codes))
        .exclude(
            Exists(_workflow_states(WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES))
        )
        .exclude(_machine_strings())
        .order_by("pk")
    )
    return _work_list(rows, limit=limit, item=_story_item)


def machine_drafts(*, codes: frozenset[str], limit: int = LIMIT) -> WorkList:
    """Draft translations in `codes` with machine-translated segments nobody has
    checked yet (a person's edit makes a segment manual), not yet in review."""
    rows = (
        _stories(_not_live_translations(codes).filter(_machine_strings()))
        .exclude(Exists(_workflow_states(WorkflowState.STATUS_IN_PROGRESS)))
        .order_by("pk")
    )
    return _work_list(rows, limit=limit, item=_story_item)


def returned_from_review(*, codes: frozenset[str], limit: int = LIMIT) -> WorkList:
    """Translations in `codes` a reviewer sent back, with the reviewer's comment;
    most recently returned first. Two queries: the returned workflows (few
    at any time), then their pages; never a subquery per story."""
    returned: dict[int, tuple[dt.datetime, str]] = {}
    for object_id, finished_at, comment in (
        TaskState.objects.filter(
            workflow_state__base_content_type=_page_type(),
            workflow_state__status=WorkflowState.STATUS_NEEDS_CHANGES,
            status=TaskState.STATUS_REJECTED,
            finished_at__isnull=False,
        )
        .order_by("-finished_at", "-pk")
        .values_list("workflow_state__object_id", "finished_at", "comment")
    ):
        returned.setdefault(int(object_id), (finished_at, comment))  # the latest rejection
    pages = sorted(
        _stories(translation_pages(codes=codes).filter(pk__in=list(returned))),
        key=lambda page: (returned[page.pk][0], page.pk),
        reverse=True,
    )
    return WorkList(
        count=len(pages),
        items=[_story_item(page, returned[page.pk][1] or "") for page in pages[:limit]],
    )


# --- Reviewers -----------------------------------------------------------------------


def awaiting_review(*, user, codes: frozenset[str], limit: int = LIMIT) -> WorkList:
    """Translations in `codes` waiting in review, oldest first; not those the
    user sent (four eyes: somebody else approves them). Two queries, as
    `in_editorial_review`: driven by the workflows in progress, not a test
    of every translation."""
    since = {
        int(object_id): created_at
        for object_id, created_at in WorkflowState.objects.filter(
            base_content_type=_page_type(), status=WorkflowState.STATUS_IN_PROGRESS
        )
        .exclude(requested_by=user)
        .values_list("object_id", "created_at")
    }
    pages = sorted(
        _stories(translation_pages(codes=codes).filter(pk__in=list(since))),
        key=lambda page: (since[page.pk], page.pk),
    )
    return WorkList(
        count=len(pages), items=[_story_item(page, _when(since[page.pk])) for page in pages[:limit]]
    )


# --- Everyone ------------------------------------------------------------------------


def recent_notifications(*, user, now: dt.datetime, limit: int = LIMIT) -> WorkList:
    """The user's notifications of the last seven days, newest first."""
    rows = Notification.objects.filter(
        recipient=user, created_at__gte=now - dt.timedelta(days=RECENT_DAYS)
    ).order_by("-created_at", "-pk")
    return _work_list(
        rows,
        limit=limit,
        item=lambda notification: WorkItem(
            title=notification.subject(),
            url=notification.url,
            detail=notification.comment,
            language=notification.language,
        ),
    )
