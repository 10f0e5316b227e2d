"""The events that notify people, each enqueued after commit: a story
submitted for a language (wagtail-localize creates a Translation), a source
republished (its translations are out of date), a review requested (Wagtail's
task_submitted) or returned (workflow_rejected).

Wagtail e-mails the last two itself, at once, inside the request and in its
own words; `connect()` replaces those two notifiers with ours."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import page_published, task_submitted, workflow_rejected
from wagtail_localize.models import Translation, TranslationSource

from .models import Notification

# Wagtail's own (wagtail.admin.signal_handlers), replaced by ours.
WAGTAIL_NOTIFIERS = (
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
)


def enqueue(kind: str, **facts) -> None:
    from .tasks import notify_task

    transaction.on_commit(lambda: notify_task.enqueue(kind=kind, facts=facts))


def on_translation_saved(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw and instance.enabled:
        enqueue(Notification.Kind.SUBMITTED, translation_id=instance.pk)


def on_page_published(sender, instance, revision=None, **kwargs):
    # Only a source with translations concerns anybody: one query here, the rest in the task.
    if (
        revision is not None
        and TranslationSource.objects.filter(
            object_id=instance.translation_key, locale_id=instance.locale_id, translations__enabled=True
        ).exists()
    ):
        enqueue(Notification.Kind.OUTDATED, page_id=instance.pk, revision_id=revision.pk)


def on_task_submitted(sender, instance, user=None, **kwargs):
    enqueue(Notification.Kind.REVIEW_REQUESTED, task_state_id=instance.pk)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    enqueue(Notification.Kind.REVIEW_RETURNED, workflow_state_id=instance.pk)


def connect() -> None:
    for signal, sender, dispatch_uid in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
    post_save.connect(on_translation_saved, sender=Translation, dispatch_uid="workspace_submitted")
    page_published.connect(on_page_published, dispatch_uid="workspace_outdated")
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid="workspace_review_requested")
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid="workspace_review_returned"
    )
