"""Web fonts: one Noto face per script, served from our own static files.

A page declares @font-face only for Latin (digits, release IDs) and its own
script, with local() first, so a Hindi page never downloads Tamil glyphs and a
reader who has Noto installed downloads nothing. `manage.py subset_fonts`
writes the woff2 subsets from Debian's fonts-noto-core into home/static/fonts/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from languages import registry

NOTO_DIR = Path("/usr/share/fonts/truetype/noto")
STATIC_SUBDIR = "fonts"
OUTPUT_DIR = Path(__file__).resolve().parent / "static" / STATIC_SUBDIR

_INDIC_COMMON = "U+0951-0952, U+0964-0965, U+200C-200D, U+20B9, U+25CC"
_ARABIC = "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+200C-200F, U+2066-2069, U+FB50-FDFF, U+FE70-FEFC"

# script -> (file stem of the Noto face, unicode-range it covers on our pages)
SCRIPT_FACES: dict[str, tuple[str, str]] = {
    "Latn": ("NotoSans", "U+0000-00FF, U+0131, U+0152-0153, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2212"),
    "Deva": ("NotoSansDevanagari", f"U+0900-097F, U+1CD0-1CF9, U+A8E0-A8FF, {_INDIC_COMMON}"),
    "Beng": ("NotoSansBengali", f"U+0980-09FE, {_INDIC_COMMON}"),
    "Gujr": ("NotoSansGujarati", f"U+0A80-0AFF, {_INDIC_COMMON}"),
    "Guru": ("NotoSansGurmukhi", f"U+0A00-0A7F, {_INDIC_COMMON}"),
    "Orya": ("NotoSansOriya", f"U+0B00-0B7F, {_INDIC_COMMON}"),
    "Taml": ("NotoSansTamil", f"U+0B82-0BFA, {_INDIC_COMMON}"),
    "Telu": ("NotoSansTelugu", f"U+0C00-0C7F, {_INDIC_COMMON}"),
    "Knda": ("NotoSansKannada", f"U+0C80-0CF3, {_INDIC_COMMON}"),
    "Mlym": ("NotoSansMalayalam", f"U+0D00-0D7F, {_INDIC_COMMON}"),
    "Olck": ("NotoSansOlChiki", "U+1C50-1C7F, U+200C-200D, U+25CC"),
    "Mtei": ("NotoSansMeeteiMayek", "U+AAE0-AAFF, U+ABC0-ABFF, U+25CC"),
    "Aran": ("NotoNastaliqUrdu", _ARABIC),
    "Arab": ("NotoNaskhArabic", _ARABIC),
}
WEIGHTS = {400: "Regular", 700: "Bold"}


@dataclass(frozen=True)
class FontFace:
    family: str
    weight: int
    local_names: tuple[str, ...]
    static_path: str
    unicode_range: str


def _faces_for_script(script: str) -> list[FontFace]:
    stem, unicode_range = SCRIPT_FACES[script]
    family = registry.NOTO[script]
    return [
        FontFace(
            family=family,
            weight=weight,
            local_names=(f"{family} {style}", f"{stem}-{style}"),
            static_path=f"{STATIC_SUBDIR}/{stem}-{style}.woff2",
            unicode_range=unicode_range,
        )
        for weight, style in WEIGHTS.items()
    ]


def faces_for_language(code: str) -> list[FontFace]:
    """Latin plus the language's own script; nothing else."""
    script = registry.get(code).script
    scripts = ["Latn"] if script == "Latn" else ["Latn", script]
    return [face for s in scripts for face in _faces_for_script(s)]


def parse_unicode_range(text: str) -> list[int]:
    codepoints: list[int] = []
    for part in text.split(","):
        part = part.strip().removeprefix("U+")
        if "-" in part:
            start, end = part.split("-")
            codepoints.extend(range(int(start, 16), int(end, 16) + 1))
        elif part:
            codepoints.append(int(part, 16))
    return codepoints
