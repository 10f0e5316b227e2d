import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from benchmarks import dataset
from benchmarks.harness import BenchContext, summarize
from benchmarks.services import discover_suites, growth, run_suites, throwaway_database
from stories.models import SuccessStoryPage
from syndication.models import FeedPosition
from syndication.selectors import FeedPositionDrift, feed_position_drift
from translations.selectors import translation_freshness


def test_summary_gives_median_and_p95():
    summary = summarize([float(n) for n in range(1, 101)])
    assert summary["median_ms"] == 50.5
    assert summary["p95_ms"] == 95.0
    assert summary["n"] == 100


@pytest.mark.django_db
def test_a_slow_measurement_stops_on_its_time_budget_with_ten_samples():
    import time

    from benchmarks.harness import MIN_SAMPLES

    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.02)

    ctx = BenchContext(stories=1, locales=["en"], repeat=50, budget_s=0.05, log=lambda _: None)
    assert ctx.measure(slow, warmup=0)["n"] == MIN_SAMPLES == len(calls)
    unbounded = BenchContext(stories=1, locales=["en"], repeat=12, log=lambda _: None)
    assert unbounded.measure(slow, warmup=0)["n"] == 12


@pytest.mark.django_db
def test_in_memory_sqlite_is_refused_with_a_clear_message():
    if connection.vendor != "sqlite" or not connection.creation.is_in_memory_db(
        connection.settings_dict["NAME"]
    ):
        pytest.skip("only meaningful on the in-memory SQLite test database")
    with pytest.raises(RuntimeError, match="in-memory SQLite"), throwaway_database(log=lambda _: None):
        pass


def test_every_installed_bench_module_is_found_with_stories_first():
    suites = discover_suites()
    labels = [label for label, _run in suites]
    assert labels[0] == "stories"
    assert all(callable(run) or isinstance(run, Exception) for _label, run in suites)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [("--stories", "many", "whole numbers"), ("--stories", "0", "positive"), ("--locales", "en,xx", "xx")],
)
def test_bad_options_are_refused_with_a_message_naming_them(option, value, message):
    with pytest.raises(CommandError, match=message):
        call_command("bench", option, value)


@pytest.mark.django_db(transaction=True)
def test_dataset_makes_real_translations_and_grows_without_duplicates(client):
    dataset.build(stories=3, locales=["en", "hi", "ur"], log=lambda _: None)
    built = dataset.build(stories=5, locales=["en", "hi", "ur"], log=lambda _: None)

    assert built["story_pages"] == 15
    # A valid treebeard tree: paths, depths and numchild all consistent.
    assert all(not problem for problem in Page.find_problems())
    # Inserted without a save: the partner feed still has every story in its place.
    assert feed_position_drift() == FeedPositionDrift(unplaced=0, stray=0)
    assert FeedPosition.objects.count() == 15
    english = SuccessStoryPage.objects.filter(locale__language_code="en")
    assert english.count() == 5
    for story in english:
        translations = {page.locale.language_code: page for page in story.get_translations()}
        assert set(translations) == {"hi", "ur"}
        assert translations["hi"].specific.release_id == story.release_id
        # Linked as wagtail-localize links them: one source, one enabled
        # Translation per language, whose target is the translated page.
        source = TranslationSource.objects.get(object_id=story.translation_key, locale=story.locale)
        assert source.get_source_instance().pk == story.pk
        assert source.odop_sync.revision_id == story.live_revision_id is not None
        for page in translations.values():
            translation = Translation.objects.get(source=source, target_locale=page.locale, enabled=True)
            assert translation.get_target_instance().pk == page.pk
            freshness = translation_freshness(page)
            assert freshness.source_page.pk == story.pk and not freshness.outdated
        # The segments are wagtail-localize's own extraction of the story.
        real = extract_segments(story.specific)
        stored = list(StringSegment.objects.filter(source=source).select_related("context", "string"))
        assert sorted((s.order, s.context.path, s.string.data) for s in stored) == [
            (v.order, v.path, v.string.data) for v in real if isinstance(v, StringSegmentValue)
        ]
        assert source.relatedobjectsegment_set.count() == 3
        assert source.as_instance().title == story.title
    hindi = SuccessStoryPage.objects.filter(locale__language_code="hi").first()
    assert any("\u0900" <= char <= "\u097f" for char in hindi.title)
    # Pages route and render, in the source language and a translation.
    for page in (english.last(), hindi):
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_failing_suite_is_reported_and_the_others_still_run():
    from stories import bench as stories_bench

    dataset.build(stories=2, locales=["en", "ur"], log=lambda _: None)

    def broken(ctx):
        raise ValueError("suite exploded")

    ctx = BenchContext(stories=2, locales=["en", "ur"], repeat=3, log=lambda _: None)
    results = run_suites(
        ctx,
        suites=[
            ("broken", broken),
            ("unimportable", ImportError("no module")),
            ("stories", stories_bench.run),
        ],
    )

    assert "suite exploded" in results["broken"]["error"]
    assert "import failed" in results["unimportable"]["error"]
    story_page = results["stories"]["story_page"]
    assert set(story_page) == {"en", "ur"}
    assert story_page["ur"]["queries"] > 0
    assert story_page["ur"]["median_ms"] > 0
    assert results["stories"]["story_index"]["en"]["n"] == 3


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_bench_command_uses_a_throwaway_database_and_writes_json(tmp_path):
    if connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
        connection.settings_dict["NAME"]
    ):
        pytest.skip("the test database is in-memory SQLite, which Django never closes; runs on PostgreSQL")
    out = tmp_path / "bench.json"
    stories_before = SuccessStoryPage.objects.count()
    database_before = connection.settings_dict["NAME"]

    call_command(
        "bench",
        "--stories",
        "2",
        "--locales",
        "en,hi",
        "--repeat",
        "2",
        "--only",
        "stories",
        "--out",
        str(out),
    )

    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["meta"]["database"]["name"] != database_before
    assert report["runs"]["2"]["dataset"]["story_pages"] == 4
    assert report["runs"]["2"]["suites"]["stories"]["story_page"]["hi"]["p95_ms"] > 0
    assert connection.settings_dict["NAME"] == database_before
    assert SuccessStoryPage.objects.count() == stories_before


def test_growth_reports_percent_and_the_ten_percent_target_per_measurement():
    def run(median, queries):
        return {
            "suites": {
                "stories": {
                    "story_page": {"hi": {"median_ms": median, "p95_ms": 2 * median, "queries": queries}}
                }
            }
        }

    report = {"runs": {"200": run(10.0, 12), "20000": run(10.5, 12), "2000": run(30.0, 12)}}
    item = growth(report)["measurements"]["stories.story_page.hi"]
    assert item["median_growth_percent"] == 5.0
    assert item["queries"] == [12, 12]
    assert item["meets_growth_target"] is True
    report["runs"]["20000"] = run(11.5, 14)
    assert growth(report)["measurements"]["stories.story_page.hi"]["meets_growth_target"] is False


@pytest.mark.django_db(transaction=True)
def test_search_index_made_in_bulk_is_what_the_indexer_makes(monkeypatch):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if connection.vendor != "sqlite" or not hasattr(backend, "newest_ids"):
        pytest.skip("the bulk index is made on SQLite only (PostgreSQL runs update_index)")
    from modelsearch.backends.database.sqlite.sqlite import IndexEntry
    from modelsearch.utils import get_content_type_pk

    setup = dataset._Context.__init__

    def two_products(self, **kwargs):  # so that stories share a product and get copies
        setup(self, **kwargs)
        self.products = self.products[:2]

    monkeypatch.setattr(dataset._Context, "__init__", two_products)
    built = dataset.build(stories=5, locales=["en", "hi"], log=lambda _: None)
    assert built["build"]["search_index"] == {"stories": 10, "through_indexer": 4}
    indexer_class = backend.index_class.add_items.__globals__["ObjectIndexer"]
    entries = IndexEntry.objects.filter(content_type_id=get_content_type_pk(SuccessStoryPage))
    stories = SuccessStoryPage.objects.filter(release_id__gte=dataset.FIRST_RELEASE_ID)
    assert entries.count() == stories.count() == 10
    for story in stories:
        entry = entries.get(object_id=str(story.pk))
        real = indexer_class(story, backend)
        assert (entry.title, entry.autocomplete, entry.body) == (real.title, real.autocomplete, real.body)
