"""The press profiles a partner may choose (PRINT_OUTPUT_PROFILES) must be
CMYK printer profiles: anything else fails `manage.py check`. Rewriting a
news box's OutputIntent is tested in test_preflight.py (it shares the render)."""

from django.core.checks import run_checks
from django.test import override_settings

GS = "/usr/share/color/icc/ghostscript"


def error_ids() -> list[str]:
    return [m.id for m in run_checks() if m.id and m.id.startswith("printing.")]


def test_the_default_profiles_pass_the_check():
    assert error_ids() == []


@override_settings(
    PRINT_OUTPUT_PROFILES={"house": f"{GS}/default_cmyk.icc", "rgb": f"{GS}/srgb.icc", "gone": "/nowhere.icc"}
)
def test_an_rgb_or_missing_press_profile_fails_the_check():
    assert error_ids() == ["printing.E001", "printing.E001"]
