"""Cross-app suite: the partner API's list of 50 items with PDF renditions.

The dataset has no revisions or PDFs (bulk_create), so this suite gives the
50 newest stories of one language a revision and three stored PDF rows
(READY, as printing leaves them), measures the list with the item cache warm
and cold, and removes what it added. It lives here because it needs both
printing (the PDFs) and syndication (a partner), which never import each other.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Page, Revision

from printing.models import StoryPdf
from stories.models import SuccessStoryPage
from syndication import services as syndication_services
from syndication.models import Partner

PARTNER = "Benchmark partner, PDFs (temporary)"
SIZES = {
    StoryPdf.Format.NEWSBOX_GREY: 180_000,
    StoryPdf.Format.NEWSBOX_CMYK: 260_000,
    StoryPdf.Format.RELEASE: 420_000,
}


def _give_pdfs(pages: list[SuccessStoryPage]) -> list[int]:
    page_type = ContentType.objects.get_for_model(Page)
    story_type = ContentType.objects.get_for_model(SuccessStoryPage)
    now = timezone.now()
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=story_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            object_str=page.title[:255],
            content={},
            created_at=now,
        )
        for page in pages
    )
    for page, revision in zip(pages, revisions, strict=True):
        Page.objects.filter(pk=page.pk).update(live_revision_id=revision.pk)
    StoryPdf.objects.bulk_create(
        StoryPdf(
            page_id=page.pk,
            revision_id=revision.pk,
            locale=page.locale.language_code,
            format=fmt,
            file=f"printing/pdfs/{page.pk}/{revision.pk}/{fmt}.pdf",
            size=size,
            status=StoryPdf.Status.READY,
        )
        for page, revision in zip(pages, revisions, strict=True)
        for fmt, size in SIZES.items()
    )
    return [revision.pk for revision in revisions]


def _take_back(pages, revision_ids) -> None:
    StoryPdf.objects.filter(revision_id__in=revision_ids).delete()
    for page in pages:  # the live revision each page had before (None in the bench dataset)
        Page.objects.filter(pk=page.pk).update(live_revision_id=page.live_revision_id)
    Revision.objects.filter(pk__in=revision_ids).delete()


def run(ctx) -> dict:
    languages = [code for code in ctx.locales if code] or ["en"]
    lang = "hi" if "hi" in languages else languages[0]
    pages = list(
        SuccessStoryPage.objects.live()
        .filter(locale__language_code=lang)
        .select_related("locale")
        .order_by("-pk")[:50]
    )
    if not pages:
        return {"skipped": f"no live stories in {lang}"}
    revision_ids = _give_pdfs(pages)
    results: dict = {"language": lang}
    with override_settings(SYNDICATION_RATE_LIMIT="1000000/minute"):
        Partner.objects.filter(name=PARTNER).delete()
        key = syndication_services.create_partner(name=PARTNER, languages=[lang]).plaintext
        headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
        path = f"/api/v1/stories/?lang={lang}&limit=50"
        try:
            body = ctx.wsgi_get(path, **headers).json()
            results["pdf_renditions_listed"] = sum(
                r.get("contentType") == "application/pdf"
                for item in body["items"]
                for r in item.get("renditions", [])
            )
            results["api_list_50_with_pdfs"] = ctx.measure_get(path, **headers)
            with override_settings(SYNDICATION_ITEM_CACHE_SECONDS=0):
                results["api_list_50_with_pdfs_uncached"] = ctx.measure_get(path, **headers)
        finally:
            Partner.objects.filter(name=PARTNER).delete()
            _take_back(pages, revision_ids)
    results["targets"] = {
        "api_list_50_with_pdfs_p95_ms<=50": results["api_list_50_with_pdfs"]["p95_ms"] <= 50,
        "api_list_50_with_pdfs_queries<=10": results["api_list_50_with_pdfs"]["queries"] <= 10,
        "every_item_has_3_pdfs": results["pdf_renditions_listed"] == 3 * min(50, len(body["items"])),
    }
    return results
