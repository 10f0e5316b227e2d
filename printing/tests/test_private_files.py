"""Story PDFs are derived from the story's text, so they live in the private
storage, never under MEDIA_ROOT, and only the download view hands them out."""

import datetime as dt
import importlib
from unittest import mock

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from core.storage import private_storage
from printing.models import StoryPdf

from . import stories

pytestmark = pytest.mark.django_db


def media_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_publishing_an_embargoed_story_writes_nothing_with_its_text_under_media(settings, client):
    until = timezone.now() + dt.timedelta(days=7)
    story = stories.english_story(hero_image=stories.jpeg_image(), embargo_until=until)
    rows = StoryPdf.objects.filter(page_id=story.pk)
    assert {row.status for row in rows} == {StoryPdf.Status.READY}
    assert all(private_storage().exists(row.file.name) for row in rows)
    for path in media_files(settings):
        # Only Wagtail's own image files: the original and its renditions.
        assert path.relative_to(settings.MEDIA_ROOT).parts[0] in {"original_images", "images"}, path
        content = path.read_bytes()
        assert not content.startswith(b"%PDF") and story.title.encode() not in content, path
    private_root = settings.STORAGES["private"]["OPTIONS"]["location"]
    assert settings.MEDIA_ROOT not in private_root.parents


def test_embargoed_story_pdf_is_not_found_until_the_embargo_passes(client):
    until = timezone.now() + dt.timedelta(days=7)
    story = stories.english_story(embargo_until=until)
    url = f"{story.url}pdf/release/"
    assert client.get(url).status_code == 404
    with mock.patch("django.utils.timezone.now", return_value=until - dt.timedelta(minutes=1)):
        assert client.get(url).status_code == 404
    with mock.patch("django.utils.timezone.now", return_value=until + dt.timedelta(minutes=1)):
        response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_private_files_have_no_url():
    with pytest.raises(NotImplementedError, match="no URL"):
        private_storage().url("printing/pdfs/1/2/release.pdf")


def test_migration_moves_pdfs_out_of_public_media_and_can_run_again():
    story = stories.english_story(run_on_commit=False)
    name = f"printing/pdfs/{story.pk}/{story.live_revision_id}/release.pdf"
    default_storage.save(name, ContentFile(b"%PDF-1.7 old public copy"))
    row = StoryPdf.objects.create(
        page_id=story.pk, revision_id=story.live_revision_id, locale="en", format="release", file=name
    )
    migration = importlib.import_module("printing.migrations.0002_private_storage")
    migration.to_private(apps, None)
    migration.to_private(apps, None)  # a second run (after a failure part-way) changes nothing
    row.refresh_from_db()
    assert not default_storage.exists(name)
    assert private_storage().open(row.file.name).read() == b"%PDF-1.7 old public copy"
    migration.to_public(apps, None)
    assert default_storage.exists(row.file.name) and not private_storage().exists(row.file.name)
