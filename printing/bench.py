"""Print benchmarks for `manage.py bench`.

- news box and A4 release render time, warm (same process, repeated) and
  cold (first render in a fresh process: WeasyPrint import, fontconfig, fonts);
- wall time to render all 23 languages of one story (three PDFs each, as the
  worker does) with 2 worker processes;
- latency of downloading a stored PDF through Django (URL routing included);
- peak resident memory of a worker process (ru_maxrss).

Works on whatever live stories exist. Missing translations for the 23-language
run are made on the fly (copies of the story with the language's native name
in the headline, published without queueing PDFs) and deleted afterwards.
"""

from __future__ import annotations

import multiprocessing
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from django.db import connections

# Renders one story whatever the number of stories: `manage.py bench` runs it
# at the first size only.
SIZE_INDEPENDENT = True
TARGETS = {"newsbox_median_s": 0.4, "all_languages_s": 10.0, "download_p95_ms": 20.0, "worker_peak_mb": 400.0}


def run(ctx) -> dict:
    from stories.models import SuccessStoryPage

    from .services.generation import generate_story_pdfs
    from .services.render import render_newsbox, render_release

    story = _pick_story(SuccessStoryPage)
    if story is None:
        return {"skipped": "no live success story to render"}
    repeat = max(3, min(ctx.repeat, 20))
    samples = _sample_stories(SuccessStoryPage, ctx.locales, limit=8)
    ctx.log(f"printing: warm renders over {len(samples)} story pages, {repeat} each")
    result = {
        "newsbox_warm": _seconds(
            ctx.summarize(_timed_cycle(lambda s: render_newsbox(story=s), samples, repeat))
        ),
        "release_warm": _seconds(
            ctx.summarize(_timed_cycle(lambda s: render_release(story=s), samples, repeat))
        ),
    }
    shared_db = not _in_memory_database()
    if not shared_db:
        result["note"] = (
            "in-memory SQLite: cold renders and the 2-worker run need a database other processes see"
        )
    cold_runs = int(ctx.extra.get("printing_cold_runs", 5)) if shared_db else 0
    if cold_runs:
        ctx.log(f"printing: {cold_runs} cold renders per format in fresh processes")
        result["newsbox_cold"] = _seconds(ctx.summarize(_cold(story.pk, "newsbox", cold_runs)))
        result["release_cold"] = _seconds(ctx.summarize(_cold(story.pk, "release", cold_runs)))
    _ensure_live_revision(story)
    generate_story_pdfs(page_id=story.pk)
    story.refresh_from_db()
    result["download_stored_pdf"] = ctx.measure_get(f"{story.url}pdf/newsbox/", repeat=max(ctx.repeat, 50))
    if shared_db and ctx.extra.get("printing_all_languages", True):
        ctx.log("printing: all 23 languages of one story with 2 workers")
        result["all_languages_2_workers"] = _all_languages(ctx, story)
    result["targets"] = TARGETS
    result["meets_targets"] = _verdict(result)
    return result


def _in_memory_database() -> bool:
    connection = connections["default"]
    return connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
        connection.settings_dict["NAME"]
    )


def _pick_story(model):
    from .selectors import stories_to_render

    return stories_to_render(locale="en").filter(hero_image__isnull=False).first() or (
        stories_to_render().first()
    )


def _sample_stories(model, locales, *, limit: int) -> list:
    from .selectors import stories_to_render

    picked = []
    for code in locales or ["en"]:
        picked += list(stories_to_render(locale=code)[: max(1, limit // max(1, len(locales or [1])))])
    return picked or list(stories_to_render()[:limit])


def _timed_cycle(render, stories: list, repeat: int) -> list[float]:
    render(stories[0])  # warm-up: imports, fonts, photo cache
    samples = []
    for index in range(repeat):
        started = time.perf_counter()
        render(stories[index % len(stories)])
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _seconds(summary: dict) -> dict:
    """A summary of milliseconds (ctx.summarize) in seconds."""
    return {
        "n": summary["n"],
        "median_s": round(summary["median_ms"] / 1000, 3),
        "p95_s": round(summary["p95_ms"] / 1000, 3),
        "max_s": round(summary["max_ms"] / 1000, 3),
    }


# Where the parent keeps media, private files (the PDFs) and the photo cache.
FILE_SETTINGS = ("MEDIA_ROOT", "STORAGES", "PRINT_PHOTO_CACHE_DIR")


def _child_init(db_name: str, file_settings: dict, warm: bool = False) -> None:
    """Set up Django in a spawned worker on the parent's database and file
    folders (the bench command switches them in-process, which a child does
    not inherit)."""
    import django

    django.setup()
    from django.db import connections as child_connections
    from django.test import override_settings

    child_connections["default"].settings_dict["NAME"] = db_name
    override_settings(**file_settings).enable()
    if warm:
        _warm_fonts()


def _parent_state() -> tuple[str, dict]:
    from django.conf import settings

    return connections["default"].settings_dict["NAME"], {
        name: getattr(settings, name) for name in FILE_SETTINGS
    }


def _cold_render(page_id: int, kind: str) -> float:
    """In a fresh (spawned) process: time the first render of one PDF."""
    from stories.models import SuccessStoryPage

    from .services.render import render_newsbox, render_release

    story = SuccessStoryPage.objects.select_related("locale").get(pk=page_id)
    started = time.perf_counter()
    (render_newsbox if kind == "newsbox" else render_release)(story=story)
    return (time.perf_counter() - started) * 1000


def _cold(page_id: int, kind: str, runs: int) -> list[float]:
    state = _parent_state()
    connections.close_all()
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=2, mp_context=spawn, max_tasks_per_child=1, initializer=_child_init, initargs=state
    ) as pool:
        return list(pool.map(_cold_render, [page_id] * runs, [kind] * runs))


def _render_language(page_id: int) -> dict:
    """Worker: all three PDFs of one page, as the db_worker task does."""
    from .services.generation import generate_story_pdfs

    started = time.perf_counter()
    rows = generate_story_pdfs(page_id=page_id, force=True)
    return {
        "seconds": time.perf_counter() - started,
        "failed": [f"{row.locale} {row.format}: {row.error}" for row in rows if row.status == "failed"],
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _warm_fonts() -> None:
    """A long-running db_worker has WeasyPrint imported and every script's
    font loaded after its first tasks; start the clock from that state."""
    from languages import registry

    from .services import render

    spans = "".join(
        f'<p lang="{language.bcp47}" style="font-family: \'{language.font_family}\'">{language.native_name}</p>'
        for language in registry.LANGUAGES
    )
    render._weasy_html(f"<html><body>{spans}</body></html>").write_pdf(font_config=render._font_config())


def _all_languages(ctx, story) -> dict:
    with _translations_of(story) as page_ids:
        state = _parent_state()
        connections.close_all()
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=2, mp_context=spawn, initializer=_child_init, initargs=(*state, True)
        ) as pool:
            list(pool.map(_noop, range(2)))  # both workers up and warm
            started = time.perf_counter()
            results = list(pool.map(_render_language, page_ids))
            wall = time.perf_counter() - started
    return {
        "languages": len(page_ids),
        "pdfs": 3 * len(page_ids),
        "wall_s": round(wall, 2),
        "per_language_median_s": _seconds(ctx.summarize([r["seconds"] * 1000 for r in results]))["median_s"],
        "worker_peak_mb": round(max(r["peak_mb"] for r in results), 1),
        "failed": [f for r in results for f in r["failed"]],
    }


def _noop(_):
    return None


@contextmanager
def _no_pdf_queueing():
    from wagtail.signals import page_published

    from stories.models import SuccessStoryPage

    from .signals import queue_pdfs_on_publish

    page_published.disconnect(queue_pdfs_on_publish, sender=SuccessStoryPage)
    try:
        yield
    finally:
        page_published.connect(queue_pdfs_on_publish, sender=SuccessStoryPage)


def _ensure_live_revision(page) -> None:
    """Bulk-built bench stories have no revisions; PDFs are keyed by one."""
    if page.live_revision_id is None:
        with _no_pdf_queueing():
            page.save_revision().publish()
        page.refresh_from_db()


@contextmanager
def _translations_of(story):
    """Page ids of the story in all 23 languages, making missing ones."""
    from wagtail.models import Locale

    from languages import registry
    from stories.models import SuccessStoryPage

    existing = {}
    # Other suites (translations) may have left draft translations: publish those.
    for page in SuccessStoryPage.objects.filter(translation_key=story.translation_key).select_related(
        "locale"
    ):
        if not page.live:
            with _no_pdf_queueing():
                page.save_revision().publish()
        _ensure_live_revision(page)
        existing[page.locale.language_code] = page.pk
    made = []
    with _no_pdf_queueing():
        for language in registry.LANGUAGES:
            if language.code in existing:
                continue
            locale, _ = Locale.objects.get_or_create(language_code=language.code)
            copy = story.copy_for_translation(locale, copy_parents=True)
            copy.title = f"{language.native_name}: {story.title}"[:255]
            copy.save_revision().publish()
            existing[language.code] = copy.pk
            made.append(copy)
    try:
        yield [existing[language.code] for language in registry.LANGUAGES if language.code in existing]
    finally:
        for page in made:
            page.delete()


def _verdict(result: dict) -> dict:
    verdict = {"newsbox_median": result["newsbox_warm"]["median_s"] <= TARGETS["newsbox_median_s"]}
    verdict["download_p95"] = result["download_stored_pdf"]["p95_ms"] <= TARGETS["download_p95_ms"]
    languages = result.get("all_languages_2_workers")
    if languages:
        verdict["all_languages"] = languages["wall_s"] <= TARGETS["all_languages_s"]
        verdict["worker_peak"] = languages["worker_peak_mb"] <= TARGETS["worker_peak_mb"]
    return verdict
