"""Telling people about work: who, for which event, and the e-mail.

Each `*_recipients` function answers, for one event, who is told and what
(`Event`); `notify` records one Notification per recipient (unique per
recipient and event) and e-mails those not yet e-mailed. A retry after a
failure sends only what was not sent: each row is claimed (`emailed_at`)
before its mail goes out, and released if the mail fails.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from core import work

from .models import Notification

logger = logging.getLogger(__name__)


@dataclass
class Event:
    kind: str
    key: str
    page: Page | None
    title: str
    language: str
    recipients: list = field(default_factory=list)
    comment: str = ""


def _edit_path(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _page_of(translation: Translation) -> Page | None:
    return Page.objects.filter(
        translation_key=translation.source.object_id, locale_id=translation.target_locale_id
    ).first()


def submitted_recipients(*, translation_id: int) -> list[Event]:
    """A story was submitted for a language: that language's translators."""
    translation_row = (
        Translation.objects.filter(pk=translation_id, enabled=True)
        .select_related("source", "target_locale")
        .first()
    )
    if translation_row is None:
        return []
    code = translation_row.target_locale.language_code
    # The target page is made after the Translation row: fall back to the source.
    page = (
        _page_of(translation_row)
        or Page.objects.filter(
            translation_key=translation_row.source.object_id, locale_id=translation_row.source.locale_id
        ).first()
    )
    if page is None:
        return []
    return [
        Event(
            kind=Notification.Kind.SUBMITTED,
            key=f"submitted:{translation_id}",
            page=page,
            title=page.title,
            language=code,
            recipients=list(work.people(role=work.Role.TRANSLATOR, code=code)),
        )
    ]


def outdated_recipients(*, page_id: int, revision_id: int) -> list[Event]:
    """A source story was republished: the translators of every language it
    has a translation page in (their work no longer matches the source)."""
    page = Page.objects.filter(pk=page_id).first()
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).first()
        if page
        else None
    )
    if source is None:
        return []
    targets = {
        locale_id: (pk, title)
        for pk, locale_id, title in Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .values_list("pk", "locale_id", "title")
    }
    events = []
    for translation_row in source.translations.filter(enabled=True).select_related("target_locale"):
        target = targets.get(translation_row.target_locale_id)
        if target is None:
            continue
        code = translation_row.target_locale.language_code
        events.append(
            Event(
                kind=Notification.Kind.OUTDATED,
                key=f"outdated:{translation_row.pk}:{revision_id}",
                page=Page(pk=target[0], title=target[1]),
                title=target[1],
                language=code,
                recipients=list(work.people(role=work.Role.TRANSLATOR, code=code)),
            )
        )
    return events


def review_requested_recipients(*, task_state_id: int) -> list[Event]:
    """A page entered a review task: the task's groups (Reviewers (<code>),
    Moderators), not the person who asked."""
    task_state = TaskState.objects.filter(pk=task_state_id).select_related("workflow_state", "task").first()
    if task_state is None or not hasattr(task_state.task.specific, "groups"):
        return []
    page = task_state.workflow_state.content_object
    if not isinstance(page, Page):
        return []
    recipients = (
        get_user_model()
        .objects.filter(groups__in=task_state.task.specific.groups.all(), is_active=True)
        .exclude(pk=task_state.workflow_state.requested_by_id)
        .distinct()
    )
    return [
        Event(
            kind=Notification.Kind.REVIEW_REQUESTED,
            key=f"review:{task_state_id}",
            page=page,
            title=page.title,
            language=page.locale.language_code,
            recipients=list(recipients),
        )
    ]


def review_returned_recipients(*, workflow_state_id: int) -> list[Event]:
    """A reviewer sent a page back: the person who asked, with the comment."""
    workflow_state = WorkflowState.objects.filter(pk=workflow_state_id).select_related("requested_by").first()
    if workflow_state is None or workflow_state.requested_by is None:
        return []
    rejected = (
        workflow_state.task_states.filter(status=TaskState.STATUS_REJECTED)
        .order_by("-finished_at", "-pk")
        .first()
    )
    page = workflow_state.content_object
    if rejected is None or not isinstance(page, Page):
        return []
    requester = workflow_state.requested_by
    recipients = [requester] if requester.is_active and requester.pk != rejected.finished_by_id else []
    return [
        Event(
            kind=Notification.Kind.REVIEW_RETURNED,
            key=f"returned:{rejected.pk}",
            page=page,
            title=page.title,
            language=page.locale.language_code,
            recipients=recipients,
            comment=rejected.comment,
        )
    ]


def record(event: Event) -> list[Notification]:
    """One Notification per recipient (existing ones kept); returns those of
    this event not yet e-mailed."""
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=recipient,
                kind=event.kind,
                event=event.key,
                page_id=event.page.pk if event.page else None,
                title=event.title[:255],
                language=event.language,
                comment=event.comment,
                url=_edit_path(event.page) if event.page else "",
            )
            for recipient in event.recipients
        ],
        ignore_conflicts=True,
    )
    return list(
        Notification.objects.filter(event=event.key, emailed_at__isnull=True)
        .select_related("recipient", "recipient__wagtail_userprofile")
        .order_by("pk")
    )


def mail_language(notification: Notification) -> str:
    """The recipient's preferred admin language; else, for someone who works
    in given languages only (a translator), the notification's language; else
    the site's. Only languages with a catalog (settings.LANGUAGES)."""
    available = {code for code, _name in settings.LANGUAGES}
    profile = getattr(notification.recipient, "wagtail_userprofile", None)
    preferred = profile.preferred_language if profile else ""
    if preferred in available:
        return preferred
    if not work.user_languages(notification.recipient).editorial and notification.language in available:
        return notification.language
    return settings.LANGUAGE_CODE


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def email(notification: Notification) -> None:
    with translation.override(mail_language(notification)):
        subject = notification.subject()
        lines = [subject, ""]
        if notification.comment:
            lines += [_("Comment: %(comment)s") % {"comment": notification.comment}, ""]
        if notification.url:
            lines.append(_("Open it in the admin: %(url)s") % {"url": _absolute(notification.url)})
        body = "\n".join(lines)
    send_mail(subject, body, None, [notification.recipient.email])


def send(notifications: list[Notification]) -> int:
    """E-mail each notification once: claim it, send, release it if the mail
    fails (the error propagates so the task is retried)."""
    sent = 0
    for notification in notifications:
        if not notification.recipient.email:
            continue
        claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )
        if not claimed:
            continue  # another run sent it
        try:
            email(notification)
        except Exception:
            Notification.objects.filter(pk=notification.pk).update(emailed_at=None)
            raise
        sent += 1
    return sent


RESOLVERS = {
    Notification.Kind.SUBMITTED: submitted_recipients,
    Notification.Kind.OUTDATED: outdated_recipients,
    Notification.Kind.REVIEW_REQUESTED: review_requested_recipients,
    Notification.Kind.REVIEW_RETURNED: review_returned_recipients,
}


def notify(*, kind: str, **facts) -> int:
    """Record and e-mail the notifications of one event. Returns e-mails sent."""
    sent = 0
    for event in RESOLVERS[kind](**facts):
        with transaction.atomic():
            pending = record(event)
        sent += send(pending)
    return sent
