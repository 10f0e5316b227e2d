import xml.etree.ElementTree as ET

import pytest
from django.test import RequestFactory

from home.tests.content import build_site
from home.views import server_error

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def site(db):
    return build_site(languages=("hi", "ur"), extra_stories=0)


def test_unknown_language_prefix_is_404_not_500(client, site):
    response = client.get("/xx/stories/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_404_page_speaks_the_readers_language(client, site):
    hindi = client.get("/hi/no-such-page/").content.decode()
    assert "पृष्ठ नहीं मिला" in hindi
    assert '<html lang="hi" dir="ltr">' in hindi
    urdu = client.get("/ur/no-such-page/").content.decode()
    assert "صفحہ نہیں ملا" in urdu
    assert '<html lang="ur" dir="rtl">' in urdu


def test_500_page_speaks_the_readers_language_without_the_database():
    request = RequestFactory().get("/ta/stories/broken/")
    response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "சேவையகப் பிழை" in html
    assert '<html lang="ta" dir="ltr">' in html


def test_sitemap_parses_and_lists_every_live_page_with_hreflang_alternates(client, site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    urls = {url.find(f"{SITEMAP}loc").text: url for url in root.findall(f"{SITEMAP}url")}
    story_urls = [loc for loc in urls if "/stories/banarasi-silk/" in loc]
    assert sorted(story_urls) == [
        "http://localhost/en/stories/banarasi-silk/",
        "http://localhost/hi/stories/banarasi-silk/",
        "http://localhost/ur/stories/banarasi-silk/",
    ]
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls["http://localhost/hi/stories/banarasi-silk/"].findall(f"{XHTML}link")
    }
    assert alternates == {
        "en": "http://localhost/en/stories/banarasi-silk/",
        "hi": "http://localhost/hi/stories/banarasi-silk/",
        "ur": "http://localhost/ur/stories/banarasi-silk/",
        "x-default": "http://localhost/en/stories/banarasi-silk/",
    }


def test_sitemap_leaves_out_unpublished_and_embargoed_stories(client, site):
    import datetime as dt

    from django.utils import timezone

    site["translated"]["ur"]["story"].unpublish()
    site["story"].embargo_until = timezone.now() + dt.timedelta(days=1)
    site["story"].save()
    text = client.get("/sitemap.xml").content.decode()
    assert "/ur/stories/banarasi-silk/" not in text
    assert "/en/stories/banarasi-silk/" not in text
    assert "/hi/stories/banarasi-silk/" in text
