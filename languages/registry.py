"""The single source of truth for the 23 content languages.

India's Eighth Schedule languages plus English. Every other part of the
project (settings, templates, PDFs, search analyzers, the API) reads language
facts from here. Names and direction come from CLDR through Babel; only what
CLDR does not say for our purpose (the script we publish in, the Noto face
that sets it and the characters the web font subsets keep) is written by hand.

This module must stay importable from settings: it imports Babel only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale as BabelLocale


@dataclass(frozen=True)
class Language:
    code: str  # Django / wagtail-localize language code and URL prefix
    bcp47: str  # tag for lang="" attributes and ninjs `language`
    script: str  # ISO 15924 script we publish this language in
    font_family: str  # Noto face for the script (web and print)
    babel_locale: str  # CLDR locale used for dates and numbers

    @property
    def _cldr(self) -> BabelLocale:
        return _cldr_locale(self.babel_locale)

    @property
    def name(self) -> str:
        """English name, e.g. "Tamil"."""
        return self._cldr.get_language_name("en")

    @property
    def native_name(self) -> str:
        """The language's name in its own script, e.g. "தமிழ்"."""
        return self._cldr.get_language_name(self._cldr) or self.name

    @property
    def direction(self) -> str:
        return "rtl" if self._cldr.character_order == "right-to-left" else "ltr"

    @property
    def bidi(self) -> bool:
        return self.direction == "rtl"


@cache
def _cldr_locale(identifier: str) -> BabelLocale:
    return BabelLocale.parse(identifier)


@dataclass(frozen=True)
class Script:
    code: str  # ISO 15924
    font_family: str  # Noto face that sets it, on the web and in print
    unicode_range: str  # CSS unicode-range of what our pages set in it (web font subsets)

    @property
    def font_file_stem(self) -> str:
        """The face's file name in fonts-noto-core, less "-Regular.ttf": NotoSansDevanagari."""
        return self.font_family.replace(" ", "")


_INDIC_COMMON = "U+0951-0952, U+0964-0965, U+200C-200D, U+20B9, U+25CC"
_ARABIC = "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+200C-200F, U+2066-2069, U+FB50-FDFF, U+FE70-FEFC"
_LATIN = "U+0000-00FF, U+0131, U+0152-0153, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2212"

# One Noto family per script. fonts-noto-core (Debian) ships all of them.
SCRIPTS: dict[str, Script] = {
    script.code: script
    for script in (
        Script("Latn", "Noto Sans", _LATIN),
        Script("Deva", "Noto Sans Devanagari", f"U+0900-097F, U+1CD0-1CF9, U+A8E0-A8FF, {_INDIC_COMMON}"),
        Script("Beng", "Noto Sans Bengali", f"U+0980-09FE, {_INDIC_COMMON}"),
        Script("Gujr", "Noto Sans Gujarati", f"U+0A80-0AFF, {_INDIC_COMMON}"),
        Script("Guru", "Noto Sans Gurmukhi", f"U+0A00-0A7F, {_INDIC_COMMON}"),
        Script("Orya", "Noto Sans Oriya", f"U+0B00-0B7F, {_INDIC_COMMON}"),
        Script("Taml", "Noto Sans Tamil", f"U+0B82-0BFA, {_INDIC_COMMON}"),
        Script("Telu", "Noto Sans Telugu", f"U+0C00-0C7F, {_INDIC_COMMON}"),
        Script("Knda", "Noto Sans Kannada", f"U+0C80-0CF3, {_INDIC_COMMON}"),
        Script("Mlym", "Noto Sans Malayalam", f"U+0D00-0D7F, {_INDIC_COMMON}"),
        Script("Olck", "Noto Sans Ol Chiki", "U+1C50-1C7F, U+200C-200D, U+25CC"),
        Script("Mtei", "Noto Sans Meetei Mayek", "U+AAE0-AAFF, U+ABC0-ABFF, U+25CC"),
        Script("Aran", "Noto Nastaliq Urdu", _ARABIC),  # Nastaliq style of the Arabic script
        Script("Arab", "Noto Naskh Arabic", _ARABIC),
    )
}


def _lang(code: str, script: str, babel_locale: str | None = None) -> Language:
    babel_locale = babel_locale or f"{code}_IN"
    return Language(
        code=code,
        bcp47=code,
        script=script,
        font_family=SCRIPTS[script].font_family,
        babel_locale=babel_locale,
    )


# Order: English and Hindi first (the languages stories are written in), then
# the other Eighth Schedule languages alphabetically by code.
LANGUAGES: tuple[Language, ...] = (
    _lang("en", "Latn"),
    _lang("hi", "Deva"),
    _lang("as", "Beng"),
    _lang("bn", "Beng"),
    _lang("brx", "Deva"),
    _lang("doi", "Deva"),
    _lang("gu", "Gujr"),
    _lang("kn", "Knda"),
    # Kashmiri is written in Perso-Arabic (Nastaliq) in Kashmir.
    _lang("ks", "Aran", "ks_Arab_IN"),
    _lang("kok", "Deva", "kok_Deva_IN"),
    _lang("mai", "Deva"),
    _lang("ml", "Mlym"),
    # Manipuri: Meetei Mayek is the official script of Manipur since 2021,
    # but Bengali script is what most print still uses; CLDR's default is Beng.
    _lang("mni", "Beng", "mni_Beng_IN"),
    _lang("mr", "Deva"),
    _lang("ne", "Deva"),
    _lang("or", "Orya"),
    _lang("pa", "Guru", "pa_Guru_IN"),
    _lang("sa", "Deva"),
    _lang("sat", "Olck", "sat_Olck_IN"),
    # Sindhi in India is printed in both Devanagari and Arabic; Arabic (Naskh)
    # is CLDR's default and the script of most Sindhi newspapers.
    _lang("sd", "Arab", "sd_Arab"),
    _lang("ta", "Taml"),
    _lang("te", "Telu"),
    _lang("ur", "Aran"),
)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
ALL_CODES: tuple[str, ...] = tuple(BY_CODE)
RTL_CODES: frozenset[str] = frozenset(language.code for language in LANGUAGES if language.bidi)
DEFAULT_CODE = "en"


def get(code: str) -> Language:
    """The Language for a code; accepts region variants such as "hi-IN"."""
    try:
        return BY_CODE[code]
    except KeyError:
        base = code.split("-")[0].split("_")[0].lower()
        if base in BY_CODE:
            return BY_CODE[base]
        raise


def enabled(codes_setting: str | None) -> tuple[Language, ...]:
    """Parse the ENABLED_LANGUAGES setting ("en,hi,ta" or empty for all 23)."""
    if not codes_setting or codes_setting.strip() in {"*", "all"}:
        return LANGUAGES
    wanted = [c.strip() for c in codes_setting.split(",") if c.strip()]
    unknown = [c for c in wanted if c not in BY_CODE]
    if unknown:
        raise ValueError(
            f"ENABLED_LANGUAGES names unknown language codes: {', '.join(unknown)}. "
            f"Known: {', '.join(ALL_CODES)}"
        )
    if DEFAULT_CODE not in wanted:
        wanted.insert(0, DEFAULT_CODE)
    return tuple(BY_CODE[c] for c in ALL_CODES if c in wanted)


def django_lang_info() -> dict[str, dict]:
    """Entries for django.conf.locale.LANG_INFO.

    Django lacks as, brx, doi, gu, ks, kok, mai, mni, or, sa, sat and sd, and
    gives pa and kn native names in Latin script. Wagtail breaks on a language
    without LANG_INFO, so we supply all 23 from CLDR.
    """
    return {
        language.code: {
            "bidi": language.bidi,
            "code": language.code,
            "name": language.name,
            "name_local": language.native_name,
        }
        for language in LANGUAGES
    }
