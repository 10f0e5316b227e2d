from search.highlight import highlight, word_spans
from search.services import MAX_TERMS, clean_query, max_query_length, parse_filters


def test_query_keeps_every_script_and_drops_punctuation():
    query = clean_query('  "कारीगर"  AND கைவினை* -کاریگر? 2024!')
    assert query.terms == ["कारीगर", "AND", "கைவினை", "کاریگر", "2024"]


def test_query_is_cut_at_the_limit_and_says_so():
    query = clean_query("क" * (max_query_length() + 50))
    assert query.truncated and len(query.text) == max_query_length()
    assert len(clean_query("word " * 100).terms) == MAX_TERMS


def test_punctuation_only_query_is_empty_but_remembered_as_typed():
    query = clean_query("?!*()[]{}")
    assert (query.text, query.had_input) == ("", True)
    assert clean_query(None).had_input is False


def test_query_is_folded_and_stray_marks_dropped():
    # U+0958 QA is a composition exclusion (NFC spells it KA + NUKTA); the
    # Devanagari nukta is then folded away, as in the index (search.normalize).
    assert clean_query("\u0958").text == "क"
    assert clean_query("\u0915\u093c").text == "क"
    assert clean_query("\u093f\u094d").text == ""


def test_indic_word_with_vowel_signs_is_one_word():
    text = "प्रधानमंत्री ने"
    assert [text[a:b] for a, b in word_spans(text)] == ["प्रधानमंत्री", "ने"]


def test_highlight_escapes_then_marks_whole_words():
    html = highlight('<script>alert(1)</script> कारीगरों & "कारीगर"', ["कारी"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert html.count("<mark>") == 2
    assert "<mark>कारीगरों</mark> &amp; &quot;<mark>कारीगर</mark>&quot;" in html


def test_long_text_is_cut_around_the_first_match_at_word_boundaries():
    text = ("आम " * 200) + "कारीगरों " + ("बाग " * 200)
    html = highlight(text, ["कारीगर"], size=60)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>कारीगरों</mark>" in html
    assert "आ…" not in html


def test_malformed_filters_are_ignored():
    filters = parse_filters(
        {"sector": "nope", "year": "20x4", "district": "6f1c2e8a-0000-4000-8000-000000000000"}
    )
    assert filters.sector is None and filters.year is None
    assert filters.district == "6f1c2e8a-0000-4000-8000-000000000000"
