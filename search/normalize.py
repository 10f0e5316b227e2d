"""The search form of text, the same at index and at query time, on every
backend (SQLite, PostgreSQL, and what is sent to Elasticsearch/OpenSearch).

``fold(text)``
    NFC; zero-width joiner/non-joiner and soft hyphen removed (they change how
    a word looks, not what it is); the Devanagari and Gurmukhi nukta dropped
    (ज़ U+095B, ज + U+093C and ज all match: most readers type no nukta; in
    Bengali and Oriya ড়/ଡ଼ are letters of their own and are kept, in NFC's
    decomposed form); Arabic harakat (U+064B-U+065F, U+0670) and tatweel
    removed; Arabic letter variants folded to the Urdu forms (ي ى -> ی,
    ك -> ک, ه -> ہ), which no language of ours tells apart; decimal digits
    of every script as ASCII digits.

``roman_key(word)``
    A loose Latin key of a word in an Indic (Brahmic) script or in Latin
    letters, so that what a reader types in Latin letters meets the script:
    each letter's sound is read from its Unicode name (DEVANAGARI LETTER KHA
    -> kh), then both sides go through the same loose spelling rules:
    aspiration dropped (kh -> k, sh -> s), doubled letters single, ee -> i,
    oo -> u, ai -> e, z -> j, f -> p, w -> v, and every "a" dropped, so the
    inherent vowel, its deletion in Hindi and long/short a do not matter
    (kesar, kesara and केसर are all ``kesr``). Tamil writes no voiced stops, so
    Tamil words get a second, unvoiced key space (g -> k, d -> t, b -> p,
    j, s -> c). Urdu is not romanized: its script leaves short vowels out.

``index_text(text)``
    The folded text followed by the keys of its Indic words, each behind a
    marker (``qx``, Tamil ``qt``; no key and no Indian or English word starts
    so), so a key never meets an ordinary word.

``query_alternatives(term)``
    What a query term may match: itself, and for a Latin term its keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ROMAN_MARK = "qx"
TAMIL_MARK = "qt"
MIN_KEY = 2  # a shorter key (one consonant) would match a large part of the index

_INVISIBLE = {0x200C: None, 0x200D: None, 0x00AD: None}
_NUKTAS = {0x093C: None, 0x0A3C: None}  # Devanagari, Gurmukhi
_HARAKAT = dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640])
_ARABIC_VARIANTS = {0x064A: 0x06CC, 0x0649: 0x06CC, 0x0643: 0x06A9, 0x0647: 0x06C1}
_DECOMPOSED_TABLE = {**_NUKTAS, **_HARAKAT}
_COMPOSED_TABLE = {**_INVISIBLE, **_ARABIC_VARIANTS}

BRAHMIC_SCRIPTS = (
    "DEVANAGARI",
    "BENGALI",
    "GURMUKHI",
    "GUJARATI",
    "ORIYA",
    "TAMIL",
    "TELUGU",
    "KANNADA",
    "MALAYALAM",
)
_VOWELS = {
    "A": "a",
    "AA": "aa",
    "I": "i",
    "II": "ii",
    "U": "u",
    "UU": "uu",
    "E": "e",
    "EE": "e",
    "AI": "ai",
    "O": "o",
    "OO": "o",
    "AU": "au",
    "SHORT E": "e",
    "SHORT O": "o",
    "CANDRA E": "e",
    "CANDRA O": "o",
    "SHORT A": "a",
    "VOCALIC R": "ri",
    "VOCALIC RR": "ri",
    "VOCALIC L": "li",
    "VOCALIC LL": "li",
}
_SIGNS = {"ANUSVARA": "n", "CANDRABINDU": "n", "TIPPI": "n", "BINDI": "n"}
# Consonants whose Unicode name is not how readers spell them.
_CONSONANTS = {
    "KHANDA TA": "t",
    "NGA": "n",
    "NYA": "n",
    "NNA": "n",
    "NNNA": "n",
    "LLLA": "l",
    "RRA": "r",
    "RRRA": "r",
}
_LOOSE_REPLACEMENTS = (
    ("zh", "l"),  # Tamil ழ (tamizh)
    ("ee", "i"),
    ("oo", "u"),
    ("ai", "e"),
    ("au", "o"),
    ("w", "v"),
    ("z", "j"),
    ("q", "k"),
    ("x", "ks"),
    ("f", "p"),
    ("mp", "np"),  # anusvara before a labial (चंपा: champa, chanpa)
    ("mb", "nb"),
)
_ASPIRATION = re.compile(r"([b-df-hj-np-tv-z])h")
_DOUBLE = re.compile(r"(.)\1+")
_UNVOICE = str.maketrans({"g": "k", "d": "t", "b": "p", "j": "c", "s": "c"})


def fold(text: str) -> str:
    """The search form of `text` (see the module docstring); idempotent."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", text).translate(_DECOMPOSED_TABLE)
    text = unicodedata.normalize("NFC", text).translate(_COMPOSED_TABLE)
    if not text.isascii():
        text = _OTHER_DIGIT.sub(_ascii_digit, text)
    return text


# `\d` in a str pattern is any character of Unicode category Nd; the ASCII
# digits are left alone. A regex scan, not a Python loop over every character.
_OTHER_DIGIT = re.compile(r"[^0-9\D]")


def _ascii_digit(match: re.Match) -> str:
    return str(unicodedata.decimal(match.group()))


@lru_cache(maxsize=4096)
def _letter(char: str) -> tuple[str, str, bool]:
    """(script, Latin sound, is a consonant) of one character; script "" when
    the character is in no Brahmic script we romanize."""
    name = unicodedata.name(char, "")
    script = next((s for s in BRAHMIC_SCRIPTS if name.startswith(s + " ")), "")
    if not script:
        return "", "", False
    rest = name[len(script) + 1 :]
    for kind in ("LETTER ", "VOWEL SIGN "):
        if rest.startswith(kind):
            sound = rest[len(kind) :]
            if sound in _VOWELS:
                return script, _VOWELS[sound], False
            if kind == "LETTER " and (sound in _CONSONANTS or re.fullmatch(r"[A-Z]+A", sound)):
                return script, _CONSONANTS.get(sound, sound[:-1].lower()), True
            return script, "", False
    if rest.startswith("SIGN "):
        rest = rest[5:]
    return script, _SIGNS.get(rest, ""), False  # virama, nukta, length marks, digits


def romanize(word: str) -> tuple[str, str]:
    """(script, rough Latin spelling) of a folded word in a Brahmic script."""
    out, script, pending_vowel = [], "", False
    for char in word:
        char_script, sound, consonant = _letter(char)
        if not char_script:
            continue
        script = script or char_script
        vowel_sign = unicodedata.category(char) in ("Mn", "Mc") and sound and sound != "n"
        if consonant:
            if pending_vowel:
                out.append("a")  # the previous consonant's inherent vowel
            out.append(sound)
            pending_vowel = True
        elif vowel_sign:  # replaces the inherent vowel
            out.append(sound)
            pending_vowel = False
        elif "VIRAMA" in unicodedata.name(char, ""):  # no vowel after the consonant
            pending_vowel = False
        elif sound:  # an independent vowel, or anusvara/candrabindu after the inherent vowel
            if pending_vowel:
                out.append("a")
                pending_vowel = False
            out.append(sound)
    if pending_vowel:
        out.append("a")
    return script, "".join(out)


def loose(latin: str) -> str:
    """The loose key of a Latin spelling (see the module docstring)."""
    text = unicodedata.normalize("NFD", latin.casefold())
    text = "".join(c for c in text if "a" <= c <= "z")
    for old, new in _LOOSE_REPLACEMENTS:
        text = text.replace(old, new)
    text = _ASPIRATION.sub(r"\1", text)
    text = _DOUBLE.sub(r"\1", text)
    return text.replace("a", "")


def is_latin(word: str) -> bool:
    return all("LATIN" in unicodedata.name(c, "") for c in word if c.isalpha()) and any(
        c.isalpha() for c in word
    )


@lru_cache(maxsize=65536)
def roman_token(word: str) -> str:
    """The marked key of a folded Indic word, as indexed; "" for other words."""
    script, spelling = romanize(word)
    if not script:
        return ""
    key = loose(spelling)
    if not key:
        return ""
    if script == "TAMIL":
        return TAMIL_MARK + key.translate(_UNVOICE)
    return ROMAN_MARK + key


def query_alternatives(term: str) -> list[str]:
    """`term` (folded) and, for a term in Latin letters, its marked keys."""
    if not is_latin(term):
        return [term]
    key = loose(term)
    if len(key) < MIN_KEY:
        return [term]
    alternatives = [term, ROMAN_MARK + key]
    alternatives.append(TAMIL_MARK + key.translate(_UNVOICE))
    return alternatives


_WORD = re.compile(r"[\w\u0900-\u0dff]+")  # letters and digits, and the Brahmic blocks' marks


def words(text: str) -> list[str]:
    """The words of `text` that can be in a Brahmic script."""
    return _WORD.findall(text)


def index_text(text: str) -> str:
    """`text` as indexed: folded, followed by the marked keys of its Indic words."""
    folded = fold(text)
    if folded.isascii():
        return folded
    tokens = dict.fromkeys(token for word in words(folded) if (token := roman_token(word)))
    return f"{folded} {' '.join(tokens)}" if tokens else folded


def romanized_match(word: str, term: str) -> bool:
    """Whether Latin query `term` finds the Indic `word` (as the index would)."""
    token = roman_token(fold(word))
    if not token:
        return False
    return any(token.startswith(alt) for alt in query_alternatives(fold(term))[1:])
