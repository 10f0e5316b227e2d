"""Syndication benchmarks: list of 50, a 304, one item, the Atom feed.

Runs against whatever live stories exist (``manage.py bench`` builds them).
A throwaway partner is created for the run and deleted afterwards, with its
pickup records.
"""

from __future__ import annotations

from django.test.utils import override_settings
from django.utils import timezone

from stories.models import SuccessStoryPage

from . import services
from .models import Partner

BENCH_PARTNER = "Benchmark partner (temporary)"


def _partner_key(languages: list[str]) -> str:
    Partner.objects.filter(name=BENCH_PARTNER).delete()
    return services.create_partner(name=BENCH_PARTNER, languages=languages).plaintext


def run(ctx) -> dict:
    languages = [code for code in ctx.locales if code] or ["en"]
    lang = "hi" if "hi" in languages else languages[0]
    story = SuccessStoryPage.objects.live().filter(locale__language_code=lang).order_by("-pk").first()
    if story is None:
        return {"skipped": f"no live stories in {lang}"}
    results: dict = {"language": lang, "live_stories": SuccessStoryPage.objects.live().count()}
    with override_settings(SYNDICATION_RATE_LIMIT="1000000/minute"):
        key = _partner_key(languages)
        headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
        try:
            list_50 = f"/api/v1/stories/?lang={lang}&limit=50"
            results["list_50"] = ctx.measure_get(list_50, **headers)
            results["list_10"] = ctx.measure_get(f"/api/v1/stories/?lang={lang}&limit=10", **headers)
            etag = ctx.wsgi_get(list_50, **headers)["ETag"]
            results["list_304"] = ctx.measure_get(list_50, expect=304, HTTP_IF_NONE_MATCH=etag, **headers)
            detail = f"/api/v1/stories/{story.release_id}/?lang={lang}"
            results["single_item"] = ctx.measure_get(detail, **headers)
            etag = ctx.wsgi_get(detail, **headers)["ETag"]
            results["single_304"] = ctx.measure_get(detail, expect=304, HTTP_IF_NONE_MATCH=etag, **headers)
            results["list_50_gzip"] = ctx.measure_get(list_50, HTTP_ACCEPT_ENCODING="gzip", **headers)
            results["atom_feed"] = ctx.measure_get(f"/{lang}/feeds/stories.atom")
            # The pickup log's cost: one bulk insert of 50 rows after the response.
            partner = Partner.objects.get(name=BENCH_PARTNER)
            fetches = [
                services.Fetch(page_id=story.pk, release_id=story.release_id, language=lang, version=1)
            ] * 50
            results["pickup_log_50_rows"] = ctx.measure(
                lambda: services.record_fetches(partner_id=partner.pk, fetches=fetches, at=timezone.now())
            )
        finally:
            Partner.objects.filter(name=BENCH_PARTNER).delete()
    results["targets"] = {
        "list_50_p95_ms<=50": results["list_50"]["p95_ms"] <= 50,
        "list_304_p95_ms<=10": results["list_304"]["p95_ms"] <= 10,
        "single_item_p95_ms<=20": results["single_item"]["p95_ms"] <= 20,
        "queries_independent_of_page_size": results["list_50"]["queries"] == results["list_10"]["queries"],
    }
    return results
