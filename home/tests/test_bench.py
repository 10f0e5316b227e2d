import pytest

from benchmarks.harness import BenchContext
from home import bench
from home.tests.content import build_site


@pytest.mark.django_db
def test_bench_suite_measures_story_pages_and_cache(settings):
    build_site(languages=("hi",), extra_stories=1)
    results = bench.run(BenchContext(stories=1, locales=["en", "hi"], repeat=3, log=lambda _m: None))
    assert results["story_hi_uncached"]["n"] == 3
    assert results["story_en_page_cached"]["queries"] == 0
    assert 0 < results["story_html_bytes"] <= 60_000
