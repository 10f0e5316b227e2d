"""Benchmarks for the translation workflow (`python manage.py bench`).

1. submit: one story to every other enabled locale (22 with all 23 enabled),
   timing `submit_for_translation`, the body of the background task.
2. status: the stories x locales matrix for every live source story and all
   enabled locales (what the CSV export computes), its query count, and the
   admin report page (100 stories a page) through the full WSGI stack.

The shared bench dataset has 4 locales; `ensure_requests` tops it up to all
enabled locales cheaply (Locale rows, Translation rows and half of each
story's segments translated, with bulk inserts) so the matrix is 2000 x 23.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationSource,
)

from .selectors import STORY_FIELDS, report_locales, source_stories, status_matrix
from .services.roles import enabled_codes
from .services.submission import submit_for_translation


def ensure_locales() -> list[Locale]:
    for code in enabled_codes():
        Locale.objects.get_or_create(language_code=code)
    return report_locales(codes=enabled_codes())


@transaction.atomic
def ensure_requests(stories, locales: list[Locale], log=print) -> None:
    """Every story requested in every locale; half the segments translated."""
    started = time.perf_counter()
    have = set(TranslationSource.objects.values_list("object_id", "locale_id"))
    _copy_sources([story for story in stories if (story.translation_key, story.locale_id) not in have])
    sources = list(TranslationSource.objects.filter(object_id__in=[s.translation_key for s in stories]))
    existing = set(Translation.objects.values_list("source_id", "target_locale_id"))
    new = [
        Translation(source=source, target_locale=locale)
        for source in sources
        for locale in locales
        if locale.pk != source.locale_id and (source.pk, locale.pk) not in existing
    ]
    Translation.objects.bulk_create(new, batch_size=2000)
    segments: dict[int, list[tuple[int, int, int]]] = {}
    for source_id, string_id, context_id, order in StringSegment.objects.filter(
        source__in=sources
    ).values_list("source_id", "string_id", "context_id", "order"):
        segments.setdefault(source_id, []).append((string_id, context_id, order))
    rows = [
        StringTranslation(
            translation_of_id=string_id,
            context_id=context_id,
            locale_id=translation.target_locale_id,
            data="…",
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
        for translation in new
        for string_id, context_id, order in segments.get(translation.source_id, [])
        if order % 2 == 0
    ]
    StringTranslation.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    log(f"translations.bench: {len(new)} translation requests added in {time.perf_counter() - started:.1f}s")


def _copy_sources(stories) -> None:
    """A TranslationSource per story, in bulk: the first is extracted by
    wagtail-localize, the others copy its segments (same strings and paths,
    each story's own contexts). The matrix reads only rows and counts, so
    this is what 20,000 real extractions would give it, in seconds."""
    if not stories:
        return
    template, _created = TranslationSource.get_or_create_from_instance(stories[0])
    contexts = list(TranslationContext.objects.filter(object_id=template.object_id))
    segments = list(StringSegment.objects.filter(source=template).select_related("context"))
    now = timezone.now()
    rest = stories[1:]
    TranslatableObject.objects.bulk_create(
        [
            TranslatableObject(
                translation_key=s.translation_key, content_type_id=template.object.content_type_id
            )
            for s in rest
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )
    TranslationSource.objects.bulk_create(
        [
            TranslationSource(
                object_id=s.translation_key,
                specific_content_type_id=template.specific_content_type_id,
                locale_id=s.locale_id,
                object_repr=s.title[:200],
                content_json=template.content_json,
                schema_version=template.schema_version,
                created_at=now,
                last_updated_at=now,
            )
            for s in rest
        ],
        batch_size=2000,
    )
    TranslationContext.objects.bulk_create(
        [
            TranslationContext(
                object_id=s.translation_key, path_id=c.path_id, path=c.path, field_path=c.field_path
            )
            for s in rest
            for c in contexts
        ],
        ignore_conflicts=True,
        batch_size=5000,
    )
    context_ids = {
        (key, path_id): pk
        for pk, key, path_id in TranslationContext.objects.filter(
            object_id__in=[s.translation_key for s in rest]
        ).values_list("id", "object_id", "path_id")
    }
    source_ids = {
        key: pk
        for pk, key in TranslationSource.objects.filter(
            object_id__in=[s.translation_key for s in rest]
        ).values_list("id", "object_id")
    }
    StringSegment.objects.bulk_create(
        [
            StringSegment(
                source_id=source_ids[s.translation_key],
                context_id=context_ids[(s.translation_key, seg.context.path_id)],
                string_id=seg.string_id,
                order=seg.order,
                attrs=seg.attrs,
            )
            for s in rest
            for seg in segments
        ],
        batch_size=5000,
    )


def _fresh_story(stories):
    """A story not yet submitted anywhere, so the benchmark does the full work
    (a copy of the first story when every story has been requested)."""
    requested = set(Translation.objects.values_list("source__object_id", flat=True))
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


def bench_status(ctx, locales) -> dict:
    queryset = source_stories().live()
    stories = list(queryset.values(*STORY_FIELDS))
    keys = queryset.values("translation_key")
    with CaptureQueriesContext(connection) as queries:
        rows = status_matrix(stories, locales=locales, story_keys=keys)
    result = {
        "stories": len(rows),
        "locales": len(locales),
        "cells": sum(len(row.cells) for row in rows),
        "full_matrix": ctx.measure(
            lambda: status_matrix(stories, locales=locales, story_keys=keys), repeat=10, warmup=1
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
    result["report_page_100_rows"] = ctx.measure(lambda: client.get(path), repeat=10, warmup=1)
    result["csv_all_rows"] = ctx.measure(
        lambda: b"".join(client.get(path, {"export": "csv"}).streaming_content), repeat=3, warmup=1
    )
    return result


def run(ctx) -> dict:
    locales = ensure_locales()
    stories = list(source_stories().live().specific())
    submit = bench_submit(ctx, stories)
    # The dataset's stories are written in English; its other pages share their
    # translation_key and become the translations' targets (not sources).
    english = source_stories().live().filter(locale__language_code=settings.LANGUAGE_CODE)
    ensure_requests(list(english.specific()), locales, log=ctx.log)
    return {"submit_one_story": submit, "status_report": bench_status(ctx, locales)}
