"""Print settings, read at call time (never at import time).

Every value has a default here; cms/settings/base.py may override them from
the environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

# Ghostscript's CMYK characterisation (Debian package libgs-common). Point
# PRINT_ICC_PROFILE at the printer's own, e.g. ISOnewspaper26v4.icc.
DEFAULT_ICC_PROFILE = "/usr/share/color/icc/ghostscript/default_cmyk.icc"
# Gray profile used to turn photos into greyscale (also libgs-common).
DEFAULT_GRAY_PROFILE = "/usr/share/color/icc/ghostscript/sgray.icc"


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
        columns=int(getattr(settings, "PRINT_NEWSBOX_COLUMNS", 3)),
        column_mm=float(getattr(settings, "PRINT_NEWSBOX_COLUMN_MM", 40)),
        gutter_mm=float(getattr(settings, "PRINT_NEWSBOX_GUTTER_MM", 4)),
    )


def newsbox_max_height_mm() -> float:
    """Tallest news box; a longer story is refused with a clear error."""
    return float(getattr(settings, "PRINT_NEWSBOX_MAX_HEIGHT_MM", 1500))


def icc_profile_path() -> Path:
    return Path(getattr(settings, "PRINT_ICC_PROFILE", "") or DEFAULT_ICC_PROFILE)


def gray_profile_path() -> Path:
    return Path(getattr(settings, "PRINT_GRAY_PROFILE", "") or DEFAULT_GRAY_PROFILE)


def image_dpi() -> int:
    """Resolution photos are resampled to for their placed size (200-300)."""
    return int(getattr(settings, "PRINT_IMAGE_DPI", 240))


def max_attempts() -> int:
    return int(getattr(settings, "PRINT_MAX_ATTEMPTS", 3))


def retry_delay_seconds() -> int:
    return int(getattr(settings, "PRINT_RETRY_DELAY_SECONDS", 60))


def font_overrides() -> dict[str, str]:
    """{language code: font family} replacing the registry's Noto face."""
    return dict(getattr(settings, "PRINT_FONT_OVERRIDES", {}) or {})


def source_line() -> str:
    return getattr(settings, "PRINT_SOURCE_LINE", "PIB")
