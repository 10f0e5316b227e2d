import datetime as dt
import gzip
import io
import json

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date
from PIL import Image
from pypdf import PdfWriter

from core.storage import private_storage
from stories.models import SuccessStoryPage
from syndication.models import FetchRecord, ItemVersion, Partner, PrintRecord
from syndication.tests.content import auth, build_dataset, partner_key, publish_story, translation_of

LIST = "/api/v1/stories/"


def detail(story) -> str:
    return f"/api/v1/stories/{story.release_id}/"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "orange").save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@override_settings(SYNDICATION_RATE_LIMIT="10000/minute")
class ApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_dataset(stories=3, languages=("hi",))
        cls.story = cls.data["stories"][0]
        cls.key = partner_key("Dainik Test", languages=("en", "hi"))
        cls.up_key = partner_key("UP Times", languages=("hi",), states=(9,))
        cls.embargo_key = partner_key("Embargo Desk", languages=("en", "hi"), embargo=True)

    def get(self, path, key=None, **params):
        headers = params.pop("headers", {})
        return self.client.get(path, params, **auth(key or self.key), **headers)

    def assertProblem(self, response, status, words=""):
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response["Content-Type"], "application/problem+json")
        body = response.json()
        self.assertEqual(body["status"], status)
        self.assertTrue(body["type"].startswith("https://"))
        self.assertIn(words, body["detail"])
        return body

    def uris(self, response):
        self.assertEqual(response.status_code, 200, response.content)
        return [item["uri"] for item in response.json()["items"]]

    # --- filters -------------------------------------------------------------------

    def test_defaults_are_the_partners_languages_and_states(self):
        everything = self.uris(self.get(LIST))
        self.assertEqual(len(everything), 8)  # 4 stories x en, hi
        up_only = self.uris(self.get(LIST, self.up_key))
        self.assertEqual(len(up_only), 3)
        self.assertTrue(all(uri.endswith("/hi") for uri in up_only))

    def test_filters_narrow_the_list(self):
        tn = self.data["tn_story"]
        self.assertEqual(
            self.uris(self.get(LIST, lang="hi", state="33")),
            [f"tag:pib.gov.in,2024:odop/story/{tn.release_id}/hi"],
        )
        self.assertEqual(len(self.uris(self.get(LIST, lang="en", district="187"))), 3)
        self.assertEqual(len(self.uris(self.get(LIST, sector="handloom-textiles"))), 8)
        self.assertEqual(self.uris(self.get(LIST, sector="food-processing")), [])
        kanchi = str(self.data["kanchi"].translation_key)
        self.assertEqual(len(self.uris(self.get(LIST, product=kanchi))), 2)
        self.assertEqual(len(self.uris(self.get(LIST, lang="en", q="markets 100"))), 1)

    def test_since_returns_only_later_versions(self):
        items = self.get(LIST, lang="en").json()["items"]
        since = items[1]["versionCreated"]
        later = self.uris(self.get(LIST, lang="en", since=since))
        self.assertEqual(later, [item["uri"] for item in items[2:]])

    def test_hindi_filter_values_match_english_taxonomy(self):
        # LGD codes are the same in every language: a Hindi partner filters with them.
        self.assertEqual(len(self.uris(self.get(LIST, self.up_key, district="187"))), 3)

    # --- errors ----------------------------------------------------------------------

    def test_bad_filters_are_400_naming_the_parameter(self):
        self.assertProblem(self.get(LIST, lang="xx"), 400, "lang")
        self.assertProblem(self.get(LIST, state="abc"), 400, "state")
        self.assertProblem(self.get(LIST, state="99999"), 400, "state")
        self.assertProblem(self.get(LIST, district="1,x"), 400, "district")
        self.assertProblem(self.get(LIST, sector="nope"), 400, "sector")
        self.assertProblem(self.get(LIST, product="not-a-uuid"), 400, "product")
        self.assertProblem(self.get(LIST, since="yesterday"), 400, "since")
        self.assertProblem(self.get(LIST, since="9999-12-31T23:59:59-23:59"), 400, "since")
        self.assertProblem(self.get(LIST, q="a\x00b"), 400, "q")
        self.assertProblem(self.get(LIST, limit="0"), 400, "limit")
        self.assertProblem(self.get(LIST, limit="many"), 400, "limit")

    def test_malformed_or_tampered_cursor_is_400(self):
        self.assertProblem(self.get(LIST, cursor="garbage"), 400, "cursor")
        first = self.get(LIST, limit="2").json()
        tampered = first["cursor"][:-3] + ("aaa" if not first["cursor"].endswith("aaa") else "bbb")
        self.assertProblem(self.get(LIST, cursor=tampered, limit="2"), 400, "cursor")
        self.assertProblem(self.get(LIST, cursor=first["cursor"], lang="hi"), 400, "other filters")

    def test_grant_violations_are_403(self):
        self.assertProblem(self.get(LIST, self.up_key, lang="en"), 403, "lang")
        self.assertProblem(self.get(LIST, self.up_key, state="33"), 403, "state")
        self.assertProblem(self.get(LIST, self.up_key, district="575"), 403, "district")
        self.assertProblem(self.get(detail(self.data["tn_story"]), self.up_key), 403, "state")
        self.assertProblem(self.get(detail(self.story), self.up_key, lang="ta"), 403, "lang")

    def test_missing_unknown_and_malformed_keys_are_401(self):
        response = self.client.get(LIST)
        self.assertProblem(response, 401, "Missing")
        self.assertIn("Bearer", response["WWW-Authenticate"])
        self.assertProblem(self.client.get(LIST, HTTP_AUTHORIZATION="Bearer abcdefgh.wrong"), 401, "unknown")
        self.assertProblem(self.client.get(LIST, HTTP_AUTHORIZATION="Bearer nodot"), 401, "malformed")
        self.assertProblem(self.client.get(LIST, HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz"), 401)

    def test_unknown_story_and_path_are_404(self):
        self.assertProblem(self.get("/api/v1/stories/999999999/"), 404)
        self.assertProblem(self.get("/api/v1/stories/abc/"), 404)
        self.assertProblem(self.get("/api/v1/nothing-here/"), 404)

    def test_single_item_defaults_to_first_granted_language(self):
        response = self.get(detail(self.story))
        self.assertEqual(response.json()["language"], "en")
        response = self.get(detail(self.story), self.up_key)
        self.assertEqual(response.json()["language"], "hi")

    # --- conditional GET and gzip -------------------------------------------------------

    def test_list_answers_304_to_if_none_match_and_if_modified_since(self):
        first = self.get(LIST, lang="hi")
        etag, last_modified = first["ETag"], first["Last-Modified"]
        not_modified = self.get(LIST, lang="hi", headers={"HTTP_IF_NONE_MATCH": etag})
        self.assertEqual(not_modified.status_code, 304)
        self.assertEqual(
            (not_modified["ETag"], not_modified["Last-Modified"], not_modified["Cache-Control"]),
            (etag, last_modified, "private, no-cache"),
        )
        self.assertEqual(
            self.get(LIST, lang="hi", headers={"HTTP_IF_MODIFIED_SINCE": last_modified}).status_code, 304
        )
        self.assertEqual(
            self.get(LIST, lang="hi", headers={"HTTP_IF_NONE_MATCH": '"other"'}).status_code, 200
        )
        old = http_date((timezone.now() - dt.timedelta(days=3650)).timestamp())
        self.assertEqual(self.get(LIST, lang="hi", headers={"HTTP_IF_MODIFIED_SINCE": old}).status_code, 200)

    def test_remembered_304_is_dropped_when_the_grant_changes(self):
        first = self.get(LIST, lang="hi")
        self.assertEqual(
            self.get(LIST, lang="hi", headers={"HTTP_IF_NONE_MATCH": first["ETag"]}).status_code, 304
        )
        partner = Partner.objects.get(name="Dainik Test")
        partner.languages = ["en"]
        with self.captureOnCommitCallbacks(execute=True):
            partner.save()
        self.assertProblem(
            self.get(LIST, lang="hi", headers={"HTTP_IF_NONE_MATCH": first["ETag"]}), 403, "lang"
        )

    def test_republishing_changes_the_etag_and_bumps_the_version(self):
        hindi = translation_of(self.story, "hi")
        first = self.get(detail(self.story), lang="hi")
        self.assertEqual(first.json()["version"], "1")
        with self.captureOnCommitCallbacks(execute=True):
            hindi.save_revision().publish()
        again = self.get(detail(self.story), lang="hi", headers={"HTTP_IF_NONE_MATCH": first["ETag"]})
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.json()["version"], "2")
        self.assertEqual(again.json()["uri"], first.json()["uri"])
        self.assertGreater(again.json()["versionCreated"], first.json()["versionCreated"])
        self.assertEqual(ItemVersion.objects.get(page=hindi).version, 2)

    def test_gzip_with_weak_etag_still_answers_304(self):
        first = self.get(LIST, headers={"HTTP_ACCEPT_ENCODING": "gzip"})
        self.assertEqual(first["Content-Encoding"], "gzip")
        self.assertTrue(first["ETag"].startswith('W/"'))
        self.assertEqual(len(json.loads(gzip.decompress(first.content))["items"]), 8)
        again = self.get(LIST, headers={"HTTP_ACCEPT_ENCODING": "gzip", "HTTP_IF_NONE_MATCH": first["ETag"]})
        self.assertEqual(again.status_code, 304)

    # --- embargo -------------------------------------------------------------------------

    def test_embargoed_story_only_reaches_partners_allowed_to_see_it(self):
        until = timezone.now() + dt.timedelta(days=1)
        embargoed = publish_story(
            index=self.data["index"],
            n=200,
            sector=self.data["sector"],
            district=self.data["varanasi"],
            product=self.data["silk"],
            embargo_until=until,
        )
        allowed = self.get(detail(embargoed), self.embargo_key)
        self.assertEqual(allowed.status_code, 200)
        self.assertEqual(
            allowed.json()["embargoedUntil"], until.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
        )
        self.assertIn(f"/{embargoed.release_id}/en", " ".join(self.uris(self.get(LIST, self.embargo_key))))
        self.assertProblem(self.get(detail(embargoed)), 404)
        self.assertNotIn(f"/{embargoed.release_id}/en", " ".join(self.uris(self.get(LIST))))
        self.assertEqual(self.client.get(embargoed.url, follow=True).status_code, 404)

    def test_embargo_lifting_reaches_a_partner_polling_with_since(self):
        from unittest import mock

        until = timezone.now() + dt.timedelta(hours=1)
        embargoed = publish_story(
            index=self.data["index"],
            n=201,
            sector=self.data["sector"],
            district=self.data["varanasi"],
            product=self.data["silk"],
            embargo_until=until,
        )
        uri = f"tag:pib.gov.in,2024:odop/story/{embargoed.release_id}/en"
        since = (timezone.now() + dt.timedelta(seconds=1)).isoformat()  # after the publish
        self.assertNotIn(uri, self.uris(self.get(LIST, lang="en", since=since)))
        with mock.patch("django.utils.timezone.now", return_value=until + dt.timedelta(minutes=5)):
            later = self.get(LIST, lang="en", since=since).json()["items"]
        self.assertEqual([item["uri"] for item in later], [uri])
        self.assertEqual(
            later[0]["versionCreated"], until.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
        )

    # --- canceled items ----------------------------------------------------------------

    def test_unpublished_story_is_canceled_for_partners_who_fetched_it(self):
        story = self.data["stories"][1]
        self.assertEqual(self.get(detail(story), lang="en").status_code, 200)
        SuccessStoryPage.objects.get(pk=story.pk).unpublish()
        canceled = self.get(detail(story), lang="en").json()
        self.assertEqual(canceled["pubStatus"], "canceled")
        self.assertEqual(canceled["version"], "2")
        listed = [i for i in self.get(LIST, lang="en").json()["items"] if i["pubStatus"] == "canceled"]
        self.assertEqual([i["uri"] for i in listed], [canceled["uri"]])
        # The embargo desk never fetched it: for them it is simply gone.
        self.assertProblem(self.get(detail(story), self.embargo_key, lang="en"), 404)
        self.assertNotIn(canceled["uri"], self.uris(self.get(LIST, self.embargo_key, lang="en")))
        # Republished: usable again, one version up.
        SuccessStoryPage.objects.get(pk=story.pk).save_revision().publish()
        republished = self.get(detail(story), lang="en").json()
        self.assertEqual((republished["pubStatus"], republished["version"]), ("usable", "2"))

    def test_deleted_story_is_canceled_for_partners_who_fetched_it(self):
        story = self.data["stories"][2]
        hindi = translation_of(story, "hi")
        self.assertEqual(self.get(detail(story), lang="hi").status_code, 200)
        hindi.delete()
        canceled = self.get(detail(story), lang="hi").json()
        self.assertEqual(canceled["pubStatus"], "canceled")
        self.assertTrue(canceled["headlines"][0]["value"].startswith("हिंदी"))

    # --- pickup log --------------------------------------------------------------------

    def test_fetches_are_logged_with_partner_language_and_version(self):
        self.get(detail(self.story), lang="hi")
        self.get(LIST, lang="en")
        hindi = FetchRecord.objects.filter(release_id=self.story.release_id, language="hi").get()
        self.assertEqual((hindi.partner.name, hindi.version), ("Dainik Test", 1))
        self.assertEqual(FetchRecord.objects.filter(language="en").count(), 4)
        # A 304 fetches nothing.
        etag = self.get(LIST, lang="en")["ETag"]
        before = FetchRecord.objects.count()
        self.get(LIST, lang="en", headers={"HTTP_IF_NONE_MATCH": etag})
        self.assertEqual(FetchRecord.objects.count(), before)

    def post_pickup(self, story, scan=None, **fields):
        data = {
            "paper_name": "Dainik Test",
            "edition": "Varanasi",
            "date": "2024-02-01",
            "page": "3",
            **fields,
        }
        if scan is not None:
            data["scan"] = scan
        return self.client.post(f"{detail(story)}pickups/", data, **auth(self.key))

    def test_print_report_with_image_or_pdf_scan_is_201(self):
        response = self.post_pickup(self.story, lang="hi", scan=SimpleUploadedFile("p3.png", png_bytes()))
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.json()["language"], "hi")
        self.assertTrue(response.json()["scan"])
        response = self.post_pickup(self.story, scan=SimpleUploadedFile("p3.pdf", pdf_bytes()))
        self.assertEqual(response.status_code, 201, response.content)
        response = self.post_pickup(self.story)
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(PrintRecord.objects.filter(release_id=self.story.release_id).count(), 3)

    def test_print_scan_is_kept_in_the_private_storage_not_in_media(self):
        self.post_pickup(self.story, scan=SimpleUploadedFile("p3.pdf", pdf_bytes()))
        name = PrintRecord.objects.get(release_id=self.story.release_id).scan.name
        self.assertTrue(private_storage().exists(name))
        self.assertFalse(default_storage.exists(name))

    def test_bad_print_reports_are_refused(self):
        self.assertProblem(
            self.post_pickup(self.story, scan=SimpleUploadedFile("x.png", b"hello")), 400, "scan"
        )
        self.assertProblem(
            self.post_pickup(self.story, scan=SimpleUploadedFile("x.pdf", b"%PDF-1.4 broken")), 400, "PDF"
        )
        with self.settings(LIMIT_SCAN_BYTES=100):
            self.assertProblem(
                self.post_pickup(self.story, scan=SimpleUploadedFile("p.png", png_bytes() * 3)), 413
            )
        self.assertProblem(self.post_pickup(self.story, date="someday"), 400, "date")
        self.assertProblem(self.post_pickup(self.story, paper_name=""), 400, "paper_name")
        self.assertProblem(self.post_pickup(self.story, paper_name="a\x00b"), 400, "paper_name")
        self.assertEqual(PrintRecord.objects.count(), 0)

    # --- performance shape --------------------------------------------------------------

    @override_settings(SYNDICATION_ITEM_CACHE_SECONDS=0)
    def test_list_query_count_does_not_depend_on_page_size(self):
        counts = []
        self.get(LIST, limit="2")  # warm the site-root-paths cache
        for limit in ("1", "8"):
            with CaptureQueriesContext(connection) as captured:
                response = self.get(LIST, limit=limit)
            self.assertEqual(len(response.json()["items"]), int(limit))
            counts.append(len(captured.captured_queries))
        self.assertEqual(counts[0], counts[1], counts)

    def test_items_served_again_come_from_the_item_cache(self):
        from django.core.cache import cache

        cache.clear()
        first = self.get(LIST, lang="hi")
        with CaptureQueriesContext(connection) as captured:
            again = self.get(LIST, lang="hi")
        self.assertEqual(again.json(), first.json())
        with self.settings(SYNDICATION_ITEM_CACHE_SECONDS=0), CaptureQueriesContext(connection) as uncached:
            self.get(LIST, lang="hi")
        self.assertLess(len(captured.captured_queries), len(uncached.captured_queries))
        hindi = translation_of(self.story, "hi")
        hindi.save_revision().publish()
        item = next(
            i
            for i in self.get(LIST, lang="hi").json()["items"]
            if i["uri"].endswith(f"{self.story.release_id}/hi")
        )
        self.assertEqual(item["version"], "2")

    def test_openapi_document_describes_the_operations(self):
        document = self.client.get("/api/v1/openapi.json").json()
        self.assertEqual(document["openapi"][:3], "3.1")
        paths = document["paths"]
        self.assertIn("/api/v1/stories/", paths)
        self.assertIn("/api/v1/stories/{release_id}/", paths)
        self.assertIn("/api/v1/stories/{release_id}/pickups/", paths)
        params = {p["name"] for p in paths["/api/v1/stories/"]["get"]["parameters"]}
        self.assertTrue({"lang", "state", "district", "sector", "product", "since", "q", "cursor"} <= params)
