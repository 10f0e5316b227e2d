"""Which review a page goes to.

Workflows are assigned by tree: the English home carries "Editorial review",
each locale's home its "Language review (<code>)". Hindi stories are also
written in Hindi, in the Hindi tree: a Hindi *source* page is an editor's
story and goes to Editorial review (Moderators), like an English one. It gets
its own WorkflowPage when it is created (translations share a translation key
with an older page and keep the tree's language review); `setup_roles`
assigns the ones that already exist.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
from wagtail.models import Locale, Page, Workflow, WorkflowPage

from .groups import EDITORIAL_REVIEW, SOURCE_CODES


def _extra_source_locale_ids() -> list[int]:
    codes = [code for code in SOURCE_CODES if code != settings.LANGUAGE_CODE]
    return list(Locale.objects.filter(language_code__in=codes).values_list("pk", flat=True))


def _editorial_review() -> Workflow | None:
    return Workflow.objects.filter(name=EDITORIAL_REVIEW, active=True).first()


def route_source_to_editorial_review(*, page: Page) -> None:
    """Called when `page` is created."""
    if page.locale_id not in _extra_source_locale_ids():
        return
    if Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).exists():
        return  # a translation: the tree's language review
    workflow = _editorial_review()
    if workflow is None:
        return
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    # Page.get_workflow() reads the reverse one-to-one, which may have been
    # cached as missing on this instance before it was saved.
    page._state.fields_cache.pop("workflowpage", None)


def route_existing_sources(*, workflow: Workflow) -> int:
    """Assign every existing Hindi (non-default source language) source page."""
    locale_ids = _extra_source_locale_ids()
    shared_keys = Page.objects.filter(~Q(locale_id__in=locale_ids)).values("translation_key")
    sources = Page.objects.filter(locale_id__in=locale_ids, depth__gt=2).exclude(
        translation_key__in=shared_keys
    )
    assigned = 0
    for page in sources.exclude(workflowpage__isnull=False).only("pk"):
        WorkflowPage.objects.create(page=page, workflow=workflow)
        assigned += 1
    return assigned
