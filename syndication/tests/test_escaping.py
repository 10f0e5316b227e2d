"""Every feed and API field is escaped by what it is (syndication/escaping.py):
plain text arrives as that text, rich text as sanitised HTML."""

import feedparser
import pytest

from syndication.escaping import ninjs_fields, sanitised_html, xml_text
from syndication.tests.content import auth, partner_key
from tests.factories import SuccessStoryPageFactory

pytestmark = pytest.mark.django_db

HOSTILE = "<img src=x onerror=alert(1)>"
APOSTROPHE = "A weaving family's new market & more"
# Rich text that never went through Wagtail's editor whitelist (an import, a script).
INJECTED_BODY = (
    '<p>Loom <script>alert(1)</script><a href="javascript:alert(2)" onclick="alert(3)">here</a>'
    '<a href="https://pib.gov.in/">PIB</a><iframe src="https://evil.example/"></iframe></p>'
)


@pytest.fixture
def hostile_story():
    story = SuccessStoryPageFactory(
        title=f"{APOSTROPHE} \x0b",
        summary=f"{HOSTILE} {APOSTROPHE}",
        body=[("paragraph", INJECTED_BODY)],
        live=False,
    )
    story.save_revision().publish()
    return story


def test_atom_summary_is_text_that_a_feed_reader_shows_as_written(client, hostile_story):
    response = client.get("/en/feeds/stories.atom")
    assert response.status_code == 200
    assert b'<summary type="text">&lt;img src=x onerror=alert(1)&gt;' in response.content
    feed = feedparser.parse(response.content)
    entry = next(entry for entry in feed.entries if "family" in entry.title)
    assert entry.summary_detail.type == "text/plain"
    assert entry.summary == f"{HOSTILE} {APOSTROPHE}"
    assert entry.title == APOSTROPHE  # the vertical tab XML cannot carry is dropped
    content = entry.content[0]
    assert content.type == "text/html"
    assert "<script" not in content.value and "alert(1)" not in content.value
    assert (
        "javascript:" not in content.value
        and "onclick" not in content.value
        and "iframe" not in content.value
    )
    assert '<a href="https://pib.gov.in/"' in content.value


def test_api_plain_text_fields_carry_no_entities_and_html_bodies_are_sanitised(client, hostile_story):
    key = partner_key("Desk", languages=("en",))
    response = client.get(f"/api/v1/stories/{hostile_story.release_id}/", {"lang": "en"}, **auth(key))
    assert response.status_code == 200, response.content
    item = response.json()
    assert item["descriptions"] == [
        {"role": "summary", "contentType": "text/plain", "value": f"{HOSTILE} {APOSTROPHE}"}
    ]
    assert item["headlines"][0]["value"].startswith(APOSTROPHE)
    bodies = {body["contentType"]: body["value"] for body in item["bodies"]}
    assert bodies["text/plain"] == "Loom alert(1)herePIB"
    assert "family&#x27;s" not in response.content.decode() and "&amp;" not in bodies["text/plain"]
    assert "<script" not in bodies["text/html"] and "javascript:" not in bodies["text/html"]
    assert "onclick" not in bodies["text/html"] and "<iframe" not in bodies["text/html"]
    assert '<a href="https://pib.gov.in/" rel="noopener noreferrer">PIB</a>' in bodies["text/html"]


def test_field_types_escape_by_what_they_are():
    assert xml_text("a\x00b\x1fc\ufffe & <d>") == "abc & <d>"
    assert sanitised_html('<ul class="key-figures"><li><strong>1</strong> x</li></ul>') == (
        '<ul class="key-figures"><li><strong>1</strong> x</li></ul>'
    )
    assert sanitised_html('<figure><img src="https://x/i.jpg" alt="a" onerror="x"></figure>') == (
        '<figure><img src="https://x/i.jpg" alt="a"></figure>'
    )
    item = {
        "headlines": [{"role": "main", "value": "family's"}],
        "bodies": [{"contentType": "text/html", "value": "<p>ok<script>x</script></p>"}],
        "renditions": [{"contentType": "text/html", "href": "https://x/"}],
    }
    assert ninjs_fields(item) == {
        "headlines": [{"role": "main", "value": "family's"}],
        "bodies": [{"contentType": "text/html", "value": "<p>ok</p>"}],
        "renditions": [{"contentType": "text/html", "href": "https://x/"}],
    }
