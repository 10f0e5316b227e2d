import io
import zipfile

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from translations.services import po_files
from translations.services.submission import submit_for_translation

from .conftest import build_story, page_of, translate

pytestmark = pytest.mark.django_db


def _translation(story, code):
    return Translation.objects.get(source__object_id=story.translation_key, target_locale__language_code=code)


def _filled_po(translation, *, skip_contexts=(), prefix="ता"):
    po = po_files.export_po(translation)
    for entry in po:
        if entry.msgctxt not in skip_contexts:
            entry.msgstr = f"{entry.msgid}-x" if entry.msgctxt == "slug" else f"{prefix} {entry.msgid}"
    return str(po).encode()


def _translated_count(translation):
    return StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=translation.source.object_id
    ).count()


def test_export_zip_has_one_po_per_requested_language(world, client):
    client.force_login(world.admin)
    response = client.get(reverse("odop_translations:po_export"), {"page": world.story.pk})
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = sorted(archive.namelist())
    assert [name.rsplit(".", 2)[-2] for name in names] == ["hi", "ta", "ur"]
    po = polib.pofile(archive.read(names[0]).decode())
    assert po.metadata[po_files.HEADER_STORY] == str(world.story.translation_key)
    assert any(entry.msgid == world.story.title for entry in po)


def test_translator_export_contains_only_their_language(world, client):
    client.force_login(world.users[("translator", "ur")])
    response = client.get(reverse("odop_translations:po_export"), {"page": world.story.pk})
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert [name.rsplit(".", 2)[-2] for name in names] == ["ur"]


def test_export_of_a_selection_covers_every_story(world):
    other = build_story(title="Channapatna toys", slug="toys")
    submit_for_translation(instances=[other], locale_codes=["ta"], user=world.admin)
    data = po_files.export_zip(pages=[world.story, other], locale_codes=["hi", "ta", "ur"])
    assert len(zipfile.ZipFile(io.BytesIO(data)).namelist()) == 4


def test_import_zip_round_trip_through_the_admin_view(world, client):
    translation = _translation(world.story, "hi")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.hi.po", _filled_po(translation, prefix="हिंदी"))
    client.force_login(world.users[("translator", "hi")])
    response = client.post(
        reverse("odop_translations:po_import_story", args=[world.story.pk]),
        {"files": [SimpleUploadedFile("batch.zip", buffer.getvalue())]},
    )
    assert response.status_code == 200
    [report] = response.context["reports"]
    assert report.ok, report.error
    assert report.missing == []
    assert _translated_count(translation) == StringSegment.objects.filter(source=translation.source).count()


def test_partial_file_keeps_what_it_has_and_reports_what_is_missing(world):
    translation = _translation(world.story, "ta")
    [report] = po_files.import_uploads(
        files=[("t.po", _filled_po(translation, skip_contexts=("summary",)))], user=world.admin
    )
    assert report.ok
    assert report.missing == ["summary"]
    assert report.imported == report.total - 1
    assert _translated_count(translation) == report.total - 1


def test_malformed_file_is_refused_with_its_name(world):
    [report] = po_files.import_uploads(
        files=[("broken.po", b'msgid "unterminated\nmsgstr ""\n')], user=world.admin
    )
    assert not report.ok
    assert "broken.po" in report.error


def test_non_utf8_and_empty_files_are_refused(world):
    reports = po_files.import_uploads(
        files=[("latin.po", 'msgid "é"\n'.encode("latin-1")), ("empty.po", b"")], user=world.admin
    )
    assert [r.ok for r in reports] == [False, False]


def test_file_for_another_story_is_refused_and_writes_nothing(world):
    other = build_story(title="Moradabad brass", slug="brass")
    submit_for_translation(instances=[other], locale_codes=["hi"], user=world.admin)
    other_translation = _translation(other, "hi")
    [report] = po_files.import_uploads(
        files=[("wrong.po", _filled_po(other_translation))], user=world.admin, story=world.story
    )
    assert "Moradabad brass" in report.error
    assert _translated_count(other_translation) == 0


def test_file_whose_language_header_was_changed_is_refused(world):
    translation = _translation(world.story, "hi")
    po = polib.pofile(_filled_po(translation).decode())
    po.metadata[po_files.HEADER_LOCALE] = "ta"
    [report] = po_files.import_uploads(files=[("x.po", str(po).encode())], user=world.admin)
    assert "language ta" in report.error
    assert _translated_count(translation) == 0


def test_file_for_another_language_than_the_translators_is_refused(world):
    translation = _translation(world.story, "hi")
    [report] = po_files.import_uploads(
        files=[("x.po", _filled_po(translation))], user=world.users[("translator", "ta")]
    )
    assert "hi" in report.error
    assert _translated_count(translation) == 0


def test_outdated_file_is_refused_after_the_source_was_synced(world):
    translation = _translation(world.story, "ur")
    stale = _filled_po(translation, prefix="اردو")
    story = Page.objects.get(pk=world.story.pk).specific
    story.summary = "Changed after export."
    story.save_revision().publish()
    translation.source.update_from_db()
    [report] = po_files.import_uploads(files=[("old.po", stale)], user=world.admin)
    assert "outdated" in report.error
    assert _translated_count(translation) == 0


def test_file_with_entries_missing_from_the_source_is_outdated(world):
    translation = _translation(world.story, "ur")
    po = polib.pofile(_filled_po(translation).decode())
    po.append(polib.POEntry(msgid="A sentence no longer there", msgstr="x", msgctxt="body.old"))
    [report] = po_files.import_uploads(files=[("x.po", str(po).encode())], user=world.admin)
    assert "outdated" in report.error and "body.old" in report.error
    assert _translated_count(translation) == 0


def test_file_without_translation_header_is_refused(world):
    [report] = po_files.import_uploads(
        files=[("x.po", b'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\n')], user=world.admin
    )
    assert "X-WagtailLocalize-TranslationID" in report.error


def test_one_bad_file_does_not_stop_the_good_ones(world):
    good = _filled_po(_translation(world.story, "hi"))
    reports = po_files.import_uploads(files=[("bad.po", b"garbage\n"), ("good.po", good)], user=world.admin)
    assert [r.ok for r in reports] == [False, True]


def _with_value(translation, *, path, value, prefix="हिंदी"):
    po = polib.pofile(_filled_po(translation, prefix=prefix).decode())
    for entry in po:
        if entry.msgctxt == path:
            entry.msgstr = value
    return str(po).encode()


def _live_hindi_story(world, capture):
    translation = _translation(world.story, "hi")
    translate(translation, world.users[("translator", "hi")], prefix="हिंदी")
    with capture(execute=True):
        translation.save_target(user=world.users[("reviewer", "hi")], publish=True)
    return translation


@pytest.mark.parametrize(
    "value",
    ["<p>नया शीर्षक</p>", '<b class="x">नया शीर्षक</b>'],
    ids=["block-tag", "attribute"],
)
def test_markup_wagtail_localize_refuses_is_an_error_naming_the_msgid_and_the_live_page_keeps_hindi(
    world, value, django_capture_on_commit_callbacks
):
    translation = _live_hindi_story(world, django_capture_on_commit_callbacks)
    before = dict(
        StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).values_list("context__path", "data")
    )
    [report] = po_files.import_uploads(
        files=[("hi.po", _with_value(translation, path="title", value=value, prefix="नया"))],
        user=world.users[("translator", "hi")],
    )
    assert not report.ok
    assert world.story.title in report.error and "title" in report.error
    after = dict(
        StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).values_list("context__path", "data")
    )
    assert after == before, "nothing from the file was written, not even its good values"
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=world.users[("reviewer", "hi")], publish=True)
    page = page_of(world.story, "hi")
    assert page.title.startswith("हिंदी") and page.summary.startswith("हिंदी"), (
        "the live page never turns English"
    )


def test_a_value_the_page_would_refuse_is_an_error_naming_the_msgid(world):
    translation = _translation(world.story, "hi")
    [report] = po_files.import_uploads(
        files=[("hi.po", _with_value(translation, path="title", value="श" * 300))], user=world.admin
    )
    assert not report.ok
    assert world.story.title in report.error and "255" in report.error
    assert _translated_count(translation) == 0


def test_admin_view_reports_the_refused_file_and_imports_nothing(world, client):
    translation = _translation(world.story, "hi")
    client.force_login(world.users[("translator", "hi")])
    response = client.post(
        reverse("odop_translations:po_import"),
        {
            "files": [
                SimpleUploadedFile("hi.po", _with_value(translation, path="summary", value="<div>x</div>"))
            ]
        },
    )
    messages = [str(message) for message in response.context["messages"]]
    assert not any("Imported" in message for message in messages), messages
    [report] = response.context["reports"]
    assert "summary" in report.error
    assert _translated_count(translation) == 0


def test_tamil_translator_cannot_export_hindi_po(world, client):
    client.force_login(world.users[("translator", "ta")])
    response = client.get(reverse("odop_translations:po_export"), {"page": world.story.pk, "locale": "hi"})
    assert response.status_code == 403


def test_unknown_language_in_a_po_export_is_403_not_every_language(world, client):
    for user in (world.users[("translator", "ta")], world.admin):
        client.force_login(user)
        response = client.get(
            reverse("odop_translations:po_export"), {"page": world.story.pk, "locale": "xx"}
        )
        assert response.status_code == 403, user


def test_translator_asking_for_own_and_foreign_languages_gets_403(world, client):
    client.force_login(world.users[("translator", "ta")])
    response = client.get(
        reverse("odop_translations:po_export"), {"page": world.story.pk, "locale": ["ta", "hi"]}
    )
    assert response.status_code == 403
