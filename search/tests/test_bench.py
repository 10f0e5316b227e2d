import pytest

from benchmarks.harness import BenchContext
from search import bench

from .bench_dataset import build


@pytest.mark.django_db
def test_bench_runs_on_a_small_dataset_and_reports_each_locale():
    build(6, ["en", "hi", "ur"])
    result = bench.run(
        BenchContext(stories=6, locales=["en", "hi", "ur", "ta"], repeat=2, log=lambda _m: None)
    )
    assert set(result["locales"]) == {"en", "hi", "ur"}  # no Tamil stories: skipped
    hindi = result["locales"]["hi"]
    assert hindi["matches"] >= 1
    for measure in ("single_word", "prefix_autocomplete", "facet", "page_get"):
        assert hindi[measure]["p95_ms"] > 0
    assert result["live_stories"] == 18
    # Stories made by publishing are indexed already (SQLite): the indexer is
    # timed on them; otherwise (PostgreSQL) the whole index is rebuilt.
    timed = result.get("rebuild_index_s", result.get(f"reindex_{bench.REINDEXED}_stories_s"))
    assert timed is not None and timed >= 0
