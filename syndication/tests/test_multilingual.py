import json
from pathlib import Path

from django.test import TestCase, override_settings
from jsonschema import Draft202012Validator

from syndication.tests.content import LANGUAGES, auth, build_dataset, partner_key

SCHEMA = json.loads((Path(__file__).parent / "schema" / "ninjs-schema_3.1.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(item: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(item)]


@override_settings(SYNDICATION_RATE_LIMIT="10000/minute")
class NinjsItemsTests(TestCase):
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
