"""The demo content, as JSON files next to this module, and the code that reads them.

Files (UTF-8, text keyed by language code, "en" being the source):

- ``site.json``: the languages stories are translated into, the three site
  roots' titles, and sentence templates (a generic headline, summary and
  paragraph the benchmark dataset fills with names);
- ``taxonomy.json``: states, districts, sectors, products, ministries, offices;
- ``phrases.json``: phrases story bodies share (headings, figure labels and
  units, support items, the image credit), translated once;
- ``stories/<slug>.json``: one success story each;
- ``releases/<release_id>.json``: a real PIB release (its text file beside it,
  imported as PIB issued it) and its translations;
- ``workshops.json``: the ODOP Sampark workshops.

``load_content()`` reads and checks every file before returning anything, so
bad data fails with a ``ContentError`` naming the file and the key, before
``load_demo`` writes a row. Modules: ``records`` (the dataclasses returned),
``validation`` (typed JSON access), one reader per kind of file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .records import DemoContent, SeedRelease, Story, StoryText, Taxonomy, Workshop
from .release_files import parse_release_file
from .site_files import (
    parse_phrases,
    parse_sentences,
    parse_site_pages,
    parse_story_languages,
    parse_workshops,
)
from .story_files import parse_story
from .taxonomy_file import parse_taxonomy
from .validation import ContentError, read_json

CONTENT_DIR = Path(__file__).resolve().parent
# Every site language has at least this many stories in it (a release counts).
MIN_STORIES_PER_LANGUAGE = 3

__all__ = [
    "CONTENT_DIR",
    "ContentError",
    "MIN_STORIES_PER_LANGUAGE",
    "DemoContent",
    "SeedRelease",
    "Story",
    "StoryText",
    "Taxonomy",
    "Workshop",
    "content_files",
    "load_content",
]


def load_content(directory: Path | None = None) -> DemoContent:
    """All the demo content, checked. The files in this package are read once per process."""
    if directory is None:
        return _packaged_content()
    return _read(Path(directory))


@cache
def _packaged_content() -> DemoContent:
    return _read(CONTENT_DIR)


def content_files(directory: Path = CONTENT_DIR) -> list[Path]:
    """Every content file under `directory`."""
    return sorted(Path(directory).glob("*.json")) + story_files(directory) + release_files(directory)


def story_files(directory: Path = CONTENT_DIR) -> list[Path]:
    return sorted((Path(directory) / "stories").glob("*.json"))


def release_files(directory: Path = CONTENT_DIR) -> list[Path]:
    return sorted((Path(directory) / "releases").glob("*.json"))


def _read(directory: Path) -> DemoContent:
    site = read_json(directory / "site.json").fields("story_languages", "pages", "sentences")
    languages = parse_story_languages(site["story_languages"])
    taxonomy = parse_taxonomy(read_json(directory / "taxonomy.json"), languages=languages)
    phrases = parse_phrases(read_json(directory / "phrases.json"), languages=languages)
    stories = _stories(directory, languages=languages, taxonomy=taxonomy, phrases=phrases)
    workshops = parse_workshops(
        read_json(directory / "workshops.json"),
        languages=languages,
        states={state.lgd_code for state in taxonomy.states},
        stories={story.slug for story in stories},
    )
    releases = tuple(
        parse_release_file(file, languages=languages, taxonomy=taxonomy) for file in release_files(directory)
    )
    content = DemoContent(
        story_languages=languages,
        taxonomy=taxonomy,
        phrases=phrases,
        sentences=parse_sentences(site["sentences"], languages=languages),
        site_pages=parse_site_pages(site["pages"]),
        stories=stories,
        workshops=workshops,
        releases=releases,
    )
    _check_coverage(content, site=directory / "site.json")
    return content


def _check_coverage(content: DemoContent, *, site: Path) -> None:
    """Every story language has enough stories, and every real release is in all of them."""
    codes = ("en", *content.story_languages)
    for release in content.releases:
        missing = [code for code in codes if code not in release.text]
        if missing:
            raise ContentError(
                f"releases/{release.release_id}.json: no translation into {', '.join(missing)}"
            )
    for code in codes:
        found = content.stories_in(code)
        if found < MIN_STORIES_PER_LANGUAGE:
            raise ContentError(
                f"{site}: language {code!r} has {found} stories, fewer than {MIN_STORIES_PER_LANGUAGE}"
            )


def _stories(directory: Path, *, languages, taxonomy, phrases) -> tuple[Story, ...]:
    files = story_files(directory)
    if not files:
        raise ContentError(f"{directory / 'stories'}: no story files")
    by_release_id: dict[int, Story] = {}
    for file in files:
        story = parse_story(file, languages=languages, taxonomy=taxonomy, phrases=phrases)
        if story.release_id in by_release_id:
            other = by_release_id[story.release_id].slug
            raise (
                read_json(file)
                .at("release_id")
                .error(f"release ID {story.release_id} is also used by stories/{other}.json")
            )
        by_release_id[story.release_id] = story
    # Release-ID order is the order stories are created in (and the order of the tree).
    return tuple(by_release_id[key] for key in sorted(by_release_id))
