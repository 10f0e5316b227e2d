"""Submitting stories and taxonomy snippets for translation.

Requests only enqueue (`enqueue_submission`); the work runs in a django-tasks
task that calls `submit_for_translation`, which uses wagtail-localize's
TranslationCreator: it creates the TranslationSource, the Translation per
locale and a draft target page, and submits the snippets the story refers to
(sector, ministry, office through the source's related-object segments;
districts, their states and products explicitly, since those are
many-to-many links wagtail-localize synchronises rather than translates).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator

from .roles import enabled_codes

logger = logging.getLogger(__name__)
CHUNK_SIZE = 50  # pages per background task


class SubmissionError(ValueError):
    pass


@dataclass(frozen=True)
class SnippetRef:
    """A translatable snippet, as JSON-friendly data for a task argument."""

    model: str  # "app_label.ModelName"
    pk: int

    @classmethod
    def of(cls, instance) -> SnippetRef:
        return cls(model=instance._meta.label, pk=instance.pk)

    def resolve(self):
        return apps.get_model(self.model).objects.get(pk=self.pk)


def target_locales(*, codes: Iterable[str] | None) -> list[Locale]:
    """The locales named by `codes` (all enabled ones when None or empty).

    An unknown or disabled code is an error that names it.
    """
    enabled = enabled_codes()
    codes = list(codes or enabled)
    unknown = sorted(set(codes) - set(enabled))
    if unknown:
        raise SubmissionError(
            _("Not an enabled language: %(unknown)s. Enabled: %(enabled)s")
            % {"unknown": ", ".join(unknown), "enabled": ", ".join(enabled)}
        )
    existing = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    return [existing.get(code) or Locale.objects.create(language_code=code) for code in codes]


def _linked_snippets(page) -> list:
    """Taxonomy a story links to through many-to-many fields."""
    linked = []
    if hasattr(page, "districts"):
        for district in page.districts.select_related("state"):
            linked += [district.state, district]
    if hasattr(page, "products"):
        for product in page.products.select_related("sector", "district"):
            linked += [product.sector, product.district, product]
    return linked


def _submit_snippet(snippet, *, locales: list[Locale], user) -> None:
    """Translate a snippet into the locales it is not yet in.

    Taxonomy is shared by many stories: a snippet already translated into a
    locale is left alone (re-saving it for every story was most of the cost of
    a submission). Its own related snippets (a district's state) come along.
    """
    have = set(
        type(snippet)
        .objects.filter(translation_key=snippet.translation_key)
        .values_list("locale_id", flat=True)
    )
    missing = [locale for locale in locales if locale.pk not in have]
    if missing:
        TranslationCreator(user, missing).create_translations(snippet, include_related_objects=True)


def _submit_page(page, *, locales: list[Locale], user) -> None:
    page = page.specific
    source, _created = TranslationSource.get_or_create_from_instance(page)
    related = [segment.object.get_instance(page.locale) for segment in source.relatedobjectsegment_set.all()]
    for snippet in [*_linked_snippets(page), *related]:
        _submit_snippet(snippet, locales=locales, user=user)
    TranslationCreator(user, locales).create_translations(page, include_related_objects=False)


def submit_for_translation(*, instances: Iterable, locale_codes: Iterable[str] | None, user=None) -> int:
    """Submit pages and/or snippets to the locales; return how many objects.

    Each object is its own transaction, so one failure does not undo the rest
    of a large batch (the error is raised after the rest are done).
    """
    locales = target_locales(codes=locale_codes)
    done, errors = 0, []
    for instance in instances:
        try:
            with transaction.atomic():
                if isinstance(instance, Page):
                    _submit_page(instance, locales=locales, user=user)
                else:
                    TranslationCreator(user, locales).create_translations(instance)
            done += 1
        except Exception as error:  # noqa: BLE001 - reported together below
            logger.exception("Submitting %r for translation failed", instance)
            errors.append(f"{instance!r}: {error}")
    if errors:
        raise SubmissionError(
            _("Some objects could not be submitted: %(errors)s") % {"errors": "; ".join(errors)}
        )
    return done


def submit_by_reference(
    *, page_ids: list[int], snippets: list[dict], locale_codes: list[str] | None, user_id: int | None
) -> int:
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    pages = list(Page.objects.filter(pk__in=page_ids).specific())
    snippet_objects = [SnippetRef(**ref).resolve() for ref in snippets]
    return submit_for_translation(instances=[*pages, *snippet_objects], locale_codes=locale_codes, user=user)


def enqueue_submission(
    *, pages: Iterable = (), snippets: Iterable = (), locale_codes: list[str] | None, user=None
):
    """Validate, then enqueue one task per chunk of pages. Returns the task
    results. Cheap enough for thousands of stories in one request."""
    from ..tasks import submit_translations_task

    target_locales(codes=locale_codes)  # fail now, in the request, on a bad code
    page_ids = [page.pk for page in pages]
    snippet_refs = [
        SnippetRef.of(snippet).__dict__ for snippet in snippets if isinstance(snippet, TranslatableMixin)
    ]
    user_id = user.pk if user is not None and user.is_authenticated else None
    results = []
    for start in range(0, max(len(page_ids), 1), CHUNK_SIZE):
        chunk = page_ids[start : start + CHUNK_SIZE]
        refs = snippet_refs if start == 0 else []
        if chunk or refs:
            results.append(
                submit_translations_task.enqueue(
                    page_ids=chunk, snippets=refs, locale_codes=list(locale_codes or []), user_id=user_id
                )
            )
    return results
