"""The snippet highlighter never fails, whatever the text and the query: any
script, combining marks, words longer than the window, empty input."""

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.highlight import SNIPPET_CHARS, highlight, matching_spans

MARK = re.compile(r"<mark>(.*?)</mark>", re.S)

# Letters of several scripts, combining marks (Devanagari vowel signs and
# virama, Arabic harakat, a Latin acute), spaces, markup characters.
ALPHABET = st.sampled_from(
    list("aZqx ")
    + list("कारीगर\u093f\u094d\u093c")
    + list("کاریگر\u064e\u0650")
    + list("கைவினை")
    + list("\u0301<>&\"'\n\t…")
    + ["\u200c", "\u200d", "1", "२", "۳"]
)
TEXTS = st.one_of(st.text(max_size=600), st.text(alphabet=ALPHABET, max_size=600))
TERMS = st.lists(
    st.one_of(st.text(max_size=12), st.text(alphabet=ALPHABET, min_size=1, max_size=12)), max_size=4
)


def plain(snippet: str) -> str:
    """The snippet's text: tags removed, entities decoded, ellipses dropped."""
    return html.unescape(MARK.sub(r"\1", snippet)).strip("…")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, terms=TERMS, size=st.sampled_from([SNIPPET_CHARS, 40, 5, 1]))
def test_highlight_never_raises_escapes_everything_and_marks_only_matches(text, terms, size):
    snippet = str(highlight(text, terms, size=size))
    # Escaped: the only tags are our <mark>s, every other < > & is an entity.
    assert "<" not in MARK.sub("", snippet.replace("<mark>", "").replace("</mark>", ""))
    without_marks = snippet.replace("<mark>", "").replace("</mark>", "")
    assert html.escape(html.unescape(without_marks), quote=True) == without_marks
    # The snippet is a piece of the text, at most `size` characters of it.
    body = plain(snippet)
    assert body in text
    assert len(body) <= max(size, 0) or len(text) <= size
    # Every marked piece lies inside a word that matches the query.
    matches = [text[start:end] for start, end in matching_spans(text, terms)]
    for marked in MARK.findall(snippet):
        assert any(html.unescape(marked) in word for word in matches), (marked, matches)


def test_a_word_longer_than_the_window_is_cut_not_an_error():
    text = "Zqxlongword" * 40
    snippet = str(highlight(text, ["zqxlongword"]))
    assert snippet.startswith("<mark>Zqxlongword") and snippet.endswith("</mark>…")
    assert len(plain(snippet)) == SNIPPET_CHARS
    assert str(highlight(text, ["longword"])) == text[:SNIPPET_CHARS] + "…"


def test_empty_text_and_empty_query_give_an_empty_snippet():
    assert str(highlight("", [])) == ""
    assert str(highlight(None, ["x"])) == ""
    assert str(highlight("a b", ["", " "])) == "a b"
