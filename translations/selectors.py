"""Reads about the state of translations. The public site, the status report
and the API all ask these questions here."""

from __future__ import annotations

from collections import defaultdict
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


@dataclass(slots=True)
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


def _progress(source_ids) -> tuple[dict[int, int], dict[int, dict[int, int]]]:
    """Segments per source, and translated segments per (source, locale). Two queries."""
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    translated: dict[int, dict[int, int]] = defaultdict(dict)
    for source_id, locale_id, n in (
        StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "string__translations__locale_id", "n")
    ):
        translated[source_id][locale_id] = n
    return totals, translated


def status_matrix(stories: list[dict], *, locales: list[Locale], story_keys: QuerySet | None = None) -> list[StoryRow]:
    """One row per story, one cell per locale. Six queries whatever the size.

    `stories` are dicts with id, title, translation_key, locale_id and
    last_published_at (`source_stories().values(*STORY_FIELDS)`). Built for
    2000 stories x 23 locales: plain dict lookups, no query per cell. For
    long lists pass `story_keys`, the stories' translation_keys as a
    queryset, so the database gets subqueries instead of thousands of
    parameters.
    """
    keys = story_keys if story_keys is not None else [story["translation_key"] for story in stories]
    code_of = {locale.pk: locale.language_code for locale in locales}
    sources = {
        (row["object_id"], row["locale_id"]): row
        for row in TranslationSource.objects.filter(object_id__in=keys).values(
            "id", "object_id", "locale_id", "last_updated_at"
        )
    }
    # Nested dicts keyed by story, then locale: UUID keys are hashed once per
    # story, not once per cell.
    source_ids = (
        TranslationSource.objects.filter(object_id__in=keys).values("id")
        if story_keys is not None
        else [source["id"] for source in sources.values()]
    )
    translations: dict[int, dict[int, int]] = defaultdict(dict)
    for pk, source_id, locale_id in Translation.objects.filter(source_id__in=source_ids, enabled=True).values_list(
        "id", "source_id", "target_locale_id"
    ):
        translations[source_id][locale_id] = pk
    targets: dict = defaultdict(dict)
    for pk, key, locale_id, live in Page.objects.filter(translation_key__in=keys, locale_id__in=code_of).values_list(
        "id", "translation_key", "locale_id", "live"
    ):
        targets[key][locale_id] = (pk, live)
    # Few pages are under review at any time: fetch them all, not by id.
    in_review = {
        int(object_id)
        for object_id in WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=ContentType.objects.get_for_model(Page)
        ).values_list("object_id", flat=True)
    }
    totals, translated = _progress(source_ids)
    context = (translations, targets, in_review, totals, translated)
    return [
        StoryRow(
            page_id=story["id"],
            title=story["title"],
            locale_code=code_of.get(story["locale_id"], ""),
            cells=_row_cells(story, sources.get((story["translation_key"], story["locale_id"])), code_of, context),
        )
        for story in stories
    ]


def _row_cells(story: dict, source: dict | None, code_of: dict[int, str], context) -> list[Cell]:
    translations, targets, in_review, totals, translated = context
    key, story_locale = story["translation_key"], story["locale_id"]
    source_id = source["id"] if source else None
    published = story["last_published_at"]
    outdated = bool(source and published and published > source["last_updated_at"])
    total = totals.get(source_id, 0)
    story_targets = targets.get(key, {})
    story_translations = translations.get(source_id, {})
    story_translated = translated.get(source_id, {})
    cells = []
    for locale_id, code in code_of.items():
        if locale_id == story_locale:
            cells.append(Cell(code, Status.SOURCE, None, story["id"]))
            continue
        target = story_targets.get(locale_id)
        page_id = target[0] if target else None
        translation_id = story_translations.get(locale_id)
        if translation_id is None:
            cells.append(Cell(code, Status.NOT_REQUESTED, None, page_id))
        elif outdated:
            cells.append(Cell(code, Status.OUTDATED, None, page_id, translation_id))
        elif page_id in in_review:
            cells.append(Cell(code, Status.AWAITING_REVIEW, None, page_id, translation_id))
        elif target and target[1]:
            cells.append(Cell(code, Status.CURRENT, None, page_id, translation_id))
        else:
            done = story_translated.get(locale_id, 0)
            percent = round(100 * done / total) if total else 100
            cells.append(Cell(code, Status.IN_PROGRESS, percent, page_id, translation_id))
    return cells


STORY_FIELDS = ("id", "title", "translation_key", "locale_id", "last_published_at")
