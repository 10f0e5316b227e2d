"""The newspaper portal (/<lang>/partners/): every door. A partner's person
signs in (django-axes throttles it), sees exactly the stories the API gives
the same partner's key (list, item, PDF), embargoed ones only if the partner
may see embargoes, nothing outside its languages or states; a user linked to
no partner and a visitor who is not signed in see nothing."""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import TestCase, override_settings
from django.utils import timezone

from printing.models import StoryPdf
from printing.services.generation import render_format
from stories.models import SuccessStoryPage
from syndication.models import FetchRecord, Partner
from syndication.tests.content import auth, build_dataset, partner_key, publish_story, translation_of

PASSWORD = "loom-and-shuttle-42"  # noqa: S105
LIST = "/api/v1/stories/"


def portal_login(client, username, password=PASSWORD, *, lang="en"):
    return client.post(f"/{lang}/partners/login/", {"username": username, "password": password})


@override_settings(SYNDICATION_RATE_LIMIT="10000/minute")
class PortalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_dataset(stories=2, languages=("hi", "ur"))
        cls.embargoed = publish_story(
            index=cls.data["index"],
            n=300,
            sector=cls.data["sector"],
            district=cls.data["varanasi"],
            product=cls.data["silk"],
            embargo_until=timezone.now() + dt.timedelta(days=1),
        )
        cls.keys = {
            "dainik": partner_key(
                "Dainik UP", languages=("en", "hi", "ur"), states=[cls.data["up"].lgd_code]
            ),
            "embargo": partner_key("Embargo Desk", languages=("en",), embargo=True),
            "tamil": partner_key("Tamil Desk", languages=("en",), states=[cls.data["tn"].lgd_code]),
        }
        users = get_user_model().objects
        for username, partner_name in (
            ("dainik", "Dainik UP"),
            ("embargo", "Embargo Desk"),
            ("tamil", "Tamil Desk"),
        ):
            partner = Partner.objects.get(name=partner_name)
            partner.users.add(users.create_user(username, password=PASSWORD))
            partner.save()  # a ParentalManyToManyField is written on save
        users.create_user("editor", password=PASSWORD)  # linked to no partner
        # Every language version of every story: the doors are checked for each.
        cls.all_items = [
            (page.release_id, page.locale.language_code)
            for page in SuccessStoryPage.objects.live().select_related("locale")
        ]
        cls.story = SuccessStoryPage.objects.get(pk=cls.data["stories"][0].pk)
        cls.newsbox = render_format(story=cls.story, pdf_format=StoryPdf.Format.NEWSBOX_GREY).content

    def setUp(self):
        cache.clear()
        for page in (self.story, SuccessStoryPage.objects.get(pk=self.embargoed.pk)):
            row = StoryPdf(
                page=page, revision_id=page.live_revision_id, locale="en", format=StoryPdf.Format.NEWSBOX_GREY
            )
            row.file.save("newsbox.pdf", ContentFile(self.newsbox), save=False)
            row.size, row.status = len(self.newsbox), StoryPdf.Status.READY
            row.save()

    # --- what the API says -----------------------------------------------------------

    def api_list(self, partner):
        response = self.client.get(LIST, {"limit": 100}, **auth(self.keys[partner]))
        self.assertEqual(response.status_code, 200, response.content)
        items = response.json()["items"]
        self.assertIsNone(response.json()["next"])
        return {(int(re.search(r"/story/(\d+)/", item["uri"]).group(1)), item["language"]) for item in items}

    def api_status(self, partner, release_id, lang):
        return self.client.get(
            f"/api/v1/stories/{release_id}/", {"lang": lang}, **auth(self.keys[partner])
        ).status_code

    # --- what the portal shows -------------------------------------------------------

    def portal_list(self, **params):
        response = self.client.get("/en/partners/", {"page": 1, **params})
        self.assertEqual(response.status_code, 200)
        return {(row["story"].release_id, row["language"].code) for row in response.context["rows"]}

    def test_the_portal_lists_exactly_what_the_api_delivers_and_opens_exactly_what_it_opens(self):
        for partner in ("dainik", "embargo", "tamil"):
            with self.subTest(partner=partner):
                self.client.logout()
                self.assertEqual(portal_login(self.client, partner).status_code, 302)
                listed = self.portal_list()
                self.assertTrue(listed)
                self.assertEqual(listed, self.api_list(partner))
                for release_id, lang in self.all_items:
                    portal = self.client.get(f"/en/partners/{release_id}/{lang}/").status_code
                    self.assertEqual(portal, self.api_status(partner, release_id, lang), (release_id, lang))

    def test_a_partner_sees_its_languages_and_states_only(self):
        portal_login(self.client, "dainik")
        listed = self.portal_list()
        self.assertEqual({lang for _, lang in listed}, {"en", "hi", "ur"})
        self.assertNotIn(self.data["tn_story"].release_id, {number for number, _ in listed})
        self.assertEqual({lang for _, lang in self.portal_list(lang="ur")}, {"ur"})
        response = self.client.get(f"/en/partners/{self.data['tn_story'].release_id}/en/")
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "outside what your newspaper takes", status_code=403)

    def test_embargoed_stories_only_for_partners_who_may_see_embargoes(self):
        portal_login(self.client, "dainik")
        self.assertNotIn((self.embargoed.release_id, "en"), self.portal_list())
        self.assertEqual(self.client.get(f"/en/partners/{self.embargoed.release_id}/en/").status_code, 404)
        pdf = f"/en/partners/{self.embargoed.release_id}/en/pdf/newsbox-pdf/"
        self.assertEqual(self.client.get(pdf).status_code, 404)
        self.client.logout()
        portal_login(self.client, "embargo")
        self.assertIn((self.embargoed.release_id, "en"), self.portal_list())
        response = self.client.get(f"/en/partners/{self.embargoed.release_id}/en/")
        self.assertContains(response, "Embargoed until")
        self.assertEqual(self.client.get(pdf).status_code, 200)

    def test_filters_by_district_and_date(self):
        portal_login(self.client, "dainik")
        everything = self.portal_list()
        self.assertEqual(self.portal_list(district=self.data["varanasi"].lgd_code), everything)
        tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
        self.assertEqual(self.portal_list(date=tomorrow), set())
        # A district outside the grant is not offered; asking for it filters nothing in.
        response = self.client.get("/en/partners/", {"district": self.data["kanchipuram"].lgd_code})
        self.assertContains(response, "Please check the filters.")

    def test_pdf_download_text_and_photos(self):
        portal_login(self.client, "dainik")
        response = self.client.get(f"/en/partners/{self.story.release_id}/en/")
        self.assertContains(response, "Newspaper box (greyscale, PDF/X-1a)")
        self.assertContains(
            response, "being prepared"
        )  # the CMYK box and the A4 release are not rendered here
        self.assertContains(response, "Weavers earned more than ever")  # the body, as text to copy
        self.assertContains(response, "Photo for print")
        before = FetchRecord.objects.count()
        pdf = self.client.get(f"/en/partners/{self.story.release_id}/en/pdf/newsbox-pdf/")
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf["Content-Type"], "application/pdf")
        self.assertEqual(b"".join(pdf.streaming_content), self.newsbox)
        self.assertEqual(FetchRecord.objects.count(), before + 1)  # in the pickup report
        pending = self.client.get(f"/en/partners/{self.story.release_id}/en/pdf/release-pdf/")
        self.assertEqual((pending.status_code, pending["Retry-After"]), (503, "30"))
        hindi = translation_of(self.story, "hi")
        response = self.client.get(f"/hi/partners/{hindi.release_id}/hi/")
        self.assertContains(response, 'dir="ltr"')
        self.assertContains(response, hindi.title)

    def test_logged_out_readers_are_sent_to_the_login(self):
        for url in (
            "/en/partners/",
            f"/en/partners/{self.story.release_id}/en/",
            f"/en/partners/{self.story.release_id}/en/pdf/newsbox-pdf/",
        ):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302)
            self.assertTrue(
                response["Location"].startswith("/en/partners/login/?next="), response["Location"]
            )
        response = self.client.get("/partners/")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], "/en/partners/")

    def test_a_user_linked_to_no_partner_sees_nothing(self):
        portal_login(self.client, "editor")
        response = self.client.get("/en/partners/")
        self.assertContains(response, "not linked to a newspaper", status_code=403)
        self.assertEqual(self.client.get(f"/en/partners/{self.story.release_id}/en/").status_code, 403)

    def test_wrong_passwords_are_throttled_by_axes(self):
        codes = [portal_login(self.client, "dainik", f"wrong-{n}").status_code for n in range(5)]
        self.assertEqual(codes, [200, 200, 200, 200, 429])
        self.assertEqual(portal_login(self.client, "dainik").status_code, 429)
        self.assertIsNone(self.client.session.get("_auth_user_id"))

    def test_the_portal_speaks_the_urls_language_right_to_left_in_urdu(self):
        portal_login(self.client, "dainik", lang="ur")
        response = self.client.get("/ur/partners/")
        self.assertContains(response, '<html lang="ur" dir="rtl">')
        self.assertContains(response, "<h1>آپ کے اخبار کے لیے خبریں</h1>")
        self.assertContains(response, "سائن آؤٹ")

    def test_the_story_list_costs_the_same_queries_for_two_rows_or_six(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        portal_login(self.client, "dainik")
        self.client.get("/en/partners/")  # warm the session and the chrome cache
        counts = []
        for lang in ("en", ""):
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get("/en/partners/", {"lang": lang})
            counts.append((len(response.context["rows"]), len(queries)))
        (two, few), (six, many) = counts
        self.assertEqual((two, six), (2, 6))
        self.assertEqual(few, many)
        self.assertLessEqual(many, 12)
