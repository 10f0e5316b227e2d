"""Publishing renders PDFs in the background; downloads serve only the live
revision's stored file; unpublishing removes access."""

import io

import pytest
from django.core.management import CommandError, call_command

from core.storage import private_storage
from printing.models import StoryPdf
from printing.services.generation import generate_story_pdfs
from tests.storage import local_storages
from tests.translation import translate

from . import stories

pytestmark = pytest.mark.django_db

ALL_FORMATS = {"newsbox_grey", "newsbox_cmyk", "release"}


def stored(page) -> dict[str, StoryPdf]:
    return {row.format: row for row in StoryPdf.objects.filter(page_id=page.pk)}


def test_publishing_a_story_stores_its_pdfs_for_the_live_revision():
    story = stories.english_story()
    rows = stored(story)
    assert set(rows) == ALL_FORMATS
    for row in rows.values():
        assert row.status == StoryPdf.Status.READY, row.error
        assert row.revision_id == story.live_revision_id
        assert row.locale == "en"
        assert row.size > 1000
        assert row.file.read(5) == b"%PDF-"
        assert f"/{story.pk}/{story.live_revision_id}/" in row.file.name


def test_publishing_a_translation_stores_pdfs_in_its_language():
    hindi = translate(stories.english_story(), "hi", strings=stories.STRINGS["hi"])
    assert {row.locale for row in stored(hindi).values()} == {"hi"}


def test_newsbox_download_is_the_stored_file_with_an_ascii_name(client):
    story = stories.english_story()
    response = client.get(f"{story.url}pdf/newsbox/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="PIB-2000861-en-newsbox.pdf"'
    body = b"".join(response.streaming_content)
    assert body == stored(story)["newsbox_grey"].file.open("rb").read()


def test_cmyk_variant_and_release_downloads_in_hindi(client):
    hindi = translate(stories.english_story(), "hi", strings=stories.STRINGS["hi"])
    cmyk = client.get(f"{hindi.url}pdf/newsbox/?variant=cmyk")
    release = client.get(f"{hindi.url}pdf/release/")
    assert cmyk.status_code == release.status_code == 200
    assert cmyk["Content-Disposition"] == 'attachment; filename="PIB-2000861-hi-newsbox-cmyk.pdf"'
    assert release["Content-Disposition"] == 'attachment; filename="PIB-2000861-hi-release.pdf"'
    assert hindi.url.startswith("/hi/")


def test_unknown_variant_is_not_found(client):
    story = stories.english_story()
    assert client.get(f"{story.url}pdf/newsbox/?variant=rgb").status_code == 404


def test_download_of_a_revision_not_yet_rendered_answers_503_never_the_old_file(client, settings):
    story = stories.english_story()
    # The new revision's render fails (no font), so only the old revision's files exist.
    settings.PRINT_FONT_OVERRIDES = {"en": "Noto Sans Nonexistent"}
    story.title = "A corrected headline"
    stories.publish(story)
    response = client.get(f"{story.url}pdf/newsbox/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert (
        StoryPdf.objects.filter(page_id=story.pk, status=StoryPdf.Status.READY)
        .exclude(revision_id=story.live_revision_id)
        .exists()
    )


def test_republishing_replaces_the_files_of_the_old_revision():
    story = stories.english_story()
    old_revision = story.live_revision_id
    old_files = [row.file.name for row in stored(story).values()]
    story.title = "A corrected headline"
    stories.publish(story)
    rows = stored(story)
    assert {row.revision_id for row in rows.values()} == {story.live_revision_id} != {old_revision}
    assert not any(private_storage().exists(name) for name in old_files)


def test_unpublishing_removes_access_and_files(client):
    story = stories.english_story()
    url = f"{story.url}pdf/release/"
    names = [row.file.name for row in stored(story).values()]
    story.unpublish()
    assert client.get(url).status_code == 404
    assert not StoryPdf.objects.filter(page_id=story.pk).exists()
    assert not any(private_storage().exists(name) for name in names)


def test_embargoed_story_pdf_is_not_served(client):
    import datetime as dt

    from django.utils import timezone

    story = stories.english_story(embargo_until=timezone.now() + dt.timedelta(days=1))
    assert client.get(f"{story.url}pdf/newsbox/").status_code == 404


def test_story_page_links_to_its_pdfs_in_its_language(client):
    hindi = translate(stories.english_story(), "hi", strings=stories.STRINGS["hi"])
    html = client.get(hindi.url).content.decode()
    assert f'href="{hindi.url}pdf/newsbox/"' in html
    assert f'href="{hindi.url}pdf/newsbox/?variant=cmyk"' in html
    assert f'href="{hindi.url}pdf/release/"' in html


def test_story_page_shows_no_links_when_no_pdf_is_ready(client):
    story = stories.english_story()
    StoryPdf.objects.all().delete()
    assert "pdf/newsbox/" not in client.get(story.url).content.decode()


def test_failed_render_is_retried_a_bounded_number_of_times_and_publishing_succeeds(
    settings, tmp_path, caplog
):
    # The private storage below a plain file: every store fails with an OS error (worth retrying).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings.STORAGES = local_storages(settings.STORAGES, private_root=blocker / "private")
    settings.PRINT_MAX_ATTEMPTS = 3
    story = stories.english_story()
    assert story.live
    rows = stored(story)
    assert {row.status for row in rows.values()} == {StoryPdf.Status.FAILED}
    assert {row.attempts for row in rows.values()} == {3}
    assert all("NotADirectoryError" in row.error for row in rows.values())
    assert "failed (attempt 3)" in caplog.text


def test_missing_font_fails_once_naming_the_family_and_never_blocks_publishing(settings):
    settings.PRINT_FONT_OVERRIDES = {"ta": "Noto Sans Tamil Nonexistent"}
    tamil = translate(stories.english_story(), "ta", strings=stories.STRINGS["ta"])
    assert tamil.live
    rows = stored(tamil)
    for row in rows.values():
        assert row.status == StoryPdf.Status.FAILED
        assert row.attempts == 1  # a missing font is not retried
        assert "Noto Sans Tamil Nonexistent" in row.error and "Tamil" in row.error


def test_stale_task_for_an_old_revision_does_nothing():
    story = stories.english_story()
    old = story.live_revision_id
    story.title = "Newer"
    stories.publish(story)
    assert generate_story_pdfs(page_id=story.pk, revision_id=old) == []


def test_render_pdfs_command_renders_a_story_in_all_languages_with_progress():
    english = stories.english_story()
    translate(english, "hi", strings=stories.STRINGS["hi"])
    StoryPdf.objects.all().delete()
    out = io.StringIO()
    call_command("render_pdfs", "--story", str(english.pk), stdout=out)
    assert "2/2 pages" in out.getvalue()
    assert StoryPdf.objects.filter(status=StoryPdf.Status.READY).count() == 6


def test_render_pdfs_command_narrows_to_a_locale_and_refuses_unknown_ones():
    english = stories.english_story()
    translate(english, "ur", strings=stories.STRINGS["ur"])
    StoryPdf.objects.all().delete()
    call_command("render_pdfs", "--locale", "ur", stdout=io.StringIO())
    assert set(StoryPdf.objects.values_list("locale", flat=True)) == {"ur"}
    with pytest.raises(CommandError, match="unknown language code 'xx'"):
        call_command("render_pdfs", "--locale", "xx", stdout=io.StringIO())
    with pytest.raises(CommandError, match="say what to render"):
        call_command("render_pdfs", stdout=io.StringIO())


def test_download_adds_one_query_to_wagtail_routing(client, django_assert_max_num_queries):
    story = stories.english_story()
    client.get(story.url)  # warm the site and locale caches
    with django_assert_max_num_queries(10):
        response = client.get(f"{story.url}pdf/release/")
    assert response.status_code == 200
