"""Language review: translations reach the public only through a reviewer.

Translators have no publish permission on their locale's tree. They send a
translation to the "Language review (<code>)" workflow with
`submit_for_review`; another member of `Reviewers (<code>)` approves it in
Wagtail's workflow UI (a ReviewTask), which publishes it. Who may publish or
approve what is the review gate's rule (`gate.py`), checked wherever a page
is published.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import Translation

from . import gate


class ReviewError(ValueError):
    pass


def translation_for_page(page: Page) -> Translation | None:
    """The enabled wagtail-localize translation that `page` is the target of."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def machine_segment_count(translation: Translation) -> int:
    """Segments whose current translation was made by a machine. One query."""
    return gate.segment_counts(
        source_id=translation.source_id, locale_id=translation.target_locale_id
    ).machine


def submit_for_review(*, page: Page, user) -> Page:
    """Save the translation as a draft revision and start its locale's
    language-review workflow (or refresh the revision under review). A live
    translation keeps its public content until the review publishes."""
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
