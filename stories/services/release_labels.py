"""The labels of a PIB release in the 23 languages, and the date words.

PIB's regional units publish releases in their own language, and not all
of them keep the English labels. Each language lists what the parser
accepts for the "Posted On" label, the "by <office>" word, the "Release ID"
label and the "Visitor Counter" label. English labels are accepted in every
language (PIB's pages often keep them, as the Hindi and Urdu fixtures do).

`WORDING` says where each language's labels come from: "pib" is PIB's own
wording as its pages print it; "translation" is a plain translation of the
English label, written here because we have no PIB page to copy it from.

Month and AM/PM names come from CLDR (through Babel) for every language;
digits may be in any Unicode script (Devanagari २०२४, Tamil ௨௦௨௪ ...).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from babel.dates import get_month_names, get_period_names

from languages import registry


@dataclass(frozen=True)
class Labels:
    posted_on: tuple[str, ...]
    by: tuple[str, ...]
    release_id: tuple[str, ...]
    visitor_counter: tuple[str, ...]
    wording: str  # "pib" or "translation"


def _labels(posted_on, by, release_id, visitor_counter, wording="translation") -> Labels:
    return Labels(tuple(posted_on), tuple(by), tuple(release_id), tuple(visitor_counter), wording)


LABELS: dict[str, Labels] = {
    "en": _labels(["Posted On"], ["by"], ["Release ID"], ["Visitor Counter"], "pib"),
    "hi": _labels(
        ["प्रविष्टि तिथि", "प्रकाशन तिथि"],
        ["द्वारा प्रकाशित", "द्वारा"],
        ["रिलीज़ आईडी", "रिलीज आईडी", "विज्ञप्ति आईडी"],
        ["आगंतुक पटल"],
        "pib",
    ),
    "as": _labels(["প্ৰকাশৰ তাৰিখ", "প্ৰকাশিত"], ["দ্বাৰা"], ["ৰিলিজ আইডি"], ["দৰ্শকৰ সংখ্যা"]),
    "bn": _labels(["প্রকাশের তারিখ", "প্রকাশিত"], ["দ্বারা"], ["রিলিজ আইডি"], ["দর্শক সংখ্যা"]),
    "brx": _labels(["फोसावनाय सान"], ["जों"], ["रिलिज आइडि"], ["नुथाङारि अनजिमा"]),
    "doi": _labels(["प्रकाशन तरीक"], ["दुआरा"], ["रिलीज़ आईडी"], ["दर्शक गिनतरी"]),
    "gu": _labels(["પ્રકાશિત તારીખ"], ["દ્વારા"], ["રિલીઝ આઈડી"], ["મુલાકાતી કાઉન્ટર"]),
    "kn": _labels(["ಪ್ರಕಟಿಸಿದ ದಿನಾಂಕ"], ["ಮೂಲಕ"], ["ಬಿಡುಗಡೆ ಐಡಿ"], ["ವೀಕ್ಷಕರ ಸಂಖ್ಯೆ"]),
    "kok": _labels(["प्रकाशन तारीख"], ["वतीन"], ["रिलीज आयडी"], ["भेट दिवपी मेजणी"]),
    "ks": _labels(["شایع کرنٕچ تٲریخ"], ["زٕریعہ"], ["ریلیز آئی ڈی"], ["وُچھن وٲلۍ"]),
    "mai": _labels(["प्रकाशन तिथि"], ["द्वारा"], ["रिलीज आईडी"], ["आगंतुक संख्या"]),
    "ml": _labels(["പ്രസിദ്ധീകരിച്ച തീയതി"], ["മുഖേന"], ["റിലീസ് ഐഡി"], ["സന്ദർശകരുടെ എണ്ണം"]),
    "mni": _labels(["থোকখিবা তাং"], ["না"], ["রিলিজ আইদি"], ["য়েংলকপা মী"]),
    "mr": _labels(["प्रविष्टी दिनांक", "प्रसिद्धी दिनांक"], ["द्वारे"], ["रिलीज आयडी"], ["अभ्यागत संख्या"]),
    "ne": _labels(["प्रकाशित मिति"], ["द्वारा"], ["रिलिज आईडी"], ["आगन्तुक सङ्ख्या"]),
    "or": _labels(["ପ୍ରକାଶିତ ତାରିଖ"], ["ଦ୍ୱାରା"], ["ରିଲିଜ୍ ଆଇଡି"], ["ଦର୍ଶକ ସଂଖ୍ୟା"]),
    "pa": _labels(["ਪ੍ਰਕਾਸ਼ਿਤ ਮਿਤੀ"], ["ਦੁਆਰਾ"], ["ਰਿਲੀਜ਼ ਆਈਡੀ"], ["ਵਿਜ਼ਿਟਰ ਕਾਊਂਟਰ"]),
    "sa": _labels(["प्रकाशनतिथिः", "प्रकाशनतिथि"], ["द्वारा"], ["विज्ञप्तिसङ्ख्या"], ["आगन्तुकगणना"]),
    "sat": _labels(["ᱪᱷᱟᱯᱟ ᱢᱟᱦᱟᱸ"], ["ᱛᱮ"], ["ᱨᱤᱞᱤᱡᱽ ᱟᱭᱰᱤ"], ["ᱧᱮᱞᱤᱭᱟᱹ ᱞᱮᱠᱷᱟ"]),
    "sd": _labels(["ڇپجڻ جي تاريخ"], ["طرفان"], ["رليز آءِ ڊي"], ["ڏسندڙن جو ڳاڻاپو"]),
    "ta": _labels(
        ["வெளியிடப்பட்ட தேதி", "வெளியிடப்பட்டது", "பதிவு"],
        ["மூலம்"],
        ["வெளியீட்டு அடையாள எண்", "வெளியீட்டு எண்"],
        ["பார்வையாளர் எண்ணிக்கை"],
    ),
    "te": _labels(["ప్రచురించిన తేదీ"], ["ద్వారా"], ["విడుదల ఐడి"], ["సందర్శకుల సంఖ్య"]),
    "ur": _labels(["تاریخ اشاعت"], ["از", "کی جانب سے"], ["ریلیز آئی ڈی"], ["وزیٹر کاؤنٹر"]),
}

WORDING: dict[str, str] = {code: labels.wording for code, labels in LABELS.items()}

MONTHS_ENGLISH = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip


def _alternation(words) -> str:
    # Longest first, so "द्वारा प्रकाशित" wins over "द्वारा"; spaces match any run of them.
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, word.split())) for word in ordered)


def all_labels(field: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(word for labels in LABELS.values() for word in getattr(labels, field)))


POSTED_ON_WORDS = _alternation(all_labels("posted_on"))
BY_WORDS = _alternation(all_labels("by"))
RELEASE_ID_WORDS = _alternation(all_labels("release_id"))
VISITOR_COUNTER_WORDS = _alternation(all_labels("visitor_counter"))


def fold(word: str) -> str:
    """A date word as looked up: NFC, case-folded, without a final dot."""
    return unicodedata.normalize("NFC", word).casefold().rstrip(".॰")


@cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation PIB or CLDR uses in the 23 languages."""
    names = dict(MONTHS_ENGLISH)
    for language in registry.LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, language.babel_locale).items():
                    names.setdefault(fold(name), number)
    return names


@cache
def meridiems() -> dict[str, str]:
    """AM/PM words ("am"/"pm") in every language; a word that means AM in one
    language and PM in another is left out rather than guessed."""
    found: dict[str, set[str]] = {key: set(map(fold, words)) for key, words in MERIDIEM_WORDS.items()}
    for language in registry.LANGUAGES:
        for width in ("abbreviated", "wide"):
            for context in ("format", "stand-alone"):
                periods = get_period_names(width, context, language.babel_locale)
                for key in ("am", "pm"):
                    name = periods.get(key)
                    if name and " " not in name.strip():
                        found[key].add(fold(name))
    clash = found["am"] & found["pm"]
    return {word: key for key in ("am", "pm") for word in found[key] - clash}


# Forenoon/afternoon words newspapers print that CLDR's abbreviations lack.
MERIDIEM_WORDS = {
    "am": ("am", "a.m", "पूर्वाह्न", "पूर्वाह्ण", "முற்பகல்", "পূর্বাহ্ন", "પૂર્વાહ્ન", "ಪೂರ್ವಾಹ್ನ", "ପୂର୍ବାହ୍ନ", "ਪੂ.ਦੁ."),
    "pm": ("pm", "p.m", "अपराह्न", "अपराह्ण", "பிற்பகல்", "অপরাহ্ন", "અપરાહ્ન", "ಅಪರಾಹ್ನ", "ଅପରାହ୍ନ", "ਬਾ.ਦੁ."),
}


def ascii_digits(text: str) -> str:
    """Digits of any script (२०२४, ௨௦௨௪, ۲۰۲۴, ᱒᱐᱒᱔) as 0-9; other text unchanged."""
    return "".join(
        str(unicodedata.decimal(char)) if char.isdecimal() and not char.isascii() else char for char in text
    )


def native_digits(text: str, script: str) -> str:
    """0-9 written in a script's own digits (for tests and examples)."""
    zero = NATIVE_ZERO.get(script)
    if zero is None:
        return text
    return "".join(chr(ord(zero) + int(char)) if char.isascii() and char.isdigit() else char for char in text)


NATIVE_ZERO = {
    "Deva": "०", "Beng": "০", "Gujr": "૦", "Guru": "੦", "Orya": "୦", "Taml": "௦", "Telu": "౦",
    "Knda": "೦", "Mlym": "൦", "Olck": "᱐", "Mtei": "꯰", "Aran": "۰", "Arab": "٠",
}  # fmt: skip
