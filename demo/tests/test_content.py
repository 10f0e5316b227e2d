"""The content files under demo/content: they parse, each story says the same
things in every language it declares, and a bad file is refused with an error
that names the file and the key."""

import json
import shutil

import pytest
from django.contrib.auth import get_user_model

from demo.content import CONTENT_DIR, ContentError, content_files, load_content
from demo.services import load_demo
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
    edit(content_copy / "stories" / "malda-mango.json", change)
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    assert "stories/malda-mango.json" in str(error.value)
    assert message in str(error.value)


def test_a_taxonomy_name_missing_a_language_is_refused(content_copy):
    edit(content_copy / "taxonomy.json", lambda taxonomy: taxonomy["states"][3]["name"].pop("ur"))
    with pytest.raises(
        ContentError, match=r"taxonomy\.json, at states\[3\]\.name: missing language key 'ur'"
    ):
        load_content(content_copy)


def test_a_workshop_showing_a_missing_story_is_refused(content_copy):
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
    edit(content_copy / "stories" / "malda-mango.json", drop_hindi_summary)
    with pytest.raises(ContentError):
        load_demo(content_dir=content_copy)
    assert not get_user_model().objects.exists()
    assert not State.objects.exists()
