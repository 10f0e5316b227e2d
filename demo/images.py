"""Poster-style product images drawn with Pillow. Nothing is downloaded."""

from __future__ import annotations

import hashlib
import io
from functools import cache
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
WIDTH, HEIGHT = 1200, 675

# (top, bottom, accent) colours, one set per story palette index.
PALETTES = [
    ((128, 0, 64), (232, 93, 4), (255, 209, 102)),
    ((0, 78, 100), (0, 165, 150), (255, 230, 167)),
    ((58, 12, 163), (114, 9, 183), (247, 37, 133)),
    ((157, 2, 8), (232, 93, 4), (250, 163, 7)),
    ((0, 48, 73), (214, 40, 40), (252, 191, 73)),
    ((3, 4, 94), (0, 119, 182), (144, 224, 239)),
    ((56, 102, 65), (167, 201, 87), (242, 232, 207)),
    ((40, 54, 24), (96, 108, 56), (221, 161, 94)),
    ((111, 29, 27), (187, 148, 87), (255, 230, 167)),
    ((120, 0, 0), (193, 18, 31), (253, 240, 213)),
    ((33, 37, 41), (73, 80, 87), (255, 193, 7)),
    ((38, 70, 83), (42, 157, 143), (233, 196, 106)),
]


@cache
def _font(name: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = FONT_DIR / name
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _numbers(seed: str, count: int) -> list[int]:
    """Deterministic pseudo-random bytes, so a poster looks the same each run."""
    digest = b""
    counter = 0
    while len(digest) < count:
        digest += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return list(digest[:count])


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def draw_poster(*, title: str, subtitle: str, badge: str, palette: int, seed: str) -> bytes:
    """A 1200x675 JPEG: a gradient, bold shapes, the product name and place."""
    top, bottom, accent = PALETTES[palette % len(PALETTES)]
    canvas = PILImage.new("RGB", (WIDTH, HEIGHT), top)
    draw = ImageDraw.Draw(canvas)
    for y in range(HEIGHT):
        t = y / HEIGHT
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (WIDTH, y)], fill=colour)

    numbers = _numbers(seed, 48)
    for i in range(0, 48, 4):
        x = 600 + numbers[i] * 600 // 255
        y = numbers[i + 1] * HEIGHT // 255
        r = 30 + numbers[i + 2] % 140
        shape = numbers[i + 3] % 3
        fill = accent if shape else (255, 255, 255)
        box = [x - r, y - r, x + r, y + r]
        if shape == 0:
            draw.ellipse(box, outline=fill, width=8)
        elif shape == 1:
            draw.ellipse(box, fill=fill)
        else:
            draw.polygon([(x, y - r), (x + r, y + r), (x - r, y + r)], fill=fill)

    draw.rounded_rectangle([48, 48, 48 + 300, 48 + 56], radius=28, fill=accent)
    draw.text((68, 56), badge, font=_font("NotoSans-Bold.ttf", 30), fill=top)

    title_font = _font("NotoSans-Bold.ttf", 76)
    y = 190
    for line in _wrap(draw, title, title_font, 760)[:3]:
        draw.text((52, y + 3), line, font=title_font, fill=(0, 0, 0))
        draw.text((48, y), line, font=title_font, fill=(255, 255, 255))
        y += 92
    draw.text((48, y + 16), subtitle, font=_font("NotoSans-Regular.ttf", 40), fill=accent)
    draw.text(
        (48, HEIGHT - 70),
        "One District One Product",
        font=_font("NotoSans-Regular.ttf", 28),
        fill=(255, 255, 255),
    )

    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def poster_image(*, title: str, heading: str, subtitle: str, badge: str, palette: int, slug: str):
    """The Wagtail image titled `title`, drawn (with `heading` in large type) and saved once."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_poster(title=heading, subtitle=subtitle, badge=badge, palette=palette, seed=slug)
    image = Image(title=title, file=ImageFile(io.BytesIO(data), name=f"odop-{slug}.jpg"))
    image.file_size = len(data)
    image.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    image.save()
    return image
