"""Language review: translations reach the public only through a reviewer.

Translators have no publish permission on their locale's tree. They send a
translation to the "Language review (<code>)" workflow with
`submit_for_review`; a member of `Reviewers (<code>)` approves it in Wagtail's
workflow UI, which publishes it. A translation with machine-translated
segments can be published directly only by a reviewer of its language
(`publish_blocked_reason`), never by anybody else, superusers included.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .roles import is_language_reviewer


class ReviewError(ValueError):
    pass


def translation_for_page(page: Page) -> Translation | None:
    return (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True)
        .select_related("source", "target_locale")
        .first()
    )


def machine_segment_count(translation: Translation) -> int:
    """Segments whose current translation was made by a machine. One query."""
    return StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        translation_of_id__in=StringSegment.objects.filter(source_id=translation.source_id).values("string_id"),
        context__in=StringSegment.objects.filter(source_id=translation.source_id).values("context_id"),
    ).count()


def publish_blocked_reason(*, translation: Translation, user) -> str | None:
    """Why `user` may not publish `translation` directly, or None."""
    code = translation.target_locale.language_code
    machine = machine_segment_count(translation)
    if machine and not is_language_reviewer(user, code):
        return _(
            "%(count)d segment(s) were machine-translated and need review: only Reviewers (%(code)s) can "
            "publish this translation. Submit it for language review."
        ) % {"count": machine, "code": code}
    return None


def submit_for_review(*, page: Page, user) -> Page:
    """Save the translation as a draft revision and start its locale's
    language-review workflow (or refresh the revision under review)."""
    translation = translation_for_page(page)
    if translation is None:
        raise ReviewError(_("This page is not a translation made with wagtail-localize."))
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    workflow = page.get_workflow()
    if workflow is None:
        raise ReviewError(_("No language review workflow covers this page; run `manage.py setup_roles`."))
    if page.current_workflow_state is None:
        workflow.start(page, user)
    return page
