"""releases/<release_id>.json: a real PIB release, kept as PIB issued it in
releases/<file> (plain text, imported by ``import_release``), with its
translations keyed by language code.

The release's own language is read from its text file, with the same parser
``import_release`` uses; the JSON holds every other language, shaped like the
release: headline, subheadlines, paragraphs (as many as the release has) and
the reference initials.
"""

from __future__ import annotations

from pathlib import Path

from stories.services.release_header import HeaderAnchors
from stories.services.release_parser import ReleaseFormatError, decode_release, parse_release

from .records import ReleaseText, SeedRelease, Taxonomy
from .validation import Node, known, read_json


def parse_release_file(file: Path, *, languages: tuple[str, ...], taxonomy: Taxonomy) -> SeedRelease:
    node = read_json(file)
    f = node.fields("release_id", "source", "slug", "file", "text")
    source = f["source"].text()
    codes = ("en", *languages)
    known(f["source"], source, codes, what="language code", where="site.json story_languages")
    release_file = file.parent / f["file"].text()
    original = _original(release_file, f["file"], taxonomy=taxonomy)
    release_id = f["release_id"].integer()
    if original.release_id != release_id:
        raise f["release_id"].error(f"{release_file.name} says Release ID {original.release_id}")
    source_text = ReleaseText(
        headline=original.headline,
        subheadlines=tuple(original.subheadlines),
        paragraphs=tuple(original.paragraphs),
        initials=original.initials,
    )
    texts = {source: source_text}
    for code, item in f["text"].languages(allowed=[c for c in codes if c != source]).items():
        texts[code] = _translation(item, code=code, original=source_text)
    _check_names(
        f["text"], texts, taxonomy=taxonomy, ministry=original.ministry, office=original.issuing_office
    )
    return SeedRelease(
        release_id=release_id, source=source, slug=f["slug"].text(), release_file=release_file, text=texts
    )


def _original(release_file: Path, node: Node, *, taxonomy: Taxonomy):
    anchors = HeaderAnchors.from_names(
        ministries=[name for item in taxonomy.ministries for name in item.name.values()],
        offices=[name for item in taxonomy.offices for name in item.name.values()],
    )
    try:
        return parse_release(decode_release(release_file.read_bytes()), anchors=anchors)
    except OSError as error:
        raise node.error(f"cannot read {release_file.name}: {error}") from error
    except ReleaseFormatError as error:
        raise node.error(f"{release_file.name}: {error}") from error


def _translation(node: Node, *, code: str, original: ReleaseText) -> ReleaseText:
    f = node.fields("headline", "subheadlines", "paragraphs", "initials")

    def each(key: str, sources: tuple[str, ...]) -> tuple[str, ...]:
        items = f[key].items(length=len(sources))
        return tuple(
            item.translated_text(code=code, source=source)
            for item, source in zip(items, sources, strict=True)
        )

    return ReleaseText(
        headline=f["headline"].translated_text(code=code, source=original.headline),
        subheadlines=each("subheadlines", original.subheadlines),
        paragraphs=each("paragraphs", original.paragraphs),
        initials=f["initials"].text(),  # the same letters in a language of the same script
    )


def _check_names(node: Node, texts: dict, *, taxonomy: Taxonomy, ministry: str, office: str) -> None:
    """The release's ministry and office are named in every language it is translated into."""
    wanted = []
    for item in taxonomy.ministries:
        if ministry in item.name.values():
            wanted.append(item.name)
    for item in taxonomy.offices:
        if office in item.name.values():
            wanted += [item.name, item.city]
    for code in texts:
        for name in wanted:
            if code not in name:
                raise node.at(code).error(f"taxonomy.json has no {code!r} name for {name['en']!r}")
