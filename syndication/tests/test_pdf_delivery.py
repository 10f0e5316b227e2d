"""A newspaper's eye: with only its key, a partner finds each story's PDFs in
the API and the feed, downloads every one, and each passes preflight
(pikepdf's PDF/A-2b validator, the PDF/X-1a checks, pdffonts). Embargoes
and grants hold for the downloads as for the items."""

from __future__ import annotations

import datetime as dt
import io

import feedparser
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import TestCase, override_settings
from django.utils import timezone

from printing.models import StoryPdf
from printing.services.generation import render_format
from printing.tests import pdfcheck, preflight
from stories.models import SuccessStoryPage
from syndication.tests.content import auth, build_dataset, partner_key, publish_story
from syndication.tests.test_multilingual import VALIDATOR

LIST = "/api/v1/stories/"
PDF_NAMES = {"newsbox-pdf", "newsbox-cmyk-pdf", "release-pdf"}


def pdf_renditions(item: dict) -> list[dict]:
    return [r for r in item.get("renditions", []) if r.get("contentType") == "application/pdf"]


@override_settings(SYNDICATION_RATE_LIMIT="10000/minute", SYNDICATION_ITEM_CACHE_SECONDS=300)
class PdfDeliveryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_dataset(stories=1, languages=("hi",))
        cls.story = SuccessStoryPage.objects.get(pk=cls.data["stories"][0].pk)
        cls.key = partner_key("Dainik Test", languages=("en", "hi"))
        cls.embargo_key = partner_key("Embargo Desk", languages=("en",), embargo=True)
        cls.embargoed = publish_story(
            index=cls.data["index"],
            n=300,
            sector=cls.data["sector"],
            district=cls.data["varanasi"],
            product=cls.data["silk"],
            embargo_until=timezone.now() + dt.timedelta(days=1),
        )
        cls.embargoed = SuccessStoryPage.objects.get(pk=cls.embargoed.pk)
        # Rendered once for real; stored per test (each test has its own private storage).
        cls.rendered = {
            fmt: render_format(story=cls.story, pdf_format=fmt).content for fmt in StoryPdf.Format
        }

    def setUp(self):
        cache.clear()  # items served by an earlier test stay cached under the same version
        for page in (self.story, self.embargoed):
            for fmt, content in self.rendered.items():
                row = StoryPdf(page=page, revision_id=page.live_revision_id, locale="en", format=fmt)
                row.file.save(f"{fmt}.pdf", ContentFile(content), save=False)
                row.size, row.status = len(content), StoryPdf.Status.READY
                row.save()

    def item(self, page, key=None):
        response = self.client.get(
            f"/api/v1/stories/{page.release_id}/", {"lang": "en"}, **auth(key or self.key)
        )
        self.assertEqual(response.status_code, 200, response.content)
        return response.json()

    def download(self, href, key=None):
        response = self.client.get(href, **(auth(key) if key else {}))
        content = b"".join(response.streaming_content) if response.streaming else response.content
        return response, content

    def test_every_pdf_is_listed_downloaded_with_the_key_and_passes_preflight(self):
        item = self.item(self.story)
        self.assertEqual(list(VALIDATOR.iter_errors(item)), [])
        renditions = pdf_renditions(item)
        self.assertEqual({r["name"] for r in renditions}, PDF_NAMES)
        revision = self.story.live_revision_id
        for rendition in renditions:
            self.assertIn(f"revision={revision}", rendition["href"])
            self.assertIn(str(revision), rendition["title"])
            self.assertIn(
                f"/api/v1/stories/{self.story.release_id}/pdfs/{rendition['name']}/", rendition["href"]
            )
            response, content = self.download(rendition["href"], self.key)
            self.assertEqual(response.status_code, 200, rendition)
            self.assertEqual(response["Content-Type"], "application/pdf")
            self.assertEqual(len(content), rendition["sizeInBytes"])
            self.assertEqual(preflight.common_problems(content), [], rendition["name"])
            if rendition["format"] == "PDF/A-2b":
                report = preflight.pdfa_report(content)
                self.assertTrue(report.passed, report.summary())
            else:
                self.assertEqual(preflight.x1a_problems(content), [], rendition["name"])
            fonts = pdfcheck.pdffonts(content)
            self.assertTrue(fonts and all(font["emb"] == "yes" for font in fonts), fonts)

    def test_the_list_carries_the_same_pdfs(self):
        response = self.client.get(LIST, {"lang": "en"}, **auth(self.key))
        items = {item["uri"]: item for item in response.json()["items"]}
        listed = next(item for uri, item in items.items() if f"/{self.story.release_id}/" in uri)
        self.assertEqual(pdf_renditions(listed), pdf_renditions(self.item(self.story)))

    def test_a_download_needs_a_key_and_a_current_revision(self):
        href = pdf_renditions(self.item(self.story))[0]["href"]
        response, _ = self.download(href)
        self.assertEqual(response.status_code, 401)
        stale = href.replace(
            f"revision={self.story.live_revision_id}", f"revision={self.story.live_revision_id + 1000}"
        )
        response, _ = self.download(stale, self.key)
        self.assertEqual(response.status_code, 404)
        self.assertIn("superseded", response.json()["detail"])
        response, _ = self.download(href.replace("newsbox-pdf", "poster-pdf"), self.key)
        self.assertEqual(response.status_code, 404)

    def test_embargoed_pdfs_reach_only_partners_who_may_see_embargoes(self):
        item = self.item(self.embargoed, self.embargo_key)
        href = pdf_renditions(item)[0]["href"]
        response, content = self.download(href, self.embargo_key)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(content.startswith(b"%PDF"))
        response, _ = self.download(href, self.key)
        self.assertEqual(response.status_code, 404)

    def test_pdfs_not_rendered_yet_are_left_out_then_appear_on_the_next_poll(self):
        StoryPdf.objects.filter(page=self.story, format=StoryPdf.Format.RELEASE).update(
            status=StoryPdf.Status.PENDING
        )
        first = self.client.get(f"/api/v1/stories/{self.story.release_id}/", {"lang": "en"}, **auth(self.key))
        self.assertEqual({r["name"] for r in pdf_renditions(first.json())}, PDF_NAMES - {"release-pdf"})
        release_href = pdf_renditions(first.json())[0]["href"].replace("newsbox-pdf", "release-pdf")
        response, _ = self.download(release_href, self.key)
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "30")
        StoryPdf.objects.filter(page=self.story).update(status=StoryPdf.Status.READY)
        from core.cache import bump_generation  # what printing does once the PDFs are stored

        bump_generation()
        again = self.client.get(
            f"/api/v1/stories/{self.story.release_id}/",
            {"lang": "en"},
            HTTP_IF_NONE_MATCH=first["ETag"],
            **auth(self.key),
        )
        self.assertEqual(again.status_code, 200)
        self.assertEqual({r["name"] for r in pdf_renditions(again.json())}, PDF_NAMES)

    def test_atom_entries_enclose_the_pdfs_with_their_length_and_revision(self):
        response = self.client.get("/en/feeds/stories.atom")
        self.assertEqual(response.status_code, 200)
        feed = feedparser.parse(response.content)
        entry = next(e for e in feed.entries if e.title == self.story.title)
        pdfs = [e for e in entry.enclosures if e.type == "application/pdf"]
        sizes = {len(content) for content in self.rendered.values()}
        self.assertEqual({int(e.length) for e in pdfs}, sizes)
        self.assertEqual(len(pdfs), 3)
        for enclosure in pdfs:
            self.assertIn(f"revision={self.story.live_revision_id}", enclosure.href)
            response, content = self.download(enclosure.href.replace("http://127.0.0.1:8000", ""))
            self.assertEqual(response.status_code, 200, enclosure.href)
            self.assertEqual(len(content), int(enclosure.length))
        self.assertNotIn(self.embargoed.title, [e.title for e in feed.entries])

    def test_a_partner_with_its_own_press_profile_gets_it_in_the_greyscale_newsbox_output_intent(self):
        import pikepdf
        from django.conf import settings

        from syndication.models import Partner

        house = settings.PRINT_ICC_PROFILE
        press = "/usr/share/color/icc/ghostscript/ps_cmyk.icc"  # stands in for the paper's newsprint profile
        partner = Partner.objects.get(name="Dainik Test")
        partner.print_profile = "newsprint"
        partner.save()
        hrefs = {r["name"]: r["href"] for r in pdf_renditions(self.item(self.story))}

        def intent(content: bytes) -> str:
            with pikepdf.open(io.BytesIO(content)) as pdf:
                return str(pdf.Root.OutputIntents[0].OutputConditionIdentifier)

        with self.settings(PRINT_OUTPUT_PROFILES={"house": house, "newsprint": press}):
            response, grey = self.download(hrefs["newsbox-pdf"], self.key)
            _, cmyk = self.download(hrefs["newsbox-cmyk-pdf"], self.key)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(intent(grey), "Artifex PS CMYK Profile")
        self.assertEqual(preflight.x1a_problems(grey), [])
        self.assertEqual(preflight.common_problems(grey), [])
        # The CMYK photo was separated through the house profile: its intent stays.
        self.assertEqual(intent(cmyk), "Artifex CMYK SWOP Profile")
        # A partner without a profile, or one no longer offered, gets the stored file.
        _, other = self.download(hrefs["newsbox-pdf"], self.key)
        self.assertEqual(other, self.rendered[StoryPdf.Format.NEWSBOX_GREY])
