"""Reading PDFs the way a newspaper desk's tools do: poppler's pdftotext and
pdffonts, and pypdf for boxes, images and content streams."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), " "
)
MM_TO_PT = 72 / 25.4


def _run(tool: str, content: bytes, *args: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        result = subprocess.run(
            [tool, *args, handle.name, *(["-"] if tool == "pdftotext" else [])],  # noqa: S603
            capture_output=True,
            check=True,
        )
    return result.stdout.decode("utf-8")


def pdftotext(content: bytes) -> str:
    """Text in content-stream order (-raw): WeasyPrint paints in document
    order, column after column, so a paragraph that continues in the next
    column stays whole. (pdftotext's default reading-order analysis can put a
    short column tail before the column it continues.)"""
    return _run("pdftotext", content, "-raw", "-enc", "UTF-8")


def pdffonts(content: bytes) -> list[dict]:
    lines = _run("pdffonts", content).splitlines()[2:]
    fonts = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID
        fonts.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return fonts


def squash(text: str) -> str:
    """Text without whitespace, soft hyphens or line-end hyphens: columns break
    lines anywhere, and pdftotext joins a word hyphenated at a line end."""
    text = unicodedata.normalize("NFC", text).translate(BIDI_CONTROLS)
    return re.sub(r"[\s\u00ad-]+", "", text)


def words(text: str) -> Counter:
    # A word hyphenated at a line end comes out joined, so hyphens are dropped.
    text = unicodedata.normalize("NFC", text).translate(BIDI_CONTROLS)
    text = re.sub(r"[\u00ad-]\s*\n\s*", "", text)  # a word broken at a line end
    tokens = (w.strip("()[]") for w in re.split(r"\s+", re.sub(r"[\u00ad-]", "", text)))
    return Counter(w for w in tokens if w)


RTL_PUNCTUATION = ":;,.!?\u060c\u061b\u061f\u06d4"


def bare_words(text: str) -> Counter:
    """Words without edge punctuation (which bidi reordering moves around)."""
    return Counter(b for w in words(text).elements() if (b := w.strip(RTL_PUNCTUATION)))


def logical_words_from_rtl_pdftotext(text: str) -> Counter:
    """pdftotext takes /ActualText of an RTL line as if it were visual order and
    reverses it: each Arabic-script word comes out letter-reversed. Reverse
    those words back; the words, not their order on the line, are compared."""
    logical = (w[::-1] if ARABIC.search(w) else w for w in words(text).elements())
    return Counter(b for w in logical if (b := w.strip(RTL_PUNCTUATION)))


def page_boxes(content: bytes) -> list[dict]:
    reader = PdfReader(io.BytesIO(content))
    return [
        {
            "media": [float(v) for v in page.mediabox],
            "trim": [float(v) for v in page.trimbox],
        }
        for page in reader.pages
    ]


def rgb_colour_uses(content: bytes) -> list[str]:
    """Every use of RGB in the PDF: rg/RG operators in any content stream
    (pages and form XObjects), /DeviceRGB colour spaces and RGB images."""
    reader = PdfReader(io.BytesIO(content))
    found: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        streams = [(f"page {number}", page.get_contents())]
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for name, ref in xobjects.items():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Form":
                streams.append((f"form {name}", xobject))
            elif "/DeviceRGB" in str(xobject.get("/ColorSpace")):
                found.append(f"image {name} is DeviceRGB")
        for where, stream in streams:
            if stream is None:
                continue
            for operands, operator in ContentStream(stream, reader).operations:
                if operator in (b"rg", b"RG"):
                    found.append(f"{where}: {operator.decode()} {operands}")
                if operator in (b"cs", b"CS") and operands and operands[0] == "/DeviceRGB":
                    found.append(f"{where}: {operator.decode()} /DeviceRGB")
        if "/DeviceRGB" in str(resources.get("/ColorSpace")):
            found.append(f"page {number}: /DeviceRGB in colour spaces")
    return found


def output_intents(content: bytes) -> list[dict]:
    reader = PdfReader(io.BytesIO(content))
    intents = reader.trailer["/Root"].get("/OutputIntents") or []
    return [intent.get_object() for intent in intents]


def images(content: bytes) -> list[dict]:
    reader = PdfReader(io.BytesIO(content))
    result = []
    for page in reader.pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        for ref in xobjects.values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                result.append(
                    {
                        "colour_space": str(xobject.get("/ColorSpace")),
                        "width": int(xobject["/Width"]),
                        "height": int(xobject["/Height"]),
                    }
                )
    return result


def to_png(content: bytes, target: Path, *, dpi: int = 100) -> list[Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    pdf = target.with_suffix(".pdf")
    pdf.write_bytes(content)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(target)], check=True)  # noqa: S603, S607
    return sorted(target.parent.glob(f"{target.name}*.png"))


def xmp(content: bytes) -> bytes:
    reader = PdfReader(io.BytesIO(content))
    metadata = reader.trailer["/Root"].get("/Metadata")
    return metadata.get_object().get_data() if metadata else b""
