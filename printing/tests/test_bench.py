import pytest

from benchmarks.harness import BenchContext
from printing import bench

from . import stories


@pytest.mark.django_db
def test_bench_reports_render_and_download_figures_on_live_stories():
    stories.english_story(run_on_commit=False)
    # Fresh processes cannot see this test's uncommitted data: the `bench`
    # command (committed throwaway database) runs those parts.
    ctx = BenchContext(
        stories=1,
        locales=["en"],
        repeat=3,
        log=lambda _: None,
        extra={"printing_cold_runs": 0, "printing_all_languages": False},
    )
    result = bench.run(ctx)
    assert result["newsbox_warm"]["n"] == 3 and result["newsbox_warm"]["median_s"] > 0
    assert result["release_warm"]["median_s"] > 0
    assert result["download_stored_pdf"]["p95_ms"] > 0
    assert set(result["meets_targets"]) == {"newsbox_median", "download_p95"}
    assert "newsbox_cold" not in result and "all_languages_2_workers" not in result


@pytest.mark.django_db
def test_bench_skips_without_stories():
    assert bench.run(BenchContext(stories=0, locales=["en"], log=lambda _: None)) == {
        "skipped": "no live success story to render"
    }
