"""The public pages are valid HTML for the W3C Nu HTML checker (`vnu-jar`
from npm, on the machine's Java): home, story index, story, landing pages
(district, sector) and search, in English, Hindi, Tamil, Bengali and Urdu.
One checker run for every page (the JVM starts once)."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client

from home.tests.content import build_site
from home.tests.test_public_pages import _Collector

VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("en", "hi", "ta", "bn", "ur")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,  # builds a five-language site and starts a JVM (~20 s)
    pytest.mark.skipif(
        shutil.which("java") is None, reason="no java on PATH (scripts/system-deps.sh installs it)"
    ),
]


def pages_to_check(site) -> dict[str, str]:
    """name -> path of every page checked."""
    paths = {}
    for code in LANGUAGES:
        pages = site if code == "en" else site["translated"][code]
        index = pages["index"]
        paths[f"{code}-home"] = pages["home"].url
        paths[f"{code}-index"] = index.url
        paths[f"{code}-story"] = pages["story"].url
        paths[f"{code}-district"] = index.landing_url("district", site["district"])
        paths[f"{code}-sector"] = index.landing_url("sector", site["sector"])
        paths[f"{code}-search"] = f"/{code}/search/?q=silk"
    return paths


@pytest.fixture(scope="module")
def checked(django_db_setup, django_db_blocker):
    """{page name: [Nu checker errors]} for every page, from one vnu run."""
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} is missing: run `npm install` (package.json pins vnu-jar)")
    with django_db_blocker.unblock(), transaction.atomic():
        site = build_site(languages=LANGUAGES[1:], extra_stories=1)
        client = Client()
        with tempfile.TemporaryDirectory() as folder:
            files, html = {}, {}
            for name, path in pages_to_check(site).items():
                response = client.get(path)
                assert response.status_code == 200, (name, path, response.status_code)
                files[name] = Path(folder) / f"{name}.html"
                files[name].write_bytes(response.content)
                html[name] = response.content.decode()
            run = subprocess.run(  # noqa: S603 - fixed arguments, our own files
                [
                    "java",
                    "-jar",
                    str(VNU_JAR),
                    "--errors-only",
                    "--format",
                    "json",
                    *map(str, files.values()),
                ],  # noqa: S607
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            messages = json.loads(run.stderr or run.stdout)["messages"]
        transaction.set_rollback(True)
    by_file = {Path(path).stem: [] for path in map(str, files.values())}
    for message in messages:
        if message.get("type") == "error":
            stem = Path(message.get("url", "").removeprefix("file:")).stem
            by_file.setdefault(stem, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return {"errors": by_file, "html": html}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("kind", ["home", "index", "story", "district", "sector", "search"])
def test_page_has_no_html_errors(checked, code, kind):
    errors = checked["errors"][f"{code}-{kind}"]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_has_a_description_and_only_absolute_links(checked, settings, code):
    for kind in ("home", "index", "story", "district", "sector", "search"):
        page = _Collector()
        page.feed(checked["html"][f"{code}-{kind}"])
        descriptions = [m["content"] for m in page.metas if m.get("name") == "description"]
        assert len(descriptions) == 1 and descriptions[0].strip(), (kind, descriptions)
        for link in page.links:
            if link.get("rel") in ("canonical", "alternate"):
                assert link["href"].startswith("http"), (kind, link)


def test_story_json_ld_names_publisher_logo_author_url_and_keywords_in_the_page_language(checked):
    for code, district in (("en", "Varanasi"), ("hi", "वाराणसी")):
        page = _Collector()
        page.feed(checked["html"][f"{code}-story"])
        article = json.loads(page.json_ld[0])
        assert article["publisher"]["logo"]["url"].startswith("http")
        assert article["author"]["url"] == "https://pib.gov.in/"
        assert district in article["keywords"]
        assert ("handloom" in article["keywords"]) == (code == "en")  # English tags on English pages only
