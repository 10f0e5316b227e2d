"""Landing pages (state, district, sector, product) as search engines see
them: their own title, description, canonical and hreflang set, and their
entries in the sitemap."""

import xml.etree.ElementTree as ET

from django.test import TestCase

from home.tests.content import build_site
from home.tests.test_public_pages import parse

SITE = "http://localhost"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


class LandingPageMetadataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site(languages=("hi", "ur"), extra_stories=0)

    def head(self, url: str) -> dict:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        collected = parse(response)
        html = response.content.decode()
        title = html[html.index("<title>") + 7 : html.index("</title>")]
        links = collected.links
        return {
            "title": title,
            "canonical": [link["href"] for link in links if link.get("rel") == "canonical"],
            "hreflang": {
                link["hreflang"]: link["href"]
                for link in links
                if link.get("hreflang") and not link.get("type")
            },
            "metas": {
                meta.get("name") or meta.get("property"): meta.get("content") for meta in collected.metas
            },
        }

    def test_district_landing_has_its_own_title_canonical_and_hreflang_in_en_hi_ur(self):
        expected_titles = {
            "en": "Success stories from Varanasi | ODOP Success Stories",
            "hi": "वाराणसी की सफलता की कहानियाँ | ओडीओपी सफलता की कहानियाँ",
            "ur": "وارانسی کی کامیابی کی کہانیاں | او ڈی او پی کامیابی کی کہانیاں",
        }
        alternates = {
            "en": f"{SITE}/en/stories/district/187/",
            "hi": f"{SITE}/hi/stories/district/187/",
            "ur": f"{SITE}/ur/stories/district/187/",
            "x-default": f"{SITE}/en/stories/district/187/",
        }
        for code, title in expected_titles.items():
            with self.subTest(code):
                head = self.head(f"/{code}/stories/district/187/?page=1")
                self.assertEqual(head["title"], title)
                self.assertEqual(head["canonical"], [f"{SITE}/{code}/stories/district/187/"])
                self.assertEqual(head["hreflang"], alternates)
                description = title.split(" | ")[0]
                self.assertEqual(head["metas"]["description"], description)
                self.assertEqual(head["metas"]["og:description"], description)
                self.assertEqual(head["metas"]["og:url"], f"{SITE}/{code}/stories/district/187/")

    def test_state_and_sector_landings_name_themselves_not_the_index(self):
        state = self.head("/hi/stories/state/9/")
        self.assertEqual(state["canonical"], [f"{SITE}/hi/stories/state/9/"])
        self.assertEqual(state["hreflang"]["ur"], f"{SITE}/ur/stories/state/9/")
        sector = self.head("/ur/stories/sector/handloom-textiles/")
        self.assertTrue(sector["title"].startswith("ہتھ کرگھا اور کپڑا کی کامیابی کی کہانیاں"))
        self.assertEqual(sector["canonical"], [f"{SITE}/ur/stories/sector/handloom-textiles/"])
        index = self.head("/ur/stories/")
        self.assertNotEqual(index["title"], sector["title"])
        self.assertEqual(index["canonical"], [f"{SITE}/ur/stories/"])

    def test_product_landing_names_the_product_in_each_language_by_its_own_id(self):
        product = self.site["product"]
        hindi = self.site["translated"]["hi"]
        hindi_product = type(product).objects.get(
            translation_key=product.translation_key, locale__language_code="hi"
        )
        self.assertNotEqual(hindi_product.pk, product.pk)
        # The English id under /hi/ still finds the product; its canonical is the Hindi one.
        head = self.head(f"/hi/stories/product/{product.pk}/")
        self.assertEqual(head["canonical"], [f"{SITE}/hi/stories/product/{hindi_product.pk}/"])
        self.assertEqual(head["hreflang"]["en"], f"{SITE}/en/stories/product/{product.pk}/")
        self.assertEqual(head["hreflang"]["hi"], f"{SITE}/hi/stories/product/{hindi_product.pk}/")
        self.assertEqual(head["hreflang"]["x-default"], f"{SITE}/en/stories/product/{product.pk}/")
        self.assertIn(hindi["index"].title, self.client.get(head["hreflang"]["hi"]).content.decode())

    def test_landing_without_stories_in_its_language_is_not_indexed(self):
        self.assertNotIn('name="robots"', self.client.get("/ur/stories/district/187/").content.decode())
        self.site["translated"]["ur"]["story"].unpublish()
        self.assertIn(
            '<meta name="robots" content="noindex">',
            self.client.get("/ur/stories/district/187/").content.decode(),
        )

    def test_sitemap_lists_landings_with_stories_and_their_alternates(self):
        self.site["translated"]["ur"]["story"].unpublish()  # Urdu: no story for these landings now
        root = ET.fromstring(self.client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
        urls = {url.find(f"{SITEMAP}loc").text: url for url in root.findall(f"{SITEMAP}url")}
        product = self.site["product"]
        hindi_product = type(product).objects.get(
            translation_key=product.translation_key, locale__language_code="hi"
        )
        for code in ("en", "hi"):
            for path in ("state/9/", "district/187/", "sector/handloom-textiles/"):
                self.assertIn(f"{SITE}/{code}/stories/{path}", urls)
        self.assertIn(f"{SITE}/en/stories/product/{product.pk}/", urls)
        self.assertIn(f"{SITE}/hi/stories/product/{hindi_product.pk}/", urls)
        self.assertNotIn(f"{SITE}/ur/stories/district/187/", urls)
        entry = urls[f"{SITE}/hi/stories/district/187/"]
        alternates = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")}
        # The same set as the page's own <link rel="alternate">s.
        self.assertEqual(alternates, self.head("/hi/stories/district/187/")["hreflang"])
        self.assertEqual(alternates["x-default"], f"{SITE}/en/stories/district/187/")
        self.assertIsNotNone(entry.find(f"{SITEMAP}lastmod"))
