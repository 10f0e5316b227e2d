"""Benchmarks for the translation workflow (`python manage.py bench`).

1. submit: one story to every other enabled locale (22 with all 23 enabled),
   timing `submit_for_translation`, the body of the background task.
2. status: the stories x locales matrix for every live source story and all
   enabled locales (what the CSV export computes, chunk by chunk), its query
   count, the admin report page (100 stories a page) through the full WSGI
   stack with its totals cached, after a change (the last totals while the
   worker counts again, when counting is slow) and counted in the request,
   the worker's recount, the CSV download, and `target`: the page against
   REPORT_PAGE_TARGET_MS (`meets_target`).

The shared bench dataset has 4 locales; `ensure_requests` tops it up to all
enabled locales cheaply (Locale rows, Translation rows and half of each
story's segments translated, with bulk inserts) so the matrix is N x 23.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from . import summary_cache
from .selectors import STORY_FIELDS, ReportQuery, iter_status_matrix, report_locales, source_stories
from .services.roles import enabled_codes
from .services.submission import submit_for_translation
from .views.report import locales_for


def ensure_locales() -> list[Locale]:
    for code in enabled_codes():
        Locale.objects.get_or_create(language_code=code)
    return report_locales(codes=enabled_codes())


@transaction.atomic
def ensure_requests(stories, locales: list[Locale], log=print) -> None:
    """Every story requested in every locale; half the segments translated.

    `stories` is a queryset of source stories. The rows are made in the
    database (INSERT ... SELECT): at 20,000 stories x 23 locales that is
    440,000 Translation rows and millions of StringTranslation rows.
    """
    started = time.perf_counter()
    has_source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    )
    for story in stories.filter(~Exists(has_source)).specific():  # none in the bench dataset
        TranslationSource.get_or_create_from_instance(story)
    sources_sql, sources_params = (
        TranslationSource.objects.filter(object_id__in=stories.values("translation_key"))
        .values("id")
        .query.sql_with_params()
    )
    last_before = Translation.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    now = timezone.now()
    translation = connection.ops.quote_name(Translation._meta.db_table)
    source = connection.ops.quote_name(TranslationSource._meta.db_table)
    locale_table = connection.ops.quote_name(Locale._meta.db_table)
    new_uuid = "gen_random_uuid()" if connection.vendor == "postgresql" else "lower(hex(randomblob(16)))"
    locale_ids = [locale.pk for locale in locales]
    marks = ", ".join(["%s"] * len(locale_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {translation} (uuid, source_id, target_locale_id, created_at, enabled) "  # noqa: S608
            f"SELECT {new_uuid}, s.id, l.id, %s, %s FROM {source} s, {locale_table} l "
            f"WHERE s.id IN ({sources_sql}) AND l.id IN ({marks}) AND l.id <> s.locale_id "
            f"AND NOT EXISTS (SELECT 1 FROM {translation} t WHERE t.source_id = s.id "
            "AND t.target_locale_id = l.id)",
            [now, True, *sources_params, *locale_ids],
        )
        added = cursor.rowcount
        segment = connection.ops.quote_name(StringSegment._meta.db_table)
        string_translation = connection.ops.quote_name(StringTranslation._meta.db_table)
        cursor.execute(
            f"INSERT INTO {string_translation} (translation_of_id, context_id, locale_id, data, "  # noqa: S608
            "translation_type, tool_name, created_at, updated_at, has_error, field_error) "
            f"SELECT g.string_id, g.context_id, t.target_locale_id, %s, %s, '', %s, %s, %s, '' "
            f"FROM {segment} g JOIN {translation} t ON t.source_id = g.source_id "
            f'WHERE t.id > %s AND g."order" %% 2 = 0 '
            "ON CONFLICT DO NOTHING",
            ["…", StringTranslation.TRANSLATION_TYPE_MANUAL, now, now, False, last_before],
        )
        strings = cursor.rowcount
    log(
        f"translations.bench: {added} translation requests and {strings} segment translations added "
        f"in {time.perf_counter() - started:.1f}s"
    )


def _fresh_story(stories):
    """A story not yet submitted anywhere, so the benchmark does the full work
    (a copy of the first story when every story has been requested)."""
    requested = set(
        Translation.objects.filter(
            source__object_id__in=[story.translation_key for story in stories]
        ).values_list("source__object_id", flat=True)
    )
    fresh = next((story for story in stories if story.translation_key not in requested), None)
    if fresh is None and stories:
        suffix = str(int(time.time() * 1000))
        fresh = (
            stories[0]
            .copy(
                update_attrs={
                    "slug": f"bench-submit-{suffix}",
                    "title": f"{stories[0].title} ({suffix})",
                    "release_id": None,
                },
                reset_translation_key=True,
                log_action=None,
            )
            .specific
        )
    return fresh


def bench_submit(ctx, stories) -> dict:
    locales = list(enabled_codes())
    results = {}
    for label in ("first", "second"):
        story = _fresh_story(stories)
        if story is None:
            results[label] = {"skipped": "every story is already requested"}
            continue
        started = time.perf_counter()
        submit_for_translation(instances=[story], locale_codes=locales, user=None)
        elapsed = time.perf_counter() - started
        results[label] = {"story": story.pk, "locales": len(locales) - 1, "wall_s": round(elapsed, 2)}
        ctx.log(
            f"translations.bench: submitted story {story.pk} to {len(locales) - 1} locales in {elapsed:.2f}s"
        )
    return results


REPORT_PAGE_TARGET_MS = 300  # issue 16: the on-screen report at 20,000 stories x 23 languages


def bench_status(ctx, locales) -> dict:
    """The report page (100 rows and the completion row) with its totals from
    the cache and counted afresh, the whole matrix as the export makes it
    (chunk by chunk) and the CSV download, all rows."""
    queryset = source_stories().live()
    stories = list(queryset.values(*STORY_FIELDS))
    with CaptureQueriesContext(connection) as queries:
        rows = sum(1 for _ in iter_status_matrix(stories, locales=locales))
    result = {
        "stories": rows,
        "locales": len(locales),
        "cells": rows * len(locales),
        "full_matrix": ctx.measure(
            lambda: sum(1 for _ in iter_status_matrix(stories, locales=locales)), repeat=3, warmup=0
        ),
        "full_matrix_queries": len(queries),
    }
    admin = get_user_model().objects.filter(
        is_superuser=True
    ).first() or get_user_model().objects.create_superuser("bench-admin", "bench@example.org", None)
    client = Client(HTTP_HOST="localhost")
    client.force_login(admin)
    path = "/admin/translations/status/"
    if client.get(path).status_code != 200:
        raise RuntimeError(f"GET {path} did not answer 200")
    result["report_page_100_rows"] = ctx.measure(lambda: client.get(path), repeat=20, warmup=1)

    query = ReportQuery()
    locale_ids = [locale.pk for locale in locales_for(admin)]
    key = summary_cache.entry_key(query, locale_ids)
    cache = summary_cache.shared_cache()

    def after_a_change():
        # What the first request after any change pays: the last totals, and
        # a recount asked of the worker when counting them is slow.
        summary_cache.forget()
        cache.delete(key + ":recount")
        return client.get(path)

    def counted_in_the_request():
        summary_cache.forget()
        cache.delete(key)  # never counted: the request counts
        return client.get(path)

    result["report_page_100_rows_after_a_change"] = ctx.measure(after_a_change, repeat=10, warmup=1)
    result["report_page_100_rows_totals_counted"] = ctx.measure(counted_in_the_request, repeat=10, warmup=1)
    result["totals_recount_in_worker"] = ctx.measure(
        lambda: summary_cache.recount(query={}, locale_ids=locale_ids), repeat=5, warmup=0
    )
    result["csv_all_rows"] = ctx.measure(
        lambda: b"".join(client.get(path, {"export": "csv"}).streaming_content), repeat=3, warmup=0
    )
    page, changed = result["report_page_100_rows"], result["report_page_100_rows_after_a_change"]
    # On SQLite judged on the CPU median, as README "Performance" states the
    # target (it includes SQLite's work; on a shared machine the wall clock
    # mostly measures the other processes). PostgreSQL works in another
    # process, so there only the wall clock counts it. Both are kept.
    judged_on = "cpu" if connection.vendor == "sqlite" else "wall"

    def median(summary):
        return summary["cpu"]["median_ms"] if judged_on == "cpu" else summary["median_ms"]

    result["target"] = {
        "report_page_ms": REPORT_PAGE_TARGET_MS,
        "stories": rows,
        "locales": len(locales),
        "judged_on": judged_on,
        "median_ms": median(page),
        "meets_target": median(page) <= REPORT_PAGE_TARGET_MS,
        "cpu_median_ms": page["cpu"]["median_ms"],
        "wall_median_ms": page["median_ms"],
        "after_a_change_median_ms": median(changed),
        "after_a_change_meets_target": median(changed) <= REPORT_PAGE_TARGET_MS,
    }
    return result


def run(ctx) -> dict:
    locales = ensure_locales()
    # The first few stories are enough to find one not yet requested: loading
    # 20,000 specific pages would take longer than the measurements.
    stories = list(source_stories().live().specific()[:50])
    submit = bench_submit(ctx, stories)
    # The dataset's stories are written in English; its other pages share their
    # translation_key and become the translations' targets (not sources).
    english = source_stories().live().filter(locale__language_code=settings.LANGUAGE_CODE)
    ensure_requests(english, locales, log=ctx.log)
    ctx.log(f"translations.bench: planner statistics refreshed in {ctx.refresh_statistics():.1f}s")
    summary_cache.forget()  # rows added in SQL send no signal
    return {"submit_one_story": submit, "status_report": bench_status(ctx, locales)}
