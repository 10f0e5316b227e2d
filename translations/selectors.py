"""Reads about the state of translations. The public site, the status report
and the API all ask these questions here."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Exists, ExpressionWrapper, F, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from .models import LanguageVersion


@dataclass(frozen=True)
class Freshness:
    source_page: Page | None  # None when up to date and read from the story route's annotations
    outdated: bool


def is_up_to_date(*, up_to_date_with: int | None, source_revision_id: int | None) -> bool:
    """A live translation is up to date when its language caught up with the
    source's current revision (LanguageVersion.source_revision)."""
    return up_to_date_with is not None and up_to_date_with == source_revision_id


def translation_freshness(page: Page) -> Freshness | None:
    """How a translated page stands against its source, for its language.

    None for a source page, or a page not made through wagtail-localize.
    Outdated until this language is published (reviewed) with the source's
    current revision translated (LanguageVersion): a sync, a publish that
    leaves changed text in the source language, or a publish in another
    language changes nothing here. One query: the source page, found through
    this language's translation (the enabled one first), with the source
    revision this language caught up with. None when the story route loaded
    the answer (FRESHNESS_ANNOTATIONS) and the page is up to date or a source.
    """
    if hasattr(page, "translations_source_page"):
        if page.translations_source_page in (None, page.pk):
            return None
        if is_up_to_date(
            up_to_date_with=page.translations_up_to_date_with,
            source_revision_id=page.translations_source_revision,
        ):
            return Freshness(source_page=None, outdated=False)
    translations = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    ).order_by("-enabled", "pk")
    source_page = (
        Page.objects.filter(
            translation_key=page.translation_key,
            locale_id=Subquery(translations.values("source__locale_id")[:1]),
        )
        .annotate(
            odop_up_to_date_with=Subquery(
                translations.filter(source__locale_id=OuterRef("locale_id")).values(
                    "odop_version__source_revision_id"
                )[:1]
            )
        )
        .select_related("locale")
        .first()
    )
    if source_page is None or source_page.pk == page.pk:
        return None
    up_to_date = is_up_to_date(
        up_to_date_with=source_page.odop_up_to_date_with,
        source_revision_id=source_page.live_revision_id or source_page.latest_revision_id,
    )
    return Freshness(source_page=source_page, outdated=not up_to_date)


def _translations_into_story_locale() -> QuerySet:
    # `target_locale_id + 0`: found through the source's (object, locale)
    # index, then its translations' (source, target locale) one. As a plain
    # column SQLite without statistics reads every translation into the
    # story's language instead (83 ms at 20,000 stories, issue 16).
    return (
        Translation.objects.alias(target=ExpressionWrapper(F("target_locale_id") + 0, IntegerField()))
        .filter(source__object_id=OuterRef("translation_key"), target=OuterRef("locale_id"))
        .order_by("-enabled", "pk")
    )


def _source_page() -> QuerySet:
    return Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=OuterRef("translations_source_locale")
    )


# What translation_freshness needs, loaded with the story by its route
# (stories.annotations, registered in apps.py), in this order: the source
# page's locale, pk and current revision, and the revision this language
# caught up with. An up-to-date page and a source page then cost no query.
FRESHNESS_ANNOTATIONS = {
    "translations_source_locale": lambda: Subquery(
        _translations_into_story_locale().values("source__locale_id")[:1]
    ),
    "translations_source_page": lambda: Subquery(_source_page().values("pk")[:1]),
    "translations_source_revision": lambda: Subquery(
        _source_page()
        .annotate(revision=Coalesce("live_revision_id", "latest_revision_id"))
        .values("revision")[:1]
    ),
    "translations_up_to_date_with": lambda: Subquery(
        _translations_into_story_locale()
        .filter(source__locale_id=OuterRef("translations_source_locale"))
        .values("odop_version__source_revision_id")[:1]
    ),
}


# --- The status report: stories x locales -----------------------------------


class Status(models.TextChoices):
    SOURCE = "source", _("Source")
    NOT_REQUESTED = "not_requested", _("Not requested")
    IN_PROGRESS = "in_progress", _("In progress")
    AWAITING_REVIEW = "awaiting_review", _("Awaiting review")
    CURRENT = "current", _("Published and current")
    PARTIAL = "partial", _("Published, partly untranslated")
    OUTDATED = "outdated", _("Outdated")


@dataclass(slots=True)
class Cell:
    locale_code: str
    status: str
    percent: int | None = None  # segments translated, for in-progress cells
    page_id: int | None = None
    translation_id: int | None = None
    # Filled in by the report view (views/matrix.py): what the cell shows and links to.
    symbol: str = ""
    action: str = ""
    action_label: str = ""
    href: str = ""

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


def source_language_taxonomy(model) -> QuerySet:
    """A taxonomy snippet's entries in the default language (filter choices)."""
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


STORY_FIELDS = (
    "id",
    "title",
    "translation_key",
    "locale_id",
    "live",
    "live_revision_id",
    "latest_revision_id",
)


def source_stories(
    *,
    state=None,
    sector=None,
    state_key: str | None = None,
    sector_key: str | None = None,
    search: str = "",
    story_id: int | None = None,
    locale_codes: frozenset[str] | None = None,
) -> QuerySet:
    """Story pages that are not themselves translation targets.

    Taxonomy filters match by translation_key, so a Hindi sector finds the
    English stories too. With `locale_codes` (a translator's languages), only
    the stories requested in one of them: nobody else's drafts and embargoed
    headlines.
    """
    from stories.models import SuccessStoryPage

    is_target = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale=OuterRef("locale")
    )
    # A scalar subquery per story, not NOT EXISTS: PostgreSQL would turn that
    # into an anti-join of every story page with every translation and sort
    # them all (400 ms at 20,000 x 23); tested on the story in hand, the
    # newest first, it stops after a page of sources on both databases.
    stories = SuccessStoryPage.objects.alias(target_of=Subquery(is_target.values("pk")[:1])).filter(
        target_of__isnull=True
    )
    if locale_codes is not None:
        requested = Translation.objects.filter(
            source__object_id=OuterRef("translation_key"), target_locale__language_code__in=locale_codes
        )
        stories = stories.filter(Exists(requested))
    sector_key = sector.translation_key if sector is not None else sector_key
    state_key = state.translation_key if state is not None else state_key
    if sector_key is not None:
        stories = stories.filter(sector__translation_key=sector_key)
    if state_key is not None:
        stories = stories.filter(districts__state__translation_key=state_key).distinct()
    if search:
        stories = stories.filter(title__icontains=search)
    if story_id is not None:
        stories = stories.filter(pk=story_id)
    return stories.order_by("-posted_at", "-pk")


@dataclass(frozen=True)
class ReportQuery:
    """What the status report was asked for, as plain values: the report's
    view builds it from its filters, and the worker that recounts its totals
    (summary_cache) rebuilds the same stories from it."""

    state_key: str | None = None
    sector_key: str | None = None
    search: str = ""
    story_id: int | None = None
    locale_codes: tuple[str, ...] | None = None  # a translator's languages
    status: str = ""

    @classmethod
    def from_dict(cls, values: dict) -> ReportQuery:
        codes = values.get("locale_codes")
        return cls(**{**values, "locale_codes": tuple(codes) if codes is not None else None})


def report_stories(query: ReportQuery, *, locales: list[Locale]) -> QuerySet:
    """The source stories the report lists for `query`, newest first."""
    stories = source_stories(
        state_key=query.state_key,
        sector_key=query.sector_key,
        search=query.search,
        story_id=query.story_id,
        locale_codes=frozenset(query.locale_codes) if query.locale_codes is not None else None,
    )
    if query.status:
        stories = stories_with_status(stories, locales=locales, status=query.status)
    return stories


def report_locales(
    *, codes: list[str], allowed: frozenset[str] | None = None, language: str = ""
) -> list[Locale]:
    """The report's columns: the enabled `codes` in their order, narrowed to
    `allowed` (a translator's languages) and to one `language`. One query."""
    wanted = [
        code for code in codes if (allowed is None or code in allowed) and (not language or code == language)
    ]
    order = {code: index for index, code in enumerate(wanted)}
    return sorted(
        Locale.objects.filter(language_code__in=wanted), key=lambda locale: order[locale.language_code]
    )


def stories_with_status(stories: QuerySet, *, locales: list[Locale], status: str) -> QuerySet:
    """`stories` with at least one cell in `status`: the status is computed,
    so the whole matrix is (four queries: a cell's status does not need its
    segment counts), then the stories are filtered by id."""
    rows = status_matrix(
        list(stories.values(*STORY_FIELDS)),
        locales=locales,
        story_keys=stories.values("translation_key"),
        with_progress=False,
    )
    return stories.filter(
        pk__in=[row.page_id for row in rows if any(cell.status == status for cell in row.cells)]
    )


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
        # Joined through the segment's context (a few translations each), not
        # its string: a common string ("ODOP") has translations in every story.
        StringSegment.objects.filter(
            source_id__in=source_ids,
            context__translations__translation_of_id=F("string_id"),
            context__translations__has_error=False,
        )
        .values("source_id", "context__translations__locale_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "context__translations__locale_id", "n")
    ):
        translated[source_id][locale_id] = n
    return totals, translated


@dataclass(frozen=True)
class _Facts:
    """What the cells are computed from, keyed by story (or source), then locale."""

    translations: dict  # source id -> locale id -> (translation id, up-to-date-with revision id, complete)
    targets: dict  # translation key -> locale id -> (page id, live)
    in_review: set[int]
    totals: dict[int, int]
    translated: dict[int, dict[int, int]]
    progress: bool = True  # False: totals and translated were not read, cells carry no percent


def status_matrix(
    stories: list[dict],
    *,
    locales: list[Locale],
    story_keys: QuerySet | None = None,
    with_progress: bool = True,
) -> list[StoryRow]:
    """One row per story, one cell per locale. Six queries whatever the size
    (four `with_progress=False`: no segment percentages, the statuses alone).

    `stories` are dicts of STORY_FIELDS (`source_stories().values(*STORY_FIELDS)`).
    Built for 2000 stories x 23 locales: plain dict lookups, no query per
    cell. For long lists pass `story_keys`, the stories' translation_keys as a
    queryset, so the database gets subqueries instead of thousands of
    parameters.
    """
    keys = story_keys if story_keys is not None else [story["translation_key"] for story in stories]
    code_of = {locale.pk: locale.language_code for locale in locales}
    sources = {
        (row["object_id"], row["locale_id"]): row
        for row in TranslationSource.objects.filter(object_id__in=keys).values(
            "id", "object_id", "locale_id", "odop_sync__revision_id"
        )
    }
    # Nested dicts keyed by story, then locale: UUID keys are hashed once per
    # story, not once per cell.
    source_ids = (
        TranslationSource.objects.filter(object_id__in=keys).values("id")
        if story_keys is not None
        else [source["id"] for source in sources.values()]
    )
    translations: dict[int, dict[int, tuple]] = defaultdict(dict)
    for pk, source_id, locale_id, made_from, complete in Translation.objects.filter(
        source_id__in=source_ids, enabled=True
    ).values_list(
        "id", "source_id", "target_locale_id", "odop_version__source_revision_id", "odop_version__complete"
    ):
        translations[source_id][locale_id] = (pk, made_from, bool(complete))
    targets: dict = defaultdict(dict)
    for pk, key, locale_id, live in Page.objects.filter(
        translation_key__in=keys, locale_id__in=code_of
    ).values_list("id", "translation_key", "locale_id", "live"):
        targets[key][locale_id] = (pk, live)
    # Few pages are under review at any time: fetch them all, not by id.
    in_review = {
        int(object_id)
        for object_id in WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=ContentType.objects.get_for_model(Page)
        ).values_list("object_id", flat=True)
    }
    totals, translated = _progress(source_ids) if with_progress else ({}, {})
    facts = _Facts(translations, targets, in_review, totals, translated, with_progress)
    return [
        StoryRow(
            page_id=story["id"],
            title=story["title"],
            locale_code=code_of.get(story["locale_id"], ""),
            cells=_row_cells(
                story, sources.get((story["translation_key"], story["locale_id"])), code_of, facts
            ),
        )
        for story in stories
    ]


def _percent(done: int, total: int) -> int:
    return round(100 * done / total) if total else 100


def _row_cells(story: dict, source: dict | None, code_of: dict[int, str], facts: _Facts) -> list[Cell]:
    """A live translation is outdated (its language did not catch up with the
    source's live revision), partial (up to date, some segments untranslated)
    or current; a draft is awaiting review, outdated (extracted from an older
    source revision) or in progress."""
    source_id = source["id"] if source else None
    source_revision = story["live_revision_id"] if story["live"] else story["latest_revision_id"]
    draft_outdated = bool(source and source["odop_sync__revision_id"] != source_revision)
    total = facts.totals.get(source_id, 0)
    story_targets = facts.targets.get(story["translation_key"], {})
    story_translations = facts.translations.get(source_id, {})
    story_translated = facts.translated.get(source_id, {})
    cells = []
    for locale_id, code in code_of.items():
        if locale_id == story["locale_id"]:
            cells.append(Cell(code, Status.SOURCE, None, story["id"]))
            continue
        target = story_targets.get(locale_id)
        page_id = target[0] if target else None
        if locale_id not in story_translations:
            cells.append(Cell(code, Status.NOT_REQUESTED, None, page_id))
            continue
        translation_id, made_from, complete = story_translations[locale_id]
        if target and target[1]:
            if not is_up_to_date(up_to_date_with=made_from, source_revision_id=source_revision):
                cells.append(Cell(code, Status.OUTDATED, None, page_id, translation_id))
            elif complete:
                cells.append(Cell(code, Status.CURRENT, None, page_id, translation_id))
            else:
                percent = _percent(story_translated.get(locale_id, 0), total) if facts.progress else None
                cells.append(Cell(code, Status.PARTIAL, percent, page_id, translation_id))
        elif page_id in facts.in_review:
            cells.append(Cell(code, Status.AWAITING_REVIEW, None, page_id, translation_id))
        elif draft_outdated:
            cells.append(Cell(code, Status.OUTDATED, None, page_id, translation_id))
        else:
            percent = _percent(story_translated.get(locale_id, 0), total) if facts.progress else None
            cells.append(Cell(code, Status.IN_PROGRESS, percent, page_id, translation_id))
    return cells


EXPORT_CHUNK = 500  # stories per status_matrix call while an export is written


def iter_status_matrix(
    stories: Iterable[dict], *, locales: list[Locale], chunk: int | None = None
) -> Iterator[StoryRow]:
    """status_matrix over `stories` (dicts of STORY_FIELDS), `chunk` stories
    at a time, for the export: a streamed file's rows are made as it is
    written, and only one chunk's rows and facts are in memory. Six queries
    per chunk, each with `chunk` keys at most."""
    chunk = chunk or EXPORT_CHUNK
    batch: list[dict] = []
    for story in stories:
        batch.append(story)
        if len(batch) >= chunk:
            yield from status_matrix(batch, locales=locales)
            batch = []
    if batch:
        yield from status_matrix(batch, locales=locales)


@dataclass(frozen=True)
class Summary:
    """The report's totals over every filtered story, not one page."""

    total: int  # stories
    done: dict[int, int]  # locale id -> stories published and up to date in it
    # Set when these are the last totals counted, shown while the worker
    # counts them again after a change (summary_cache).
    counted_at: datetime.datetime | None = None


def status_summary(stories: QuerySet, *, locales: list[Locale]) -> Summary:
    """How many `stories` there are, and per locale how many are published
    and up to date in it (the cells Published and current, or partly
    untranslated; a story counts in its own language). Two aggregate queries
    (GROUP BY locale), whatever the number of stories: the total is the sum
    of the stories per source language, so the paginator needs no COUNT."""
    stories = stories.order_by()
    per_language = dict(
        stories.values("locale_id").annotate(n=Count("id", distinct=True)).values_list("locale_id", "n")
    )
    wanted = {locale.pk for locale in locales}  # filtered here: in SQL it would lead the plan
    done = {locale_id: n for locale_id, n in per_language.items() if locale_id in wanted}
    # Up to date = made from the source's live revision; revisions belong to one
    # page, so "one of these stories' live revisions" says both (indexed lookups).
    target_live = Page.objects.filter(
        translation_key=OuterRef("translation__source__object_id"),
        locale_id=OuterRef("translation__target_locale_id"),
        live=True,
    )
    current = (
        LanguageVersion.objects.filter(
            source_revision_id__in=stories.filter(live=True).values("live_revision_id"),
            translation__enabled=True,
        )
        .filter(Exists(target_live))
        .values("translation__target_locale_id")
        .annotate(n=Count("id"))
        .values_list("translation__target_locale_id", "n")
    )
    for locale_id, n in current:
        if locale_id in wanted:
            done[locale_id] = done.get(locale_id, 0) + n
    return Summary(total=sum(per_language.values()), done=done)


def language_completion(stories: QuerySet, *, locales: list[Locale]) -> dict[int, int]:
    """Per locale id, how many of `stories` are published and up to date in it
    (status_summary's `done`)."""
    return status_summary(stories, locales=locales).done


def pages_in_languages(pages: QuerySet, *, codes: frozenset[str]) -> QuerySet:
    """`pages` narrowed to `codes` (a translator's languages). Filters on the
    locale ids (one query), which Wagtail's search backends can also apply."""
    locale_ids = list(Locale.objects.filter(language_code__in=codes).values_list("pk", flat=True))
    return pages.filter(locale_id__in=locale_ids)
