"""The search form of text (search.normalize), without a database: folding,
romanized keys, and the highlighter that has to agree with both."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from search.highlight import highlight, matching_spans
from search.normalize import fold, index_text, query_alternatives, roman_token
from search.services import clean_query


def test_precomposed_decomposed_and_bare_nukta_letters_fold_alike():
    # ज़ U+095B, ज + U+093C, and ज as most readers type it
    assert fold("\u095bरी") == fold("\u091c\u093cरी") == fold("जरी")
    # Gurmukhi ਜ਼ U+0A5B
    assert fold("\u0a5b") == fold("\u0a1c\u0a3c") == fold("\u0a1c")


def test_bengali_and_oriya_nukta_letters_stay_letters_of_their_own():
    assert fold("\u09dc") == fold("\u09a1\u09bc") != fold("\u09a1")  # ড় (rr) is not ড (dd)
    assert fold("\u0b5c") == fold("\u0b21\u0b3c") != fold("\u0b21")


def test_urdu_harakat_tatweel_and_arabic_letter_variants_fold():
    assert fold("وزیرِاعظم") == fold("وزیراعظم")
    assert fold("مـــلک") == fold("ملک")  # tatweel
    assert fold("كاريگر") == fold("کاریگر")  # Arabic kaf and yeh typed on an Arabic keyboard
    assert fold("ده") == fold("دہ")


def test_joiners_are_dropped_and_digits_of_every_script_are_ascii():
    assert fold("चिकन\u200cकारी") == "चिकनकारी"
    assert fold("ক্\u200dষ") == "ক্ষ"
    assert fold("२०२४ ৩ ௪ ۵") == "2024 3 4 5"


def test_query_with_a_joiner_stays_one_word():
    assert clean_query("می\u200cخواہم").terms == ["میخواہم"]


def test_common_latin_spellings_meet_the_script():
    cases = {
        "केसर": ["kesar", "kesara", "Kesar"],
        "बनारसी": ["banarasi", "banaarasi", "banarsi"],
        "ज़री": ["zari", "jari", "zaree"],
        "चिकनकारी": ["chikankari", "chikan", "chikankaari"],
        "मधुबनी": ["madhubani", "madhuban"],
        "জামদানি": ["jamdani", "jaamdani"],  # Bengali
        "காஞ்சிபுரம்": ["kanchipuram", "kancheepuram"],  # Tamil
        "மதுரை": ["madurai"],  # Tamil writes no voiced stops: த is t and d
        "ਫੁਲਕਾਰੀ": ["phulkari", "fulkari"],  # Gurmukhi
    }
    for word, spellings in cases.items():
        token = roman_token(fold(word))
        for spelling in spellings:
            assert any(token.startswith(alt) for alt in query_alternatives(spelling)[1:]), (word, spelling)


def test_different_words_keep_different_keys():
    assert roman_token("केसर") != roman_token("कसरत")[: len(roman_token("केसर"))]
    assert not any(roman_token("बनारसी").startswith(alt) for alt in query_alternatives("zari")[1:])


def test_indexed_text_is_folded_and_followed_by_marked_keys_only_for_indic_words():
    text = index_text("बनारस की \u095bरी, Banaras silk")
    assert text.startswith("बनारस की जरी, Banaras silk ")
    assert text.split()[-3:] == ["qxbnrs", "qxki", "qxjri"]
    assert index_text("Banaras silk") == "Banaras silk"
    assert index_text("காஞ்சிபுரம்").endswith(" qtkncipurm")  # Tamil keys live apart
    assert index_text("کاریگر") == "کاریگر"  # Urdu is not romanized


def test_script_query_has_no_alternatives_and_short_latin_terms_no_key():
    assert query_alternatives("केसर") == ["केसर"]
    assert query_alternatives("ka") == ["ka"]
    assert clean_query("kesar केसर").backend_text == "kesar|qxkesr|qtkecr केसर"


def test_highlight_marks_the_original_characters_for_every_form_of_the_query():
    text = "बनारस की \u095bरी और केसर; وزیرِاعظم کی چیک\u200cبک"
    for terms, marked in (
        (["ज\u093cरी"], "\u095bरी"),
        (["जरी"], "\u095bरी"),
        (["zari"], "\u095bरी"),
        (["kesar"], "केसर"),
        (["وزیراعظم"], "وزیرِاعظم"),
        (["چیکبک"], "چیک\u200cبک"),
    ):
        spans = matching_spans(text, terms)
        assert [text[a:b] for a, b in spans] == [marked], terms
        assert f"<mark>{marked}</mark>" in highlight(text, terms)


def test_latin_term_marks_a_latin_word_by_prefix_and_not_unrelated_indic_words():
    text = "Kesar farms near केसरगढ़ and बनारस"
    assert [text[a:b] for a, b in matching_spans(text, ["kesar"])] == ["Kesar", "केसरगढ़"]


DEVANAGARI_CONSONANTS = [chr(c) for c in range(0x0915, 0x0939 + 1)]
DEVANAGARI_SIGNS = [
    "",
    "\u093e",
    "\u093f",
    "\u0940",
    "\u0941",
    "\u0942",
    "\u0947",
    "\u094b",
    "\u0902",
    "\u093c",
]
syllables = st.tuples(st.sampled_from(DEVANAGARI_CONSONANTS), st.sampled_from(DEVANAGARI_SIGNS)).map("".join)
devanagari_words = st.lists(syllables, min_size=1, max_size=6).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_fold_is_idempotent_and_blind_to_normal_forms(text):
    assert fold(fold(text)) == fold(text)
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@settings(max_examples=200, deadline=None)
@given(devanagari_words)
def test_a_word_is_found_by_its_own_latin_spelling_and_marked(word):
    from search.normalize import romanize

    _script, spelling = romanize(fold(word))
    alternatives = query_alternatives(spelling)
    token = roman_token(fold(word))
    if len(alternatives) > 1:  # a key long enough to search with
        assert any(token.startswith(alt) for alt in alternatives[1:])
        assert [a for a, _b in matching_spans(f"x {word} y", [spelling])] == [2]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.lists(st.text(min_size=1, max_size=8), max_size=3))
def test_highlight_with_any_terms_never_raises_and_marks_only_whole_words(text, terms):
    html = highlight(text, terms)
    assert html.count("<mark>") == html.count("</mark>")
