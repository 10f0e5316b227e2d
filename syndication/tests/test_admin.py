import datetime as dt

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.models import ModelLogEntry

from syndication.models import ApiKey, Partner, PrintRecord
from syndication.tests.content import auth, build_dataset, partner_key


class PartnerAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")

    def setUp(self):
        self.client.force_login(self.admin)

    def test_partner_changes_in_the_admin_land_in_the_audit_log(self):
        add_url = reverse("wagtailsnippets_syndication_partner:add")
        response = self.client.post(
            add_url, {"name": "Hindustan Test", "contact": "desk@example.com", "languages": ["hi", "en"]}
        )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        partner = Partner.objects.get(name="Hindustan Test")
        self.assertEqual(partner.languages, ["hi", "en"])
        edit_url = reverse("wagtailsnippets_syndication_partner:edit", args=[partner.pk])
        self.client.post(edit_url, {"name": "Hindustan Test", "languages": ["hi"], "may_see_embargoed": "on"})
        actions = list(
            ModelLogEntry.objects.filter(object_id=str(partner.pk))
            .order_by("timestamp")
            .values_list("action", flat=True)
        )
        self.assertEqual(actions, ["wagtail.create", "wagtail.edit"])

    def test_issuing_a_key_in_the_admin_shows_it_once_and_stores_its_hash(self):
        partner = Partner.objects.create(name="Jagran Test", languages=["hi"])
        response = self.client.post(
            reverse("wagtailsnippets_syndication_apikey:add"), {"partner": partner.pk, "label": "CMS"}
        )
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        api_key = ApiKey.objects.get(partner=partner)
        start = html.index('<code id="issued-key">') + len('<code id="issued-key">')
        plaintext = html[start : html.index("</code>", start)]
        self.assertTrue(plaintext.startswith(api_key.prefix + "."))
        self.assertNotIn(plaintext.split(".")[1], api_key.hashed_secret)
        self.assertEqual(self.client.get("/api/v1/stories/", **auth(plaintext)).status_code, 200)
        self.assertTrue(
            ModelLogEntry.objects.filter(object_id=str(api_key.pk), action="wagtail.create").exists()
        )


@override_settings(SYNDICATION_RATE_LIMIT="10000/minute")
class PickupReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_dataset(stories=1, languages=())
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
        cls.key = partner_key("Rajasthan Patrika Test", languages=("en",))

    def test_report_shows_who_fetched_and_printed_each_story_with_csv_export(self):
        story = self.data["stories"][0]
        self.client.get(f"/api/v1/stories/{story.release_id}/", **auth(self.key))
        PrintRecord.objects.create(
            partner=Partner.objects.get(name="Rajasthan Patrika Test"),
            page_id=story.pk,
            release_id=story.release_id,
            language="en",
            paper_name="Rajasthan Patrika",
            edition="Jaipur",
            printed_on=dt.date(2024, 2, 1),
            page_number="5",
        )
        self.client.force_login(self.admin)
        html = self.client.get(reverse("syndication_pickup_report")).content.decode()
        self.assertIn(str(story.release_id), html)
        self.assertIn("Rajasthan Patrika Test (1)", html)
        self.assertIn("Rajasthan Patrika, Jaipur", html)
        csv = self.client.get(reverse("syndication_pickup_report") + "?export=csv")
        self.assertEqual(csv["Content-Type"].split(";")[0], "text/csv")
        body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
        self.assertIn("Release ID,Language,Headline,Fetched by,Fetches,Printed by", body)
        self.assertIn(f"{story.release_id},en,", body)
        self.assertIn("2024-02-01, p. 5", body)

    def test_report_is_in_the_reports_menu(self):
        self.client.force_login(self.admin)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertIn(reverse("syndication_pickup_report"), response.content.decode())
