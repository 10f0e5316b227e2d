import pytest
from wagtail.models import Locale

from benchmarks.harness import BenchContext
from stories.models import StoryIndexPage
from stories.selectors import StoryFilters, listing_count, listing_stories
from syndication.checks import check_feed_positions
from tests import factories
from translations.tests.conftest import story_index
from workspace import bench


@pytest.mark.slow
@pytest.mark.django_db
def test_bench_suite_measures_each_roles_dashboard():
    Locale.objects.get_or_create(language_code="hi")
    for n in range(12):
        factories.SuccessStoryPageFactory(
            parent=story_index(), title=f"Bench story {n}"
        ).save_revision().publish()
    results = bench.run(BenchContext(stories=12, locales=["en", "hi"], repeat=1, log=lambda _m: None))
    assert set(results) >= {"editor", "moderator", "translator-hi", "reviewer-hi", "worst", "meets_target"}
    assert results["editor"]["items"]["my_drafts"] == 3
    assert results["editor"]["items"]["scheduled"] == 5  # 3 embargoed, 2 scheduled
    assert results["editor"]["items"]["editorial_review"] == 2
    assert results["translator-hi"]["items"]["notifications"] == 10
    assert results["worst"]["queries"] <= bench.TARGET_QUERIES
    assert results["worst"]["panel_queries"] <= bench.PANEL_QUERIES
    # Its direct updates (drafts, embargoes, unpublished translations) leave
    # the derived tables true for the suites that run after it.
    assert check_feed_positions(databases=["default"]) == []
    for index in StoryIndexPage.objects.all():
        listed = listing_stories(locale=index.locale, index=index).count()
        assert listing_count(index=index, filters=StoryFilters()) == listed


@pytest.mark.slow
@pytest.mark.django_db
def test_bench_suite_runs_again_on_the_same_database():
    """`bench --stories 200,20000` tops up one database: the suite's second
    run finds its own drafts, workflows and notifications from the first."""
    Locale.objects.get_or_create(language_code="hi")
    for n in range(12):
        factories.SuccessStoryPageFactory(
            parent=story_index(), title=f"Bench story {n}"
        ).save_revision().publish()
    context = BenchContext(stories=12, locales=["en", "hi"], repeat=1, log=lambda _m: None)
    bench.run(context)
    again = bench.run(context)
    assert again["editor"]["items"]["editorial_review"] == 2
    assert again["translator-hi"]["items"]["notifications"] == 10
