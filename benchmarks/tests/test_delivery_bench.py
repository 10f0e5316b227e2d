import pytest

from benchmarks import bench
from benchmarks.harness import BenchContext
from printing.models import StoryPdf
from syndication.models import Partner
from syndication.tests.content import build_dataset


@pytest.mark.django_db
def test_delivery_suite_lists_three_pdfs_per_item_and_takes_its_rows_back(settings):
    settings.SYNDICATION_ITEM_CACHE_SECONDS = 300
    build_dataset(stories=2, languages=("hi",))
    before = StoryPdf.objects.count()
    results = bench.run(BenchContext(stories=2, locales=["en", "hi"], repeat=3, log=lambda _m: None))
    assert results["targets"]["every_item_has_3_pdfs"], results
    assert results["pdf_renditions_listed"] > 0
    assert results["api_list_50_with_pdfs_uncached"]["n"] == 3
    assert results["api_list_50_with_pdfs"]["queries"] <= results["api_list_50_with_pdfs_uncached"]["queries"]
    assert StoryPdf.objects.count() == before
    assert not Partner.objects.filter(name=bench.PARTNER).exists()
