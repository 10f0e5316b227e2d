"""A page in a translated language shows none of the interface's English.

Content is translated through wagtail-localize with a marker (⟦mr⟧ …); with
the content cut out of the page's text, anything that still reads like an
English msgid of the catalogs is untranslated chrome: a label, the dateline
around the office's name, a seller's kind, a marketplace.
"""

import re
from html.parser import HTMLParser

import polib
import pytest

from languages.catalogs import catalog_path
from stories.models import Seller
from tests.factories import SuccessStoryPageFactory, home_page, varanasi_handloom
from tests.translation import translate

LANGUAGES = ("mr", "as", "ur", "ks")
PLACEHOLDER = re.compile(r"%\([^)]+\)[sd]|%[sd]|\{[a-z_]*\}")
VISIBLE_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.nodes: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._skip += 1
        self.nodes.extend(value for name, value in attrs if name in VISIBLE_ATTRIBUTES and value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.nodes.append(data.strip())


def english_chrome(code: str) -> list[tuple[str, re.Pattern]]:
    """The English msgids that `code` translates differently, as patterns that
    find them inside a text node (placeholders match any text)."""
    patterns = []
    for entry in polib.pofile(str(catalog_path(code))):
        forms = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            if msgid in forms or not re.search("[A-Za-z]{3}", PLACEHOLDER.sub("", msgid)):
                continue
            literal = ".+?".join(re.escape(part) for part in PLACEHOLDER.split(msgid))
            patterns.append((msgid, re.compile(rf"(?<![A-Za-z]){literal}(?![A-Za-z])")))
    return patterns


def english_left(html: str, code: str, content: set[str]) -> list[str]:
    """The English msgids in the text of `html` once the translated `content` is cut out."""
    parser = _Text()
    parser.feed(html)
    chrome = []
    for node in parser.nodes:
        for text in sorted(content, key=len, reverse=True):
            node = node.replace(text, " ")
        chrome.append(node)
    return sorted(
        {msgid for node in chrome for msgid, pattern in english_chrome(code) if pattern.search(node)}
    )


@pytest.fixture
def story(db):
    places = varanasi_handloom()
    story = SuccessStoryPageFactory(
        title="Banarasi weavers reach new buyers",
        issuing_office=places.office,
        ministry=places.ministry,
        sector=places.sector,
    )
    Seller.objects.create(
        page=story,
        locale=story.locale,
        name="Varanasi Weavers Collective",
        kind=Seller.Kind.SHG,
        where_to_buy=[("link", {"marketplace": "own", "url": "https://weavers.example/shop"})],
    )
    return story


@pytest.mark.parametrize("code", LANGUAGES)
def test_story_and_home_show_no_english_chrome(client, story, code):
    content = set()

    def marked(text, _path):
        content.add(f"⟦{code}⟧ {text}")
        return f"⟦{code}⟧ {text}"

    translate(home_page(), code, strings=marked)
    translate(story.get_parent(), code, strings=marked)
    translated = translate(story, code, strings=marked)
    for url in (translated.url, f"/{code}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'lang="{code}"' in html, url
        assert english_left(html, code, content) == [], url
    html = client.get(translated.url).content.decode()
    assert ">own<" not in html  # the marketplace's label, not its code


def test_english_left_finds_english_chrome():
    html = '<p><time>Posted On: 31 Jan 2024 by ⟦mr⟧ PIB Delhi</time></p><a aria-label="Skip to main content">x</a>'
    html += "<span>(Release ID: 2001)</span><p>⟦mr⟧ Home and Search</p><p>प्रविष्टी तारीख: 31 जाने</p>"
    found = english_left(html, "mr", {"⟦mr⟧ PIB Delhi", "⟦mr⟧ Home and Search"})
    assert found == [
        "Posted On: %(stamp)s",
        "Posted On: %(stamp)s by %(office)s",
        "Release",
        "Release ID",
        "Release ID: %(id)s",
        "Skip to main content",
    ]
