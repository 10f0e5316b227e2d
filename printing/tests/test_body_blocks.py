"""Print asks each body block for its print rendering: every kind of block
reaches the PDF, body photos only where print supplies them."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils.html import escape

from printing.services.content import print_story
from printing.services.render import render_newsbox, render_release

from . import pdfcheck, stories

pytestmark = pytest.mark.django_db

HOSTILE = '<img src=x onerror=alert(1)> family\'s "quote" & co'


def every_block(image) -> list:
    return [
        ("paragraph", "<p>Artisans of the district found buyers on GeM and ONDC.</p>"),
        ("paragraph", "<p></p>"),  # prints nothing
        ("heading", "Weavers earned more than ever"),
        ("quote", {"quote": "ODOP gave our looms a market.", "speaker": "Sunita Devi"}),
        (
            "key_figures",
            [
                {"value": Decimal("1234567"), "unit": "", "label": "weavers trained"},
                {"value": Decimal("12.5"), "unit": "lakh", "label": "turnover"},
            ],
        ),
        ("list", ["Training", "Design support", "Market access"]),
        ("image", {"image": image, "caption": "At the loom in Chanderi", "credit": "PIB Bhopal"}),
    ]


@dataclass(frozen=True)
class FakePhoto:
    url: str


def test_every_block_prints_and_body_photos_come_from_the_caller():
    story = stories.english_story(body=every_block(stories.jpeg_image()), run_on_commit=False)
    without_photos = print_story(story)
    assert len(without_photos.body) == 5  # the empty paragraph and the image print nothing
    assert not any("<figure" in html for html in without_photos.body)
    assert "<li>12,34,567 weavers trained</li>" in without_photos.body[3]

    given = []

    def body_photo(figure):
        given.append(figure)
        return FakePhoto(url="file:///p.jpg")

    with_photos = print_story(story, body_photo=body_photo)
    assert len(with_photos.body) == 6
    assert with_photos.body[-1].startswith('<figure><img src="file:///p.jpg" alt="">')
    assert [figure.title for figure in given] == ["Weavers at work"]


def test_hostile_text_is_escaped_in_print():
    story = stories.english_story(
        body=[("heading", HOSTILE), ("quote", {"quote": HOSTILE, "speaker": HOSTILE}), ("list", [HOSTILE])],
        run_on_commit=False,
    )
    body = print_story(story).body
    assert all(escape(HOSTILE) in html and "<img src=x" not in html for html in body), body


def test_every_block_reaches_the_pdfs_and_body_photos_only_the_release():
    story = stories.english_story(body=every_block(stories.jpeg_image()), run_on_commit=False)
    pieces = [
        "Artisans of the district found buyers on GeM and ONDC.",
        "Weavers earned more than ever",
        "ODOP gave our looms a market.",
        "Sunita Devi",
        "12,34,567 weavers trained",
        "12.5 lakh turnover",
        "Training",
        "Design support",
        "Market access",
    ]
    caption = "At the loom in Chanderi PIB Bhopal"
    release = render_release(story=story)
    newsbox = render_newsbox(story=story)
    release_text = pdfcheck.squash(pdfcheck.pdftotext(release.content))
    newsbox_text = pdfcheck.squash(pdfcheck.pdftotext(newsbox.content))
    for piece in pieces:
        assert pdfcheck.squash(piece) in release_text, piece
        assert pdfcheck.squash(piece) in newsbox_text, piece
    assert pdfcheck.squash(caption) in release_text
    assert pdfcheck.squash(caption) not in newsbox_text
    assert pdfcheck.images(release.content)  # the body photo; the story has no hero and the QR code is vector
    assert pdfcheck.images(newsbox.content) == []
