"""Media, renditions and story PDFs on S3-compatible object storage, against a
real S3 server (moto's, on 127.0.0.1) configured as cms/settings does it."""

import datetime as dt
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.utils import timezone

from printing.models import StoryPdf
from printing.services.render import render_newsbox, render_release
from tests.storage import PRIVATE_BUCKET, PUBLIC_BUCKET, S3Server

from . import pdfcheck, stories

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="module")
def s3_server():
    server = S3Server()
    try:
        server.start()
    except RuntimeError as error:
        pytest.skip(str(error))
    yield server
    server.stop()


@pytest.fixture
def s3(s3_server, settings):
    """Media and private files on the S3 server, two buckets, as with AWS_PRIVATE_BUCKET_NAME."""
    settings.STORAGES = s3_server.storages(settings.STORAGES)
    yield s3_server
    s3_server.empty()


def pdf_keys(server, bucket: str, story) -> list[str]:
    return [key for key in server.keys(bucket) if f"printing/pdfs/{story.pk}/" in key]


def test_uploaded_image_and_its_renditions_are_objects_in_the_public_bucket(s3, settings):
    image = stories.jpeg_image(width=800, height=500)
    rendition = image.get_rendition("fill-200x100")
    keys = s3.keys(PUBLIC_BUCKET)
    assert image.file.name in keys
    assert rendition.file.name in keys and rendition.file.name.startswith("images/")
    assert rendition.url.startswith(f"{s3.endpoint_url}/{PUBLIC_BUCKET}/")
    assert "Signature" not in rendition.url and "X-Amz-Signature" not in rendition.url  # public: plain URLs
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("*.*"))
    with pytest.raises(NotImplementedError):
        image.file.path  # noqa: B018 - object storage has no local path: the renderer must not use it


def test_pdfs_rendered_from_object_storage_embed_the_photo(s3):
    story = stories.english_story(hero_image=stories.jpeg_image(width=1600, height=1000), run_on_commit=False)
    for result in (render_newsbox(story=story), render_release(story=story)):
        assert len(pdfcheck.images(result.content)) == 1, result.warnings
        assert not any("photo" in warning for warning in result.warnings)


def test_story_pdf_download_redirects_to_a_short_lived_signed_url_in_the_private_bucket(s3, client):
    story = stories.english_story(hero_image=stories.jpeg_image())
    assert {row.status for row in StoryPdf.objects.filter(page_id=story.pk)} == {StoryPdf.Status.READY}
    assert len(pdf_keys(s3, PRIVATE_BUCKET, story)) == 3
    assert pdf_keys(s3, PUBLIC_BUCKET, story) == []

    response = client.get(f"{story.url}pdf/newsbox/")
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    location = response["Location"]
    assert location.startswith(f"{s3.endpoint_url}/{PRIVATE_BUCKET}/printing/pdfs/{story.pk}/")
    query = parse_qs(urlsplit(location).query)
    if "X-Amz-Expires" in query:  # signature v4
        assert int(query["X-Amz-Expires"][0]) <= 60
    else:  # signature v2
        assert int(query["Expires"][0]) - timezone.now().timestamp() <= 61

    download = requests.get(location, timeout=10)
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF-")
    assert 'filename="PIB-2000861-en-newsbox.pdf"' in download.headers["Content-Disposition"]
    unsigned = location.split("?", 1)[0]
    assert requests.get(unsigned, timeout=10).status_code == 403


def test_private_files_under_a_prefix_of_the_media_bucket_when_no_private_bucket_is_named(
    s3_server, settings, client
):
    settings.STORAGES = s3_server.storages(settings.STORAGES, shared_bucket=True)
    try:
        story = stories.english_story()
        keys = pdf_keys(s3_server, PUBLIC_BUCKET, story)
        assert len(keys) == 3 and all(key.startswith("private/printing/pdfs/") for key in keys)
        location = client.get(f"{story.url}pdf/release/")["Location"]
        assert location.startswith(f"{s3_server.endpoint_url}/{PUBLIC_BUCKET}/private/printing/pdfs/")
        assert requests.get(location, timeout=10).content.startswith(b"%PDF-")
    finally:
        s3_server.empty()


def test_embargoed_story_pdfs_wait_in_the_private_bucket_until_the_embargo_passes(s3, client):
    until = timezone.now() + dt.timedelta(days=7)
    story = stories.english_story(embargo_until=until)
    assert len(pdf_keys(s3, PRIVATE_BUCKET, story)) == 3
    assert pdf_keys(s3, PUBLIC_BUCKET, story) == []
    assert client.get(f"{story.url}pdf/newsbox/").status_code == 404
    with mock.patch("django.utils.timezone.now", return_value=until + dt.timedelta(minutes=1)):
        assert client.get(f"{story.url}pdf/newsbox/").status_code == 302


def test_unpublishing_deletes_the_objects(s3, client):
    story = stories.english_story()
    assert len(pdf_keys(s3, PRIVATE_BUCKET, story)) == 3
    story.unpublish()
    assert pdf_keys(s3, PRIVATE_BUCKET, story) == []
    assert client.get(f"{story.url}pdf/newsbox/").status_code == 404
