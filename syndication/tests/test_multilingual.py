import datetime as dt
import json
from pathlib import Path

import feedparser
from django.conf import settings
from django.test import TestCase, override_settings
from django.utils import timezone
from jsonschema import Draft202012Validator

from syndication.tests.content import (
    LANGUAGES,
    MARKERS,
    auth,
    build_dataset,
    partner_key,
    publish_story,
    translation_of,
)

SCHEMA = json.loads((Path(__file__).parent / "schema" / "ninjs-schema_3.1.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(item: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(item)]


@override_settings(SYNDICATION_RATE_LIMIT="10000/minute")
class MultilingualTests(TestCase):
    """One dataset in en, hi, ta, ur, bn for the ninjs schema and the feeds."""

    @classmethod
    def setUpTestData(cls):
        cls.data = build_dataset(stories=2)
        cls.key = partner_key("All languages", languages=("en", *LANGUAGES))

    def fetch_all(self, lang):
        response = self.client.get("/api/v1/stories/", {"lang": lang}, **auth(self.key))
        self.assertEqual(response.status_code, 200, response.content)
        return response.json()["items"]

    def test_schema_declares_draft_2020_12_and_checks_formats(self):
        self.assertEqual(SCHEMA["$schema"], "https://json-schema.org/draft/2020-12/schema")
        self.assertTrue(schema_errors({"uri": "not a uri", "versionCreated": "yesterday"}))

    def test_every_item_in_every_language_validates_against_ninjs_3_1(self):
        for lang in ("en", *LANGUAGES):
            items = self.fetch_all(lang)
            self.assertEqual(len(items), 3, lang)
            for item in items:
                self.assertEqual(schema_errors(item), [], f"{lang}: {item['uri']}")
                self.assertEqual(item["language"], lang)

    def test_item_carries_the_fields_newspapers_need(self):
        story = self.data["stories"][0]
        response = self.client.get(f"/api/v1/stories/{story.release_id}/", {"lang": "hi"}, **auth(self.key))
        item = response.json()
        self.assertEqual(item["uri"], f"tag:pib.gov.in,2024:odop/story/{story.release_id}/hi")
        self.assertEqual(item["altIds"], [{"role": "pib-release-id", "value": str(story.release_id)}])
        self.assertEqual(item["pubStatus"], "usable")
        roles = [h["role"] for h in item["headlines"]]
        self.assertEqual(roles, ["main", "sub"])
        self.assertTrue(item["headlines"][0]["value"].startswith("हिंदी"))
        self.assertEqual({b["contentType"] for b in item["bodies"]}, {"text/html", "text/plain"})
        text = next(b["value"] for b in item["bodies"] if b["contentType"] == "text/plain")
        self.assertIn("12,34,567", text)  # Indian digit grouping
        self.assertNotIn("<", text)
        self.assertEqual(item["descriptions"][0]["role"], "summary")
        places = {(p["rel"], p["literal"]) for p in item["places"]}
        self.assertEqual(places, {("state", "lgd:state:9"), ("district", "lgd:district:187")})
        self.assertTrue(all(p["name"].startswith("हिंदी") for p in item["places"]))
        rels = [s["rel"] for s in item["subjects"]]
        self.assertEqual(rels, ["sector", "product", "gi-tag"])
        self.assertTrue(item["by"].startswith("हिंदी"))
        self.assertIn("copyrightHolder", item)
        self.assertIn("usageTerms", item)
        names = [r["name"] for r in item["renditions"]]
        self.assertEqual(names, ["web", "web-image", "print-image"])
        print_image = item["renditions"][2]
        self.assertIn("300 dpi", print_image["title"])
        associations = {a["name"]: a for a in item["associations"]}
        self.assertEqual(associations["hero"]["type"], "picture")
        self.assertIn("body-image-1", associations)
        translations = sorted(a["language"] for a in item["associations"] if a["rel"] == "translation")
        self.assertEqual(translations, ["bn", "en", "ta", "ur"])
        self.assertNotIn("embargoedUntil", item)

    def test_urdu_item_is_in_urdu(self):
        items = self.fetch_all("ur")
        self.assertTrue(items[0]["headlines"][0]["value"].startswith("اردو"))
        self.assertEqual(schema_errors(items[0]), [])

    # --- Atom feeds ---------------------------------------------------------------------

    def test_feeds_parse_without_errors_in_hindi_urdu_tamil_and_english(self):
        for lang in ("hi", "ur", "ta", "en"):
            response = self.client.get(f"/{lang}/feeds/stories.atom")
            self.assertEqual(response.status_code, 200, lang)
            self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))
            feed = feedparser.parse(response.content)
            self.assertFalse(feed.bozo, f"{lang}: {feed.get('bozo_exception')}")
            self.assertEqual(feed.feed.language, lang)
            self.assertEqual(len(feed.entries), 3, lang)
            entry = next(e for e in feed.entries if e.enclosures)
            if lang != "en":
                self.assertTrue(entry.title.startswith(MARKERS[lang]), entry.title)
            self.assertIn("GeM", entry.summary)
            self.assertIn("<h2>", entry.content[0].value)
            self.assertTrue(entry.id.startswith("tag:pib.gov.in,2024:odop/story/"))
            self.assertTrue(entry.enclosures[0].type.startswith("image/"))
            self.assertTrue(entry.link.startswith(f"http://localhost/{lang}/"))

    @override_settings(ALLOWED_HOSTS=["localhost", "www.odop.example"])  # a site served under two names
    def test_feed_dates_are_the_release_and_the_last_correction_and_ids_ignore_the_host(self):
        feeds = [
            feedparser.parse(self.client.get("/hi/feeds/stories.atom", HTTP_HOST=host).content)
            for host in ("localhost", "www.odop.example")
        ]
        pages = {
            page.title: page
            for page in (translation_of(p, "hi") for p in [*self.data["stories"], self.data["tn_story"]])
        }
        for feed in feeds:
            for entry in feed.entries:
                story = pages[entry.title]
                self.assertEqual(
                    dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC),
                    story.posted_at.replace(microsecond=0),
                )
                self.assertEqual(
                    dt.datetime(*entry.updated_parsed[:6], tzinfo=dt.UTC),
                    story.last_published_at.replace(microsecond=0),
                )
        self.assertEqual(feeds[0].feed.id, feeds[1].feed.id)
        self.assertEqual([e.id for e in feeds[0].entries], [e.id for e in feeds[1].entries])
        self.assertEqual([e.link for e in feeds[0].entries], [e.link for e in feeds[1].entries])

    def test_feed_filters_by_state_sector_district_and_product(self):
        def count(query):
            return len(feedparser.parse(self.client.get(f"/hi/feeds/stories.atom?{query}").content).entries)

        self.assertEqual(count("state=33"), 1)
        self.assertEqual(count("state=9"), 2)
        self.assertEqual(count("district=575"), 1)
        self.assertEqual(count("sector=handloom-textiles"), 3)
        self.assertEqual(count("sector=food-processing"), 0)
        self.assertEqual(count(f"product={self.data['kanchi'].translation_key}"), 1)
        for bad in ("state=abc", "sector=nope", "product=xyz", "district=99999999999999999999999"):
            self.assertEqual(self.client.get(f"/hi/feeds/stories.atom?{bad}").status_code, 400, bad)

    def test_feed_answers_conditional_get_with_304(self):
        first = self.client.get("/ur/feeds/stories.atom")
        self.assertEqual(
            self.client.get("/ur/feeds/stories.atom", HTTP_IF_NONE_MATCH=first["ETag"]).status_code, 304
        )
        self.assertEqual(
            self.client.get(
                "/ur/feeds/stories.atom", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
            ).status_code,
            304,
        )
        translation_of(self.data["stories"][0], "ur").save_revision().publish()
        self.assertEqual(
            self.client.get("/ur/feeds/stories.atom", HTTP_IF_NONE_MATCH=first["ETag"]).status_code, 200
        )

    def test_embargoed_story_stays_out_of_the_public_feed(self):
        publish_story(
            index=self.data["index"],
            n=500,
            sector=self.data["sector"],
            district=self.data["varanasi"],
            product=self.data["silk"],
            embargo_until=timezone.now() + dt.timedelta(hours=2),
        )
        feed = feedparser.parse(self.client.get("/en/feeds/stories.atom").content)
        self.assertEqual(len(feed.entries), 3)
        self.assertNotIn("500", " ".join(entry.title for entry in feed.entries))

    def test_public_pages_link_their_languages_feed(self):
        page = translation_of(self.data["stories"][0], "ur")
        html = self.client.get(page.url).content.decode()
        self.assertIn('<link rel="alternate" type="application/atom+xml" hreflang="ur"', html)
        # absolute, from SITE_URL: Lighthouse's hreflang audit rejects a relative href
        self.assertIn(f'href="{settings.SITE_URL.rstrip("/")}/ur/feeds/stories.atom"', html)
