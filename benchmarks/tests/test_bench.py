import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from benchmarks import dataset
from benchmarks.harness import BenchContext, summarize
from benchmarks.services import discover_suites, run_suites, throwaway_database
from stories.models import SuccessStoryPage


def test_summary_gives_median_and_p95():
    summary = summarize([float(n) for n in range(1, 101)])
    assert summary["median_ms"] == 50.5
    assert summary["p95_ms"] == 95.0
    assert summary["n"] == 100


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
def test_dataset_makes_real_translations_and_grows_without_duplicates():
    dataset.build(stories=3, locales=["en", "hi", "ur"], log=lambda _: None)
    built = dataset.build(stories=5, locales=["en", "hi", "ur"], log=lambda _: None)

    assert built["story_pages"] == 15
    english = SuccessStoryPage.objects.filter(locale__language_code="en")
    assert english.count() == 5
    for story in english:
        translations = {page.locale.language_code: page for page in story.get_translations()}
        assert set(translations) == {"hi", "ur"}
        assert translations["hi"].specific.release_id == story.release_id
    hindi = SuccessStoryPage.objects.filter(locale__language_code="hi").first()
    assert any("\u0900" <= char <= "\u097f" for char in hindi.title)


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
