"""The news box laid out in all 23 languages: no ink within 1 mm of the trim
edge (measured on poppler's 300 dpi render), a quote never split from its
speaker, and right-to-left columns starting on the right.

All 23 boxes are laid out once, in one module-scoped fixture (one WeasyPrint
font configuration for the process); the ink check renders each with
pdftoppm. Marked slow: 17-30 s on the shared 2-core machine.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.db import transaction
from PIL import Image, ImageOps

from languages import registry
from printing.services.render import NEWSBOX_SAFE_MARGIN_MM, layout_newsbox, write_newsbox
from tests.translation import translate

from . import layout_texts, stories

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

DPI = 300
KEEP_CLEAR_MM = 1.0
LAYOUT_TIMES: dict[str, float] = {}


def _layout_story(hero):
    english = layout_texts.ENGLISH
    paragraph = ("paragraph", f"<p>{english['paragraph']}</p>")
    return stories.english_story(
        title=english["title"],
        summary="",
        subheadlines=[],
        hero_image=hero,
        hero_credit="",
        body=[
            paragraph,
            paragraph,
            ("quote", {"quote": english["quote"], "speaker": english["speaker"]}),
            paragraph,
        ],
        run_on_commit=False,
    )


@pytest.fixture(scope="module")
def laid_out(django_db_setup, django_db_blocker):
    """{code: (NewsboxLayout, RenderedPdf)} for every language of the registry."""
    result = {}
    started = time.perf_counter()
    with django_db_blocker.unblock(), transaction.atomic():
        english = _layout_story(stories.jpeg_image(width=1600, height=1000))
        for language in registry.LANGUAGES:
            story = english
            if language.code != "en":
                strings = layout_texts.STRINGS[language.code]
                story = translate(english, language.code, strings=strings, run_on_commit=False)
            layout = layout_newsbox(story=story)
            result[language.code] = (layout, write_newsbox(layout))
        transaction.set_rollback(True)
    LAYOUT_TIMES["all"] = time.perf_counter() - started
    return result


def ink_margins_mm(content: bytes) -> dict[str, float]:
    """Distance of the nearest non-white pixel from each trim edge (TrimBox =
    MediaBox here), on pdftoppm's greyscale render at 300 dpi."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "box.pdf"
        pdf.write_bytes(content)
        subprocess.run(  # noqa: S603
            ["pdftoppm", "-r", str(DPI), "-gray", "-singlefile", str(pdf), str(pdf.with_suffix(""))],  # noqa: S607
            check=True,
        )
        with Image.open(pdf.with_suffix(".pgm")) as image:
            width, height = image.size
            left, top, right, bottom = ImageOps.invert(image.convert("L")).getbbox()
    px = 25.4 / DPI
    return {
        "left": left * px,
        "top": top * px,
        "right": (width - right) * px,
        "bottom": (height - bottom) * px,
    }


def boxes(box, tag: str):
    if getattr(box, "element_tag", None) == tag:
        yield box
    for child in getattr(box, "children", ()):
        yield from boxes(child, tag)


@pytest.mark.parametrize("code", registry.ALL_CODES)
def test_no_ink_within_1mm_of_the_trim_edge(laid_out, code):
    margins = ink_margins_mm(laid_out[code][1].content)
    print(f"{code}: ink from trim (mm) " + " ".join(f"{side}={value:.2f}" for side, value in margins.items()))
    assert min(margins.values()) >= KEEP_CLEAR_MM, margins


@pytest.mark.parametrize("code", registry.ALL_CODES)
def test_quote_and_its_speaker_stay_in_one_column(laid_out, code):
    page_box = laid_out[code][0].document.pages[0]._page_box
    fragments = list(boxes(page_box, "blockquote"))
    assert len(fragments) == 1, f"the quote is split into {len(fragments)} pieces"
    speaker = [child for child in fragments[0].children if "speaker" in (child.element.get("class") or "")]
    assert len(speaker) == 1


@pytest.mark.parametrize("code", ["ur", "sd", "ks"])
def test_right_to_left_columns_start_on_the_right_inside_the_safe_margin(laid_out, code):
    page_box = laid_out[code][0].document.pages[0]._page_box
    paragraphs = [box for box in boxes(page_box, "p") if "dateline" not in (box.element.get("class") or "")]
    first = paragraphs[0]
    px_per_mm = 96 / 25.4
    page_width = page_box.margin_width()
    assert first.position_x > page_width / 2  # the first column is the right-hand one
    right_edge = first.position_x + first.margin_width()
    assert page_width - right_edge >= NEWSBOX_SAFE_MARGIN_MM * px_per_mm - 0.01


def test_layout_time_is_reported(laid_out):
    print(f"23 news boxes laid out and written in {LAYOUT_TIMES['all']:.1f} s")
    assert len(laid_out) == len(registry.LANGUAGES) == 23
