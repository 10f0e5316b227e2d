"""Reads about the state of translations. The public site, the status report
and the API all ask these questions here."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource


@dataclass(frozen=True)
class Freshness:
    source_page: Page
    outdated: bool


def translation_freshness(page: Page) -> Freshness | None:
    """How a translated page stands against its source.

    None for a source page, or a page not made through wagtail-localize. A
    translation is outdated when its source was published after the
    translation last synced (TranslationSource.last_updated_at). Two queries.
    """
    translation = (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .select_related("source")
        .first()
    )
    if translation is None:
        return None
    source = translation.source
    source_page = (
        Page.objects.filter(translation_key=page.translation_key, locale_id=source.locale_id)
        .select_related("locale")
        .first()
    )
    if source_page is None or source_page.pk == page.pk:
        return None
    published = source_page.last_published_at
    return Freshness(source_page=source_page, outdated=bool(published and published > source.last_updated_at))


# --- The status report: stories x locales -----------------------------------


class Status(models.TextChoices):
    SOURCE = "source", _("Source")
    NOT_REQUESTED = "not_requested", _("Not requested")
    IN_PROGRESS = "in_progress", _("In progress")
    AWAITING_REVIEW = "awaiting_review", _("Awaiting review")
    CURRENT = "current", _("Published and current")
    OUTDATED = "outdated", _("Outdated")


@dataclass(frozen=True)
class Cell:
    locale_code: str
    status: str
    percent: int | None = None  # segments translated, for in-progress cells
    page_id: int | None = None
    translation_id: int | None = None

    @property
    def label(self) -> str:
        label = Status(self.status).label
        return f"{label} ({self.percent}%)" if self.percent is not None else str(label)


@dataclass(frozen=True)
class StoryRow:
    page_id: int
    title: str
    locale_code: str
    cells: list[Cell]


def source_stories(*, state=None, sector=None, search: str = "") -> QuerySet:
    """Story pages that are not themselves translation targets.

    Taxonomy filters match by translation_key, so a Hindi sector finds the
    English stories too.
    """
    from stories.models import SuccessStoryPage

    is_target = Translation.objects.filter(source__object_id=OuterRef("translation_key"), target_locale=OuterRef("locale"))
    stories = SuccessStoryPage.objects.filter(~Exists(is_target))
    if sector is not None:
        stories = stories.filter(sector__translation_key=sector.translation_key)
    if state is not None:
        stories = stories.filter(districts__state__translation_key=state.translation_key).distinct()
    if search:
        stories = stories.filter(title__icontains=search)
    return stories.order_by("-posted_at", "-pk")


def _progress(source_ids: list[int]) -> tuple[dict[int, int], dict[tuple[int, int], int]]:
    """Segments per source, and translated segments per (source, locale). Two queries."""
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    translated = {
        (source_id, locale_id): n
        for source_id, locale_id, n in StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "string__translations__locale_id", "n")
    }
    return totals, translated


def _cell_status(*, published_at, source_updated_at, target: dict | None, in_review: bool) -> str:
    if published_at and published_at > source_updated_at:
        return Status.OUTDATED
    if in_review:
        return Status.AWAITING_REVIEW
    if target is not None and target["live"]:
        return Status.CURRENT
    return Status.IN_PROGRESS


def status_matrix(stories: list[dict], *, locales: list[Locale]) -> list[StoryRow]:
    """One row per story, one cell per locale. Six queries whatever the size.

    `stories` are dicts with id, title, translation_key, locale_id and
    last_published_at (`source_stories().values(...)`).
    """
    keys = [story["translation_key"] for story in stories]
    code_of = {locale.pk: locale.language_code for locale in locales}
    sources = {
        (row["object_id"], row["locale_id"]): row
        for row in TranslationSource.objects.filter(object_id__in=keys).values(
            "id", "object_id", "locale_id", "last_updated_at"
        )
    }
    translations = {
        (row["source_id"], row["target_locale_id"]): row["id"]
        for row in Translation.objects.filter(source_id__in=[s["id"] for s in sources.values()], enabled=True).values(
            "id", "source_id", "target_locale_id"
        )
    }
    targets = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys, locale_id__in=code_of).values(
            "id", "translation_key", "locale_id", "live"
        )
    }
    in_review = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(target["id"]) for target in targets.values()],
        ).values_list("object_id", flat=True)
    )
    totals, translated = _progress([source["id"] for source in sources.values()])
    rows = []
    for story in stories:
        source = sources.get((story["translation_key"], story["locale_id"]))
        cells = []
        for locale in locales:
            cells.append(_cell(story, locale, source, translations, targets, in_review, totals, translated))
        rows.append(
            StoryRow(page_id=story["id"], title=story["title"], locale_code=code_of.get(story["locale_id"], ""), cells=cells)
        )
    return rows


def _cell(story, locale, source, translations, targets, in_review, totals, translated) -> Cell:
    code = locale.language_code
    if locale.pk == story["locale_id"]:
        return Cell(code, Status.SOURCE, page_id=story["id"])
    translation_id = translations.get((source["id"], locale.pk)) if source else None
    target = targets.get((story["translation_key"], locale.pk))
    if translation_id is None:
        return Cell(code, Status.NOT_REQUESTED, page_id=target["id"] if target else None)
    status = _cell_status(
        published_at=story["last_published_at"],
        source_updated_at=source["last_updated_at"],
        target=target,
        in_review=target is not None and str(target["id"]) in in_review,
    )
    percent = None
    if status == Status.IN_PROGRESS:
        total = totals.get(source["id"], 0)
        percent = round(100 * translated.get((source["id"], locale.pk), 0) / total) if total else 100
    return Cell(code, status, percent, target["id"] if target else None, translation_id)


STORY_FIELDS = ("id", "title", "translation_key", "locale_id", "last_published_at")
