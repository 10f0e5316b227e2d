"""Web fonts: one Noto face per script, served from our own static files.

A page declares @font-face only for Latin (digits, release IDs) and its own
script, with local() first, so a Hindi page never downloads Tamil glyphs and a
reader who has Noto installed downloads nothing. The faces and the characters
each subset keeps come from the script table in `languages.registry`;
`manage.py subset_fonts` writes the woff2 subsets from Debian's
fonts-noto-core into home/static/fonts/, with one stylesheet per script
(`fonts/Deva.css`: the Latin and Devanagari faces and `--script-font`), so
pages carry no inline style and the Content-Security-Policy needs none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from languages import registry

NOTO_DIR = Path("/usr/share/fonts/truetype/noto")
STATIC_SUBDIR = "fonts"
OUTPUT_DIR = Path(__file__).resolve().parent / "static" / STATIC_SUBDIR
WEIGHTS = {400: "Regular", 700: "Bold"}


@dataclass(frozen=True)
class FontFace:
    family: str
    weight: int
    local_names: tuple[str, ...]
    static_path: str
    unicode_range: str


def _faces_for_script(code: str) -> list[FontFace]:
    script = registry.SCRIPTS[code]
    stem = script.font_file_stem
    return [
        FontFace(
            family=script.font_family,
            weight=weight,
            local_names=(f"{script.font_family} {style}", f"{stem}-{style}"),
            static_path=f"{STATIC_SUBDIR}/{stem}-{style}.woff2",
            unicode_range=script.unicode_range,
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


def stylesheet_path(code: str) -> str:
    """The static path of the font stylesheet a page in language `code` links."""
    return f"{STATIC_SUBDIR}/{registry.get(code).script}.css"


def stylesheet(script: str) -> str:
    """The CSS of `fonts/<script>.css`: @font-face for Latin and `script`
    (woff2 next to it, relative URLs that collectstatic hashes) and the
    `--script-font` custom property the site's CSS sets text in."""
    scripts = ["Latn"] if script == "Latn" else ["Latn", script]
    rules = [f':root{{--script-font:"{registry.SCRIPTS[script].font_family}"}}']
    for face in (face for s in scripts for face in _faces_for_script(s)):
        local = "".join(f'local("{name}"),' for name in face.local_names)
        file_name = face.static_path.rsplit("/", 1)[-1]
        rules.append(
            f'@font-face{{font-family:"{face.family}";font-weight:{face.weight};font-display:swap;'
            f'src:{local}url("{file_name}") format("woff2");unicode-range:{face.unicode_range}}}'
        )
    return "\n".join(rules) + "\n"


def write_stylesheets(output_dir: Path = OUTPUT_DIR) -> list[Path]:
    """One stylesheet per script of the registry; returns the files written."""
    output_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for script in registry.SCRIPTS:
        path = output_dir / f"{script}.css"
        path.write_text(stylesheet(script), encoding="utf-8")
        paths.append(path)
    return paths
