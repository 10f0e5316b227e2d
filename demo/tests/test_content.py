"""The content files under demo/content: they parse, each story says the same
things in every language it declares, and a bad file is refused with an error
that names the file and the key."""

import json
import shutil

import pytest
from django.contrib.auth import get_user_model
from fontTools.ttLib import TTFont

from demo.content import CONTENT_DIR, MIN_STORIES_PER_LANGUAGE, ContentError, content_files, load_content
from demo.services import load_demo
from home.fonts import NOTO_DIR
from languages.registry import ALL_CODES, SCRIPTS
from languages.registry import get as get_language
from taxonomy.models import State


@pytest.fixture
def content_copy(tmp_path):
    """A writable copy of the content files."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def edit(path, change) -> None:
    value = json.loads(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")


def test_every_content_file_is_json_and_the_whole_set_loads():
    files = content_files()
    assert {path.name for path in files} >= {"site.json", "taxonomy.json", "phrases.json", "workshops.json"}
    for path in files:
        json.loads(path.read_text(encoding="utf-8"))
    content = load_content()
    assert len(content.stories) == len([path for path in files if path.parent.name == "stories"])
    assert [story.release_id for story in content.stories] == sorted(
        story.release_id for story in content.stories
    )


def test_every_story_has_the_same_keys_in_each_language_it_declares():
    for path in CONTENT_DIR.glob("stories/*.json"):
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        assert "en" in text, path.name
        keys = {code: set(block) for code, block in text.items()}
        assert all(found == keys["en"] for found in keys.values()), (path.name, keys)


def test_every_workshop_has_the_same_keys_in_each_language_it_declares():
    for workshop in json.loads((CONTENT_DIR / "workshops.json").read_text(encoding="utf-8")):
        keys = {code: set(block) for code, block in workshop["text"].items()}
        assert all(found == keys["en"] for found in keys.values()), (workshop["slug"], keys)


def drop_hindi_summary(story):
    del story["text"]["hi"]["summary"]


def misspell_summary(story):
    story["text"]["hi"]["sumary"] = story["text"]["hi"].pop("summary")


def unknown_product(story):
    story["product"] = "Malda mangoes"


def unknown_language(story):
    story["text"]["xx"] = story["text"]["hi"]


def blank_headline(story):
    story["text"]["en"]["headline"] = " "


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (drop_hindi_summary, "at text.hi: missing key 'summary'"),
        (misspell_summary, "at text.hi: missing key 'summary'; unknown key 'sumary'"),
        (unknown_product, "at product: unknown product 'Malda mangoes'"),
        (unknown_language, "at text: unknown language key 'xx'"),
        (blank_headline, "at text.en.headline: must not be empty"),
    ],
)
def test_a_bad_story_file_is_refused_naming_the_file_and_the_key(content_copy, change, message):
    edit(content_copy / "stories" / "alleppey-coir.json", change)
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    assert "stories/alleppey-coir.json" in str(error.value)
    assert message in str(error.value)


def english_paragraph(story):
    story["text"]["ta"]["paragraphs"][1] = story["text"]["en"]["paragraphs"][1]


def null_paragraph(story):
    story["text"]["ur"]["paragraphs"][0] = None


def note_instead_of_a_paragraph(story):
    story["text"]["sat"]["paragraphs"][0] = "[Translation under review] See the English original."


def english_seller_name(story):
    story["text"]["ks"]["seller_names"][1] = story["text"]["en"]["seller_names"][1]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (english_paragraph, "at text.ta.paragraphs[1]: the 'ta' text is its source text"),
        (null_paragraph, "at text.ur.paragraphs[0]: expected a string, found null"),
        (
            note_instead_of_a_paragraph,
            "at text.sat.paragraphs[0]: the 'sat' text has no letter of its script",
        ),
        (english_seller_name, "at text.ks.seller_names[1]: the 'ks' text is its source text"),
    ],
)
def test_a_placeholder_or_untranslated_text_is_refused(content_copy, change, message):
    edit(content_copy / "stories" / "alleppey-coir.json", change)
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    assert message in str(error.value)


def test_a_story_in_a_language_its_taxonomy_has_no_name_in_is_refused(content_copy):
    def drop_santali_office(taxonomy):
        office = next(office for office in taxonomy["offices"] if office["name"]["en"] == "PIB Patna")
        del office["name"]["sat"]

    edit(content_copy / "taxonomy.json", drop_santali_office)
    with pytest.raises(
        ContentError,
        match=r"madhubani-painting\.json, at text\.sat: taxonomy\.json has no 'sat' name for 'PIB Patna'",
    ):
        load_content(content_copy)


def test_a_language_with_fewer_than_three_stories_is_refused(content_copy):
    edit(content_copy / "stories" / "alleppey-coir.json", lambda story: story["text"].pop("mni"))
    with pytest.raises(ContentError, match=r"language 'mni' has 2 stories, fewer than 3"):
        load_content(content_copy)


def test_the_release_must_be_translated_into_every_language(content_copy):
    edit(content_copy / "releases" / "2000861.json", lambda release: release["text"].pop("doi"))
    with pytest.raises(ContentError, match=r"releases/2000861\.json: no translation into doi"):
        load_content(content_copy)


def test_a_release_paragraph_left_in_hindi_is_refused(content_copy):
    def hindi_paragraph(release):
        hindi = (content_copy / "releases" / "2000861-hi.txt").read_text(encoding="utf-8")
        release["text"]["mai"]["paragraphs"][4] = next(
            line for line in hindi.splitlines() if "प्राथमिक उत्पाद" in line
        )

    edit(content_copy / "releases" / "2000861.json", hindi_paragraph)
    with pytest.raises(
        ContentError, match=r"at text\.mai\.paragraphs\[4\]: the 'mai' text is its source text"
    ):
        load_content(content_copy)


def test_every_language_has_three_stories_and_the_release_is_in_all_of_them():
    content = load_content()
    assert set(content.story_languages) == set(ALL_CODES) - {"en"}
    for code in ALL_CODES:
        assert content.stories_in(code) >= MIN_STORIES_PER_LANGUAGE, code
    (release,) = content.releases
    assert (release.release_id, release.source) == (2000861, "hi")
    assert set(release.text) == set(ALL_CODES)
    # The Hindi is PIB's own text, read from the release file.
    assert release.original.paragraphs[0].startswith("उद्योग और आंतरिक व्यापार संवर्धन विभाग (डीपीआईआईटी)")


def test_a_workshop_showing_a_missing_story_is_refused(content_copy):  # malda-mango: English only
    (content_copy / "stories" / "malda-mango.json").unlink()
    with pytest.raises(
        ContentError, match=r"workshops\.json, at \[2\]\.stories\[0\]: unknown story 'malda-mango'"
    ):
        load_content(content_copy)


def test_a_file_that_is_not_json_is_refused_naming_it(content_copy):
    (content_copy / "phrases.json").write_text('[{"en": "Exports",}]', encoding="utf-8")
    with pytest.raises(ContentError, match=r"phrases\.json: not valid JSON"):
        load_content(content_copy)


@pytest.mark.django_db
def test_bad_content_stops_load_demo_before_it_writes_anything(content_copy):
    edit(content_copy / "stories" / "alleppey-coir.json", drop_hindi_summary)
    with pytest.raises(ContentError):
        load_demo(content_dir=content_copy)
    assert not get_user_model().objects.exists()
    assert not State.objects.exists()


def texts_by_language(value, code=None):
    """Every string under a language-code key of a content file, by language."""
    found: dict[str, set[str]] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            for language, chars in texts_by_language(item, key if key in ALL_CODES else code).items():
                found.setdefault(language, set()).update(chars)
    elif isinstance(value, list):
        for item in value:
            for language, chars in texts_by_language(item, code).items():
                found.setdefault(language, set()).update(chars)
    elif isinstance(value, str) and code:
        found[code] = set(value)
    return found


def test_every_letter_of_the_demo_text_has_a_glyph_in_its_language_font():
    """No tofu: the Noto face of each language's script (the one its web subset and PDFs
    are cut from) draws every character its demo text uses, spaces and ASCII aside."""
    chars: dict[str, set[str]] = {}
    for path in [*content_files(), CONTENT_DIR / "releases" / "2000861-hi.txt"]:
        if path.suffix == ".json":
            found = texts_by_language(json.loads(path.read_text(encoding="utf-8")))
        else:
            found = {"hi": set(path.read_text(encoding="utf-8"))}
        for code, letters in found.items():
            chars.setdefault(code, set()).update(letters)
    for code, letters in chars.items():
        stem = SCRIPTS[get_language(code).script].font_file_stem
        cmap = TTFont(NOTO_DIR / f"{stem}-Regular.ttf").getBestCmap()
        # Marks and punctuation shared with Latin text fall back to Noto Sans, as the CSS does.
        missing = sorted(
            c for c in letters if ord(c) > 0x7F and ord(c) not in cmap and c not in "\u00a0\u2019–—"
        )
        assert not missing, (code, stem, [f"U+{ord(c):04X}" for c in missing])


def test_a_district_named_in_a_language_its_state_is_not_named_in_is_refused(content_copy):
    def drop_urdu_kerala(taxonomy):
        kerala = next(state for state in taxonomy["states"] if state["name"]["en"] == "Kerala")
        del kerala["name"]["ur"]

    edit(content_copy / "taxonomy.json", drop_urdu_kerala)
    with pytest.raises(ContentError, match=r"'Alappuzha' has a 'ur' name but 'Kerala' has none"):
        load_content(content_copy)
