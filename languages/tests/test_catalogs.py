"""The interface catalogs: complete in every language, and up to date with the code.

A catalog is complete when every entry is translated, none is fuzzy and each
translation keeps its source's placeholders (languages.catalogs). Up to date:
running makemessages over the project finds no msgid the catalogs lack.
"""

import shutil

import polib
import pytest
from django.core.management import call_command

from languages.catalogs import catalog_path, catalog_problems, entry_problems, placeholders
from languages.registry import ALL_CODES

SOURCE_SUFFIXES = {".py", ".html", ".txt"}  # what makemessages reads for the "django" domain
NOT_SOURCE = {".venv", "node_modules", "var", ".git", "locale", "static"}


def msgids(path) -> set[tuple[str, str]]:
    return {(entry.msgctxt or "", entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete}


@pytest.mark.parametrize("code", ALL_CODES)
def test_catalog_is_complete(code):
    problems = catalog_problems(code)
    assert not problems, "\n".join(map(str, problems[:20]))


@pytest.mark.parametrize("code", ALL_CODES)
def test_catalog_has_every_current_msgid(code):
    assert msgids(catalog_path(code)) == msgids(catalog_path("en"))


def test_catalog_headers_say_the_translations_await_review():
    for code in ALL_CODES:
        if code == "en":
            continue
        catalog = polib.pofile(str(catalog_path(code)))
        assert "without a native reviewer" in catalog.header, code
        assert "not yet reviewed" in catalog.metadata["Language-Team"], code


def test_problems_name_what_is_wrong():
    untranslated = polib.POEntry(msgid="Page %(number)s of %(total)s", msgstr="")
    fuzzy = polib.POEntry(msgid="Next", msgstr="अगला", flags=["fuzzy"])
    renamed = polib.POEntry(msgid="Page %(number)s of %(total)s", msgstr="पृष्ठ %(num)s / %(total)s")
    plural = polib.POEntry(
        msgid="%(counter)s story", msgid_plural="%(counter)s stories", msgstr_plural={0: "", 1: "x"}
    )
    good = polib.POEntry(msgid="%(size)s KB", msgstr="%(size)s KB")
    assert entry_problems("hi", untranslated) == ["untranslated"]
    assert entry_problems("hi", fuzzy) == ["fuzzy"]
    assert entry_problems("hi", renamed)[0].startswith("placeholders ['%(num)s', '%(total)s'] differ")
    assert entry_problems("hi", plural) == ["untranslated"]
    assert entry_problems("hi", good) == []
    assert placeholders("{} and {name}, %d of %s") == ["%d", "%s", "{name}", "{}"]


def _copy_sources(root, target):
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if relative.parts[0] in NOT_SOURCE or path.suffix not in SOURCE_SUFFIXES or not path.is_file():
            continue
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / relative)


def test_makemessages_finds_nothing_the_catalogs_lack(tmp_path, settings, monkeypatch):
    root = settings.BASE_DIR
    _copy_sources(root, tmp_path)
    english = catalog_path("en", locale_dir=tmp_path / "locale")
    english.parent.mkdir(parents=True)
    shutil.copyfile(catalog_path("en"), english)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)
    assert msgids(english) == msgids(catalog_path("en")), "run makemessages (see README, Languages)"
