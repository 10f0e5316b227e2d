"""One site URL: canonical, hreflang, og:image, JSON-LD, the sitemap, Atom
feeds and the partner API name the site by SITE_URL, whatever Host header a
request carries; `configure_site` (and every migrate) writes SITE_URL into
the Wagtail Site so Wagtail's own full URLs agree."""

import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.models import Site

from core.apps import after_migrate
from core.site import absolute_url, configure_default_site, page_url
from syndication.tests.content import auth, build_dataset, partner_key, translation_of

SITE_URL = "https://odop.example.gov.in"
HOSTS = ("localhost", "attacker.example", "127.0.0.1:8000")
URL_ATTRIBUTES = re.compile(
    r'<link rel="(?:canonical|alternate)"(?: hreflang="[^"]+")? href="(https?://[^"]+)"'
    r'|<meta (?:property|name)="(?:og:url|og:image|twitter:image)" content="([^"]+)"'
    r'|"(?:url|@id)":"(https?://[^"]+)"'
)


def absolute_urls_in(html: str) -> list[str]:
    return [next(group for group in match.groups() if group) for match in URL_ATTRIBUTES.finditer(html)]


@override_settings(SITE_URL=SITE_URL, ALLOWED_HOSTS=["*"], SYNDICATION_RATE_LIMIT="10000/minute")
class AbsoluteUrlsIgnoreTheHostHeader(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_dataset(stories=2, languages=("hi",))
        configure_default_site()
        cls.story = cls.data["stories"][0]
        cls.hindi = translation_of(cls.story, "hi")
        cls.key = partner_key("Any desk", languages=("en", "hi"))
        image = cls.data["image"]
        with image.open_file() as original:
            cls.image_file = (image.file.name, original.read())

    def setUp(self):
        # Each test has its own MEDIA_ROOT (conftest): put the original back.
        name, content = self.image_file
        self.assertEqual(default_storage.save(name, ContentFile(content)), name)

    def per_host(self, url: str, **extra) -> dict[str, bytes]:
        answers = {}
        for host in HOSTS:
            response = self.client.get(url, HTTP_HOST=host, **extra)
            self.assertEqual(response.status_code, 200, (host, url))
            answers[host] = response.content
        return answers

    def assert_same_for_every_host(self, answers: dict, extract) -> list[str]:
        seen = {host: extract(content) for host, content in answers.items()}
        first = seen[HOSTS[0]]
        for host in HOSTS[1:]:
            self.assertEqual(seen[host], first, host)
        return first

    def test_story_page_links_canonical_hreflang_og_image_and_json_ld_under_site_url(self):
        urls = self.assert_same_for_every_host(
            self.per_host(self.hindi.url), lambda content: absolute_urls_in(content.decode())
        )
        canonical = f"{SITE_URL}/hi/stories/{self.hindi.slug}/"
        self.assertIn(canonical, urls)
        self.assertTrue(any(url.startswith(f"{SITE_URL}/media/images/") for url in urls), urls)
        self.assertGreaterEqual(len(urls), 6)
        self.assertTrue(all(url.startswith(SITE_URL) or "pib.gov.in" in url for url in urls), urls)

    def test_sitemap_locations_and_alternates_are_under_site_url(self):
        def locations(content):
            root = ET.fromstring(content)  # noqa: S314 - our own sitemap
            return sorted(
                element.text or element.get("href")
                for element in root.iter()
                if element.text or element.get("href")
            )

        urls = [
            url
            for url in self.assert_same_for_every_host(self.per_host("/sitemap.xml"), locations)
            if "://" in url
        ]
        self.assertIn(f"{SITE_URL}/hi/stories/{self.hindi.slug}/", urls)
        self.assertTrue(all(url.startswith(SITE_URL) for url in urls), urls)

    def test_feed_id_links_and_enclosures_are_under_site_url(self):
        def identifiers(content):
            feed = feedparser.parse(content)
            links = [feed.feed.id, feed.feed.link, *(link.href for link in feed.feed.links)]
            for entry in feed.entries:
                links += [entry.id, entry.link, *(link.href for link in entry.links)]
            return links

        urls = self.assert_same_for_every_host(self.per_host("/en/feeds/stories.atom"), identifiers)
        self.assertIn(f"{SITE_URL}/en/feeds/stories.atom", urls)
        self.assertIn(f"{SITE_URL}/en/stories/{self.story.slug}/", urls)
        self.assertTrue(all(url.startswith((SITE_URL, "tag:")) for url in urls), urls)

    def test_api_renditions_and_next_page_are_under_site_url(self):
        def hrefs(content):
            import json

            answer = json.loads(content)
            found = [answer["next"]]
            for item in answer["items"]:
                found += [rendition["href"] for rendition in item.get("renditions", [])]
            return found

        urls = self.assert_same_for_every_host(
            self.per_host("/api/v1/stories/?lang=en&limit=1", **auth(self.key)), hrefs
        )
        self.assertTrue(urls[0].startswith(f"{SITE_URL}/api/v1/stories/?"), urls)
        self.assertTrue(any(url.startswith(f"{SITE_URL}/en/stories/") for url in urls), urls)
        self.assertTrue(all(url.startswith(SITE_URL) for url in urls), urls)

    def test_wagtail_full_urls_agree_with_site_url_once_configured(self):
        self.assertEqual(Site.objects.get(is_default_site=True).root_url, SITE_URL)
        for page in (self.story, self.hindi, self.data["index"]):
            self.assertEqual(page.get_full_url(), page_url(page))


def test_absolute_url_puts_paths_under_site_url_and_keeps_urls_with_an_origin(settings):
    settings.SITE_URL = SITE_URL
    assert absolute_url("/hi/stories/x/?a=1") == f"{SITE_URL}/hi/stories/x/?a=1"
    assert absolute_url("https://cdn.example/media/a.jpg") == "https://cdn.example/media/a.jpg"
    assert absolute_url("//cdn.example/media/a.jpg") == "https://cdn.example/media/a.jpg"
    with pytest.raises(ValueError, match="starting with '/'"):
        absolute_url("media/a.jpg")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("site_url", "hostname", "port", "root_url"),
    [
        ("https://odop.example.gov.in", "odop.example.gov.in", 443, "https://odop.example.gov.in"),
        ("http://127.0.0.1:8000", "127.0.0.1", 8000, "http://127.0.0.1:8000"),
        ("http://ODOP.example.gov.in/", "odop.example.gov.in", 80, "http://odop.example.gov.in"),
    ],
)
def test_configure_site_writes_site_url_into_the_default_site_once(
    settings, capsys, site_url, hostname, port, root_url
):
    settings.SITE_URL = site_url
    call_command("configure_site")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (hostname, port, root_url)
    assert "updated" in capsys.readouterr().out
    call_command("configure_site")
    assert "unchanged" in capsys.readouterr().out
    assert Site.objects.count() == 1


@pytest.mark.django_db
def test_every_migrate_configures_the_site(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    after_migrate(sender=None, using="default", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"
