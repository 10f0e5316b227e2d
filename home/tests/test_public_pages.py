"""The public site in several languages: switcher, metadata, datelines,
figures, RTL, filters and landing pages."""

import datetime as dt
import json
import re
from html.parser import HTMLParser

from django.test import TestCase

from home import fonts
from home.tests.content import build_site
from stories.models import SuccessStoryPage
from tests.translation import translate


class _Collector(HTMLParser):
    """Collects <link>, <meta>, <html> and JSON-LD from a page."""

    def __init__(self):
        super().__init__()
        self.links, self.metas, self.html_attrs, self.json_ld = [], [], {}, []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.metas.append(attrs)
        elif tag == "html":
            self.html_attrs = attrs
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)


def parse(response) -> _Collector:
    collector = _Collector()
    collector.feed(response.content.decode())
    return collector


class PublicPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site(languages=("hi", "ta", "bn", "ur", "ks", "sd"))
        cls.story = cls.site["story"]
        cls.hindi = cls.site["translated"]["hi"]["story"]
        # A Telugu translation saved as a draft: it must not be offered.
        translate(cls.story, "te", publish=False)
        # Tamil is published, then unpublished: not offered either.
        cls.site["translated"]["ta"]["story"].unpublish()

    def html(self, page) -> str:
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def switcher(self, html: str) -> str:
        return re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)

    def test_switcher_lists_only_live_translations_in_their_own_script(self):
        switcher = self.switcher(self.html(self.hindi))
        for native in ("English", "हिन्दी", "বাংলা", "اردو"):
            self.assertIn(native, switcher)
        self.assertNotIn("தமிழ்", switcher)  # unpublished
        self.assertNotIn("తెలుగు", switcher)  # draft only
        self.assertIn('href="/ur/stories/banarasi-silk/" hreflang="ur" lang="ur" dir="rtl"', switcher)
        self.assertIn('<span lang="hi" dir="ltr" aria-current="true">हिन्दी</span>', switcher)

    def test_switcher_keeps_reader_on_the_same_story(self):
        switcher = self.switcher(self.html(self.story))
        urls = re.findall(r'href="([^"]+)"', switcher)
        self.assertTrue(urls)
        self.assertTrue(all(url.endswith("/stories/banarasi-silk/") for url in urls), urls)

    def test_hreflang_canonical_and_json_ld_are_valid(self):
        page = parse(self.client.get(self.hindi.url))
        canonical = [link["href"] for link in page.links if link.get("rel") == "canonical"]
        self.assertEqual(canonical, ["http://localhost/hi/stories/banarasi-silk/"])
        hreflangs = {
            link["hreflang"]: link["href"]
            for link in page.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }
        self.assertEqual(set(hreflangs), {"en", "hi", "bn", "ur", "ks", "sd", "x-default"})
        self.assertEqual(hreflangs["x-default"], "http://localhost/en/stories/banarasi-silk/")
        self.assertEqual(len(page.json_ld), 1)
        data = json.loads(page.json_ld[0])
        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["inLanguage"], "hi")
        self.assertEqual(data["headline"], "बनारसी रेशम बुनकरों को नए बाज़ार मिले")
        self.assertEqual(data["identifier"], "2000861")
        self.assertTrue(data["datePublished"].startswith("2024-01-31T08:12:00"))
        metas = {m.get("property") or m.get("name"): m.get("content") for m in page.metas}
        self.assertEqual(metas["og:locale"], "hi_IN")
        self.assertEqual(metas["og:type"], "article")
        self.assertEqual(metas["og:url"], "http://localhost/hi/stories/banarasi-silk/")
        self.assertTrue(metas["og:image"].endswith(".jpg"))
        self.assertEqual(metas["twitter:card"], "summary_large_image")

    def test_json_ld_cannot_break_out_of_its_script(self):
        story = SuccessStoryPage.objects.get(pk=self.story.pk)
        story.title = "</script><script>alert(1)</script>"
        story.save_revision().publish()
        page = parse(self.client.get(story.url))
        self.assertEqual(json.loads(page.json_ld[0])["headline"], "</script><script>alert(1)</script>")

    def test_english_dateline_matches_pib(self):
        self.assertIn("Posted On: 31 JAN 2024 1:42PM by PIB Delhi", self.html(self.story))

    def test_hindi_dateline_has_hindi_month_and_office(self):
        html = self.html(self.hindi)
        self.assertIn("प्रविष्टि तिथि: 31 जनवरी 2024", html)
        self.assertIn("पीआईबी दिल्ली", html)

    def test_key_figures_use_indian_grouping_and_editors_unit(self):
        html = self.html(self.hindi)
        self.assertIn("12,34,567", html)
        self.assertIn("12.5</bdi> लाख", html)
        self.assertIn("450</bdi> करोड़", html)

    def test_rtl_languages_mirror(self):
        for code in ("ur", "ks", "sd"):
            with self.subTest(code=code):
                response = self.client.get(self.site["translated"][code]["story"].url)
                self.assertEqual(response.status_code, 200, self.site["translated"][code]["story"].url)
                page = parse(response)
                self.assertEqual(page.html_attrs, {"lang": code, "dir": "rtl"})
        self.assertEqual(parse(self.client.get(self.hindi.url)).html_attrs["dir"], "ltr")

    def test_urdu_page_declares_only_latin_and_nastaliq_fonts(self):
        html = self.html(self.site["translated"]["ur"]["story"])
        # One stylesheet file per script, no inline style (Content-Security-Policy).
        self.assertIn('<link rel="stylesheet" href="/static/fonts/Aran.css">', html)
        self.assertNotIn("<style", html)
        faces = set(re.findall(r'@font-face\{font-family:"([^"]+)"', fonts.stylesheet("Aran")))
        self.assertEqual(faces, {"Noto Sans", "Noto Nastaliq Urdu"})
        self.assertIn("اردو", html)

    def test_story_links_to_landing_pages_and_related_stories(self):
        html = self.html(self.story)
        for url in (
            "/en/stories/district/187/",
            "/en/stories/state/9/",
            "/en/stories/sector/handloom-textiles/",
        ):
            self.assertIn(f'href="{url}"', html)
            self.assertEqual(self.client.get(url).status_code, 200, url)
        self.assertIn("Related stories", html)
        self.assertIn("Weavers story 0", html)
        self.assertIn("Release ID: 2000861", html)
        self.assertIn("Visitor Counter", html)

    def test_landing_page_in_hindi_lists_hindi_story(self):
        response = self.client.get("/hi/stories/district/187/")
        html = response.content.decode()
        self.assertIn("<h1>वाराणसी</h1>", html)
        self.assertIn("बनारसी रेशम बुनकरों को नए बाज़ार मिले", html)

    def test_unknown_landing_gives_404(self):
        self.assertEqual(self.client.get("/en/stories/district/999999/").status_code, 404)
        self.assertEqual(self.client.get("/en/stories/planet/mars/").status_code, 404)

    def test_index_filters_live_in_url_and_pagination_keeps_them(self):
        for n in range(14):
            from tests.factories import SuccessStoryPageFactory

            extra = SuccessStoryPageFactory(
                parent=self.site["index"], sector=self.site["sector"], slug=f"bulk-{n}"
            )
            extra.districts.set([self.site["district"]])
            extra.save()
        response = self.client.get("/en/stories/?district=187&sector=handloom-textiles")
        html = response.content.decode()
        self.assertIn('<option value="187" selected>Varanasi</option>', html)
        self.assertIn("17 stories", html)
        self.assertIn('href="?district=187&amp;sector=handloom-textiles&amp;page=2"', html)
        second = self.client.get("/en/stories/?district=187&sector=handloom-textiles&page=2").content.decode()
        self.assertIn("Page 2 of 2", second)
        # Unknown values are ignored, not an error.
        self.assertEqual(self.client.get("/en/stories/?sector=nothing-here&state=x&page=99").status_code, 200)

    def test_home_shows_latest_browse_and_workshops(self):
        html = self.html(self.site["translated"]["hi"]["home"])
        self.assertIn("नवीनतम कहानियाँ", html)
        self.assertIn('href="/hi/stories/state/9/"', html)
        self.assertIn('href="/hi/stories/sector/handloom-textiles/"', html)
        self.assertIn("ओडीओपी संपर्क लखनऊ", html)

    def test_workshop_page_shows_date_in_its_language(self):
        html = self.html(self.site["translated"]["ta"]["workshop"])
        self.assertIn("20 ஜனவரி, 2024", html)

    def test_gigw_owner_skip_link_and_date_on_every_card(self):
        html = self.html(self.site["index"])
        self.assertIn('class="skip-link" href="#main"', html)
        self.assertIn("Press Information Bureau", html)
        self.assertEqual(html.count('class="card"'), html.count("<time datetime="))


class ListingQueryCountTests(TestCase):
    """Listings cost the same number of queries whatever their length."""

    @classmethod
    def setUpTestData(cls):
        cls.site = build_site(languages=("hi",), extra_stories=1)

    def count_queries(self, url: str) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(captured.captured_queries)

    def test_index_and_home_queries_do_not_grow_with_stories(self):
        from tests.factories import SuccessStoryPageFactory

        index_url, home_url = self.site["index"].url, self.site["home"].url
        self.count_queries(index_url)
        self.count_queries(home_url)
        before = (self.count_queries(index_url), self.count_queries(home_url))
        for n in range(8):
            story = SuccessStoryPageFactory(
                parent=self.site["index"],
                sector=self.site["sector"],
                slug=f"more-{n}",
                posted_at=dt.datetime(2023, 6, 1 + n, tzinfo=dt.UTC),
            )
            story.districts.set([self.site["district"]])
            story.save()
        after = (self.count_queries(index_url), self.count_queries(home_url))
        self.assertEqual(before, after)
