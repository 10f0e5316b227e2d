"""The 23 content languages: one registry, Django's LANG_INFO, Wagtail locales."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation import get_language_info
from wagtail.models import Locale

from languages import registry

EIGHTH_SCHEDULE_AND_ENGLISH = {
    "en", "hi", "as", "bn", "brx", "doi", "gu", "kn", "ks", "kok", "mai", "ml",
    "mni", "mr", "ne", "or", "pa", "sa", "sat", "sd", "ta", "te", "ur",
}  # fmt: skip
BASE_DIR = Path(__file__).resolve().parents[2]


def test_registry_lists_english_and_the_22_eighth_schedule_languages():
    assert set(registry.ALL_CODES) == EIGHTH_SCHEDULE_AND_ENGLISH
    assert len(registry.ALL_CODES) == 23
    assert registry.ALL_CODES[:2] == ("en", "hi")


NOTO_DIR = Path("/usr/share/fonts/truetype/noto")


def test_every_language_is_set_in_a_script_of_the_one_font_table():
    for language in registry.LANGUAGES:
        script = registry.SCRIPTS[language.script]
        assert language.font_family == script.font_family
        assert script.unicode_range
    assert set(registry.SCRIPTS) >= {language.script for language in registry.LANGUAGES}


@pytest.mark.skipif(not NOTO_DIR.is_dir(), reason="fonts-noto-core is not installed")
def test_every_script_face_is_a_file_of_fonts_noto_core():
    for script in registry.SCRIPTS.values():
        for style in ("Regular", "Bold"):
            assert (NOTO_DIR / f"{script.font_file_stem}-{style}.ttf").is_file(), script.font_family


@pytest.mark.django_db
def test_every_language_has_a_wagtail_locale_after_migrate():
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == EIGHTH_SCHEDULE_AND_ENGLISH


def test_all_23_are_content_languages_by_default():
    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] == list(registry.ALL_CODES)


@pytest.mark.parametrize("code", sorted(EIGHTH_SCHEDULE_AND_ENGLISH))
def test_lang_info_has_every_language_with_a_native_name(code):
    info = get_language_info(code)
    assert info["code"] == code
    assert info["name"] == registry.get(code).name
    assert info["name_local"] == registry.get(code).native_name
    if code != "en":
        # CLDR native names are in the language's own script, never Latin.
        assert not any("a" <= ch.lower() <= "z" for ch in info["name_local"]), info["name_local"]


def test_native_names_django_gives_in_latin_are_corrected():
    assert LANG_INFO["pa"]["name_local"] == "ਪੰਜਾਬੀ"
    assert LANG_INFO["kn"]["name_local"] == "ಕನ್ನಡ"
    assert LANG_INFO["hi"]["name_local"] == "हिन्दी"
    assert LANG_INFO["ur"]["name_local"] == "اردو"


def test_bidi_is_true_exactly_for_urdu_kashmiri_and_sindhi():
    rtl = {code for code in registry.ALL_CODES if LANG_INFO[code]["bidi"]}
    assert rtl == {"ur", "ks", "sd"} == set(registry.RTL_CODES)
    assert {registry.get(code).direction for code in rtl} == {"rtl"}


def test_region_variant_codes_resolve_to_the_language():
    assert registry.get("hi-IN").code == "hi"
    assert registry.get("ur_IN").code == "ur"
    with pytest.raises(KeyError):
        registry.get("xx")


def test_enabled_languages_defaults_to_all():
    assert registry.enabled(None) == registry.LANGUAGES
    assert registry.enabled("") == registry.LANGUAGES
    assert registry.enabled(" all ") == registry.LANGUAGES


def test_enabled_languages_narrows_keeps_registry_order_and_always_has_english():
    enabled = registry.enabled("ur, ta,hi")
    assert [language.code for language in enabled] == ["en", "hi", "ta", "ur"]


def test_enabled_languages_with_unknown_codes_names_them():
    with pytest.raises(ValueError, match=r"unknown language codes: xx, hin\. Known: en, hi"):
        registry.enabled("hi,xx,hin")


def run_settings(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(','.join(code for code, _ in settings.LANGUAGES))",
        ],
        cwd=BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_enabled_languages_setting_decides_the_site_languages():
    result = run_settings({"ENABLED_LANGUAGES": "hi,ur"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "en,hi,ur"


def test_unknown_code_in_enabled_languages_stops_startup_with_its_name():
    result = run_settings({"ENABLED_LANGUAGES": "hi,klingon"})
    assert result.returncode != 0
    assert "unknown language codes: klingon" in result.stderr
