import pytest

from benchmarks.harness import BenchContext
from home.tests.content import build_site
from publiccache import bench


@pytest.mark.django_db
@pytest.mark.slow
def test_bench_reports_the_hit_ratio_of_other_stories_while_publishing(monkeypatch):
    build_site(languages=("hi",), extra_stories=6)
    monkeypatch.setattr(bench, "PUBLISHES", 2)
    monkeypatch.setattr(bench, "READS_PER_SECOND", 2)
    results = bench.run(BenchContext(stories=7, locales=["en", "hi"], repeat=3, log=lambda _m: None))
    assert results["story_page_hit"]["queries"] == 0
    line = results["hit_ratio_while_publishing"]
    assert line["publishes"] == 2 and line["reads"] == 2 * 2 * 10
    assert line["ratio"] > 0.95
    assert line["ratio_whole_site_generation"] < line["ratio"]
