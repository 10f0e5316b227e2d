"""The review gate: the one rule every publish of a translation passes.

A translation goes live only when a reviewer of its language publishes or
approves it, and that reviewer is not its author (four eyes):

- a person who is not in `Reviewers (<code>)` is refused (translators,
  editors, moderators, superusers); the message names the machine-translated
  segments when there are any;
- a reviewer who translated segments of it themselves, or who sent it for
  review, is refused: another reviewer approves it;
- nobody publishes values wagtail-localize refuses (`has_error` strings):
  the page would silently show the source language there;
- code that runs without a person (imports, demo data, setup, scheduled
  publishing of a revision that passed the gate when it was scheduled) may
  publish translations without machine-translated segments.

Source pages (English or Hindi stories) are not translations: Wagtail's
permissions and the editorial workflow decide about them. `choke_points`
attaches `check_page_publish` to Wagtail's PublishPageRevisionAction and
`check_localize_publish` to wagtail-localize's create_or_update_translation;
both raise `PublishRefused` before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .groups import MODERATORS, reviewers_group_name, user_in_group


class PublishRefused(Exception):  # noqa: N818 - a refusal, not a programming error
    """A publish the review gate refuses. Deliberately not a PermissionDenied:
    Wagtail's admin would turn that into "Sorry, you do not have permission"
    and drop the reason. The admin middleware reports it (message, or a 403
    JSON answer from the admin API); commands turn it into a CommandError."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SegmentCounts:
    machine: int = 0
    errors: int = 0
    own: int = 0  # translated by hand by the user asking to publish


def reviewer_group(code: str) -> str:
    """Who reviews a language. English has no translators' desk of its own:
    translations into English (of Hindi stories) are reviewed by Moderators."""
    return MODERATORS if code == settings.LANGUAGE_CODE else reviewers_group_name(code)


def is_language_reviewer(user, code: str) -> bool:
    return user is not None and user.is_authenticated and user_in_group(user, reviewer_group(code))


def translation_record(page: Page) -> Translation | None:
    """wagtail-localize's record of `page` as a translation, enabled or stopped."""
    return (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .select_related("source", "target_locale")
        .order_by("-enabled")
        .first()
    )


def is_translation(page: Page, record: Translation | None) -> bool:
    """A page is a translation if wagtail-localize made it one, or if it was
    copied for translation from an older page (Wagtail's copy_for_translation)
    and is not itself a wagtail-localize source."""
    if record is not None:
        return True
    if TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).exists():
        return False
    return Page.objects.filter(translation_key=page.translation_key, pk__lt=page.pk).exists()


def segment_counts(*, source_id: int | None, locale_id: int, user=None) -> SegmentCounts:
    """Machine-translated, refused and the user's own segments. One query."""
    if source_id is None:
        return SegmentCounts()
    segments = StringSegment.objects.filter(source_id=source_id)
    aggregates = {
        "machine": Count("pk", filter=Q(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)),
        "errors": Count("pk", filter=Q(has_error=True)),
    }
    if user is not None and user.pk is not None:
        manual = StringTranslation.TRANSLATION_TYPE_MANUAL
        aggregates["own"] = Count("pk", filter=Q(translation_type=manual, last_translated_by_id=user.pk))
    counts = StringTranslation.objects.filter(
        locale_id=locale_id,
        translation_of_id__in=segments.values("string_id"),
        context_id__in=segments.values("context_id"),
    ).aggregate(**aggregates)
    return SegmentCounts(**counts)


def _open_review_requested_by(page_id: int | None) -> int | None:
    if page_id is None:
        return None
    return (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page_id),
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        )
        .values_list("requested_by_id", flat=True)
        .first()
    )


def refusal(
    *, code: str, counts: SegmentCounts, user, page_id: int | None = None, check_requester=True
) -> str | None:
    """Why this translation may not go live now, or None. `user` None means
    code running without a person."""
    if counts.errors:
        return _(
            "%(count)d segment(s) hold values wagtail-localize refuses; the page would show the source "
            "language there. Fix them in the translation editor first."
        ) % {"count": counts.errors}
    if user is None:
        if counts.machine:
            return _(
                "%(count)d segment(s) were machine-translated: only a member of %(group)s can publish "
                "this translation, and nothing publishes it unattended."
            ) % {"count": counts.machine, "group": reviewer_group(code)}
        return None
    if not is_language_reviewer(user, code):
        if counts.machine:
            return _(
                "%(count)d segment(s) were machine-translated and need review: only %(group)s can "
                "publish this translation. Submit it for language review."
            ) % {"count": counts.machine, "group": reviewer_group(code)}
        return _(
            "Translations into %(code)s go live only after language review by %(group)s. "
            "Submit it for language review."
        ) % {"code": code, "group": reviewer_group(code)}
    if counts.own:
        return _(
            "You translated %(count)d segment(s) of this page yourself: another member of %(group)s "
            "must approve it (four eyes). Submit it for language review."
        ) % {"count": counts.own, "group": reviewer_group(code)}
    if check_requester and user.pk is not None and _open_review_requested_by(page_id) == user.pk:
        return _("You sent this translation for review: another member of %(group)s must approve it.") % {
            "group": reviewer_group(code)
        }
    return None


def page_refusal(*, page: Page, user, check_requester=True) -> str | None:
    """The gate's answer for publishing `page` (any page) as `user`."""
    record = translation_record(page)
    if not is_translation(page, record):
        return None
    locale = page.locale if page.locale_id else Locale.get_default()
    counts = segment_counts(
        source_id=record.source_id if record else None, locale_id=page.locale_id, user=user
    )
    return refusal(
        code=locale.language_code, counts=counts, user=user, page_id=page.pk, check_requester=check_requester
    )


def publishing_user(*, action_user, revision):
    """The person behind a publish: the action's user, or (wagtail-localize
    publishes on commit without one) the author of the revision it made in
    the same request."""
    return action_user if action_user is not None else getattr(revision, "user", None)


def is_scheduled_publish(*, action_user, revision) -> bool:
    """`publish_scheduled` publishing a revision whose go-live time came: it
    passed the gate when it was approved for that time."""
    approved = getattr(revision, "approved_go_live_at", None)
    return action_user is None and approved is not None and approved <= timezone.now()


def check_page_publish(*, page: Page, revision, action_user) -> None:
    """Raise PublishRefused unless `revision` of `page` may go live."""
    if is_scheduled_publish(action_user=action_user, revision=revision):
        return
    user = publishing_user(action_user=action_user, revision=revision)
    reason = page_refusal(page=page, user=user)
    if reason:
        raise PublishRefused(
            _("“%(title)s” was not published: %(reason)s") % {"title": page.title, "reason": reason}
        )
    if revision is not None:
        revision._odop_reviewed_by = user  # read by publishing.record_language_version


def check_localize_publish(*, source: TranslationSource, locale: Locale, user) -> None:
    """Before wagtail-localize writes and publishes a translation of `source`."""
    if not issubclass(source.specific_content_type.model_class(), Page):
        return  # snippets here have no drafts and no review
    page_id = (
        Page.objects.filter(translation_key=source.object_id, locale_id=locale.pk)
        .values_list("pk", flat=True)
        .first()
    )
    counts = segment_counts(source_id=source.pk, locale_id=locale.pk, user=user)
    reason = refusal(code=locale.language_code, counts=counts, user=user, page_id=page_id)
    if reason:
        raise PublishRefused(
            _("“%(title)s” (%(code)s) was not published: %(reason)s")
            % {"title": source.object_repr, "code": locale.language_code, "reason": reason}
        )
