"""Print settings, read at call time (never at import time).

Defaults live in cms/settings/base.py, which reads the environment; this module
only gives them names and types.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class NewsboxGeometry:
    columns: int
    column_mm: float
    gutter_mm: float

    @property
    def width_mm(self) -> float:
        return self.columns * self.column_mm + (self.columns - 1) * self.gutter_mm


def newsbox_geometry() -> NewsboxGeometry:
    return NewsboxGeometry(
        columns=settings.PRINT_NEWSBOX_COLUMNS,
        column_mm=settings.PRINT_NEWSBOX_COLUMN_MM,
        gutter_mm=settings.PRINT_NEWSBOX_GUTTER_MM,
    )


def newsbox_max_height_mm() -> float:
    """Tallest news box; a longer story is refused with a clear error."""
    return settings.PRINT_NEWSBOX_MAX_HEIGHT_MM


def icc_profile_path() -> Path:
    return Path(settings.PRINT_ICC_PROFILE)


def output_profiles() -> dict[str, Path]:
    """{name: ICC file} a partner may choose for its news box's OutputIntent; "house" is icc_profile_path()."""
    return {name: Path(path) for name, path in settings.PRINT_OUTPUT_PROFILES.items()}


def gray_profile_path() -> Path:
    return Path(settings.PRINT_GRAY_PROFILE)


def image_dpi() -> int:
    """Resolution photos are resampled to for their placed size (200-300)."""
    return settings.PRINT_IMAGE_DPI


def photo_cache_dir() -> Path:
    """Local working folder for photos converted for print (not media: see settings)."""
    return Path(settings.PRINT_PHOTO_CACHE_DIR)


def max_attempts() -> int:
    return settings.PRINT_MAX_ATTEMPTS


def retry_delay_seconds() -> int:
    return settings.PRINT_RETRY_DELAY_SECONDS


def font_overrides() -> dict[str, str]:
    """{language code: font family} replacing the registry's Noto face."""
    return dict(settings.PRINT_FONT_OVERRIDES)


def source_line() -> str:
    return settings.PRINT_SOURCE_LINE


def render_on_publish() -> bool:
    return settings.PRINT_RENDER_ON_PUBLISH
