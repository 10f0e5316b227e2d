"""Hostile input at every door: each is refused with a clear error naming what
is wrong (4xx, never 500) and nothing is written (row counts and files under
MEDIA_ROOT and PRIVATE_ROOT the same before and after).

Inputs are generated in memory at the smallest size over each limit; one
test proves a 50 MB release and a zip bomb are refused cheaply. The tally
(inputs tried, crashes, partial writes) is printed at the end of the module
(`pytest -s`).
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfWriter
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from core.limits import LimitExceeded, limit, text_length
from printing.models import StoryPdf
from printing.services.generation import generate_story_pdfs
from stories.models import ReleaseIdSequence, SuccessStoryPage
from syndication.models import PrintRecord
from syndication.tests.content import auth, partner_key
from taxonomy.models import IssuingOffice, Ministry
from translations.services import po_files
from translations.tests.conftest import build_world

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parent.parent / "stories" / "tests" / "fixtures"
TALLY = Counter()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world(codes=["hi"])
        world.key = partner_key("Hostile Times", languages=("en", "hi"))
        yield world
        transaction.set_rollback(True)
    print(
        f"\nhostile inputs: {TALLY['tried']} tried, {TALLY['crashes']} crashes, "
        f"{TALLY['partial_writes']} partial writes"
    )


def _files(root) -> int:
    root = Path(root)
    return sum(1 for path in root.rglob("*") if path.is_file()) if root.exists() else 0


def snapshot() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "ministries": Ministry.objects.count(),
        "offices": IssuingOffice.objects.count(),
        "release_id_rows": ReleaseIdSequence.objects.count(),
        "print_records": PrintRecord.objects.count(),
        "story_pdfs_ready": StoryPdf.objects.filter(status=StoryPdf.Status.READY).count(),
        "media_files": _files(settings.MEDIA_ROOT),
        "private_files": _files(settings.PRIVATE_ROOT),
    }


@contextmanager
def refused():
    """Count one hostile input; fail on a 500 or on anything written."""
    TALLY["tried"] += 1
    before = snapshot()
    try:
        yield
    except AssertionError:
        raise
    except Exception:
        TALLY["crashes"] += 1
        raise
    after = snapshot()
    if after != before:
        TALLY["partial_writes"] += 1
    assert after == before


def assert_answer(response, status: int, *words: str) -> None:
    if response.status_code >= 500:
        TALLY["crashes"] += 1
    assert response.status_code == status, response.content[:500]
    text = response.content.decode()
    for word in words:
        assert word in text, text[:500]


# --- PIB release files: import_release ---------------------------------------------

ENGLISH = (FIXTURES / "english_release.txt").read_text()
PARAGRAPH = "Sales of the district's primary product grew by 12 per cent over the year."


def release_text(*, headline=None, subheadlines=None, paragraphs=None) -> str:
    lines = ENGLISH.splitlines()
    head = lines.index("ODOP Sampark workshop in Varanasi brings Banarasi silk weavers to GeM and ONDC")
    posted = next(i for i, line in enumerate(lines) if line.startswith("Posted On"))
    stars = lines.index("***")
    if headline is not None:
        lines[head] = headline
    if subheadlines is not None:
        lines[head + 1 : posted] = ["", *subheadlines, ""]
        posted = next(i for i, line in enumerate(lines) if line.startswith("Posted On"))
        stars = lines.index("***")
    if paragraphs is not None:
        lines[posted + 1 : stars] = ["", *paragraphs, ""]
    return "\n".join(lines) + "\n"


def body_of_chars(count: int) -> list[str]:
    per = 1000
    texts = ["x" * per for _ in range(count // per)]
    if count % per:
        texts.append("y" * (count % per))
    return texts


RELEASES = {
    "file one byte over LIMIT_RELEASE_FILE_BYTES": (
        lambda: ENGLISH.encode() + b" " * (limit("LIMIT_RELEASE_FILE_BYTES") + 1 - len(ENGLISH.encode())),
        "LIMIT_RELEASE_FILE_BYTES",
    ),
    "body one character over LIMIT_STORY_BODY_CHARS": (
        lambda: release_text(paragraphs=body_of_chars(limit("LIMIT_STORY_BODY_CHARS") + 1)).encode(),
        "LIMIT_STORY_BODY_CHARS",
    ),
    "one paragraph over LIMIT_STORY_BODY_BLOCKS": (
        lambda: release_text(paragraphs=[PARAGRAPH] * (limit("LIMIT_STORY_BODY_BLOCKS") + 1)).encode(),
        "LIMIT_STORY_BODY_BLOCKS",
    ),
    "one subheadline over LIMIT_SUBHEADLINES": (
        lambda: release_text(
            subheadlines=[f"Subheadline {n}" for n in range(limit("LIMIT_SUBHEADLINES") + 1)]
        ).encode(),
        "LIMIT_SUBHEADLINES",
    ),
    "headline of 256 characters": (lambda: release_text(headline="H" * 256).encode(), "256"),
    "not UTF-8": (lambda: b"\xff\xfe\x00garbage\n" * 10, "UTF-8"),
    "empty": (lambda: b"", "empty"),
    "NUL bytes": (lambda: b"\x00" * 1000, "NUL"),
}


@pytest.mark.parametrize("case", list(RELEASES), ids=list(RELEASES))
@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry-run"])
def test_hostile_release_file_is_refused_naming_the_limit(world, tmp_path, case, dry_run):
    make, words = RELEASES[case]
    path = tmp_path / "release.txt"
    path.write_bytes(make())
    with refused(), pytest.raises(CommandError) as error:
        args = ["--dry-run"] if dry_run else ["--publish"]
        call_command("import_release", str(path), "--locale", "en", *args, stdout=io.StringIO())
    assert words in str(error.value)


def test_fifty_megabyte_release_is_refused_without_being_read(world, tmp_path):
    path = tmp_path / "big50.txt"
    with path.open("wb") as sparse:  # 50 MB on paper, no disk used
        sparse.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    with refused(), pytest.raises(CommandError, match="LIMIT_RELEASE_FILE_BYTES"):
        call_command("import_release", str(path), "--locale", "en", "--publish", stdout=io.StringIO())
    assert time.perf_counter() - started < 1


# --- The story itself: clean() on every save and publish path -------------------------


def oversized(field: str):
    story = SuccessStoryPage.objects.get(
        pk=SuccessStoryPage.objects.filter(locale__language_code="en").first().pk
    )
    story = story.get_latest_revision_as_object()
    if field == "body":
        story.body = [
            ("paragraph", f"<p>{text}</p>") for text in body_of_chars(limit("LIMIT_STORY_BODY_CHARS") + 1)
        ]
    elif field == "body blocks":
        story.body = [("heading", "H")] * (limit("LIMIT_STORY_BODY_BLOCKS") + 1)
    elif field == "summary":
        story.summary = "s" * (limit("LIMIT_SUMMARY_CHARS") + 1)
    elif field == "subheadlines":
        story.subheadlines = [("subheadline", "S")] * (limit("LIMIT_SUBHEADLINES") + 1)
    return story


STORY_LIMITS = {
    "body": "LIMIT_STORY_BODY_CHARS",
    "body blocks": "LIMIT_STORY_BODY_BLOCKS",
    "summary": "LIMIT_SUMMARY_CHARS",
    "subheadlines": "LIMIT_SUBHEADLINES",
}


@pytest.mark.parametrize("field", list(STORY_LIMITS))
@pytest.mark.parametrize("path", ["save_revision", "publish"])
def test_story_over_a_limit_is_refused_at_save_and_publish(world, field, path):
    story = oversized(field)
    with refused(), pytest.raises(ValidationError) as error:
        if path == "save_revision":
            story.save_revision()
        else:
            story.save()  # what Revision.publish() does with the revision's page
    assert STORY_LIMITS[field] in " ".join(error.value.messages)


def test_story_saved_before_the_limits_is_refused_by_print_in_milliseconds(world):
    story = oversized("body")
    revision = story.save_revision(clean=False)
    story.live_revision = revision
    story.save(clean=False)  # as a story written before the limits existed
    TALLY["tried"] += 1
    files = _files(settings.PRIVATE_ROOT)
    started = time.perf_counter()
    rows = generate_story_pdfs(page_id=story.pk)
    assert time.perf_counter() - started < 2
    assert {row.status for row in rows} == {StoryPdf.Status.FAILED}
    assert all("LIMIT_STORY_BODY_CHARS" in row.error and not row.retryable for row in rows)
    assert _files(settings.PRIVATE_ROOT) == files


def test_text_length_counts_text_not_markup():
    assert text_length([{"type": "paragraph", "value": "<p><b>abc</b></p>", "id": "x" * 36}]) == 3
    assert str(LimitExceeded(setting="LIMIT_SUMMARY_CHARS", value=1001, what="summary")).endswith(
        "(LIMIT_SUMMARY_CHARS)"
    )


# --- PO files: export and import ------------------------------------------------------

EXPORT_PAGES = {
    "abc": "not a page id",
    "1e5": "not a page id",
    "-1": "not a page id",
    "9" * 40: "not a page id",
    "١٢": "not a page id",
    "": "not a page id",
}


@pytest.mark.parametrize("value", list(EXPORT_PAGES), ids=lambda v: repr(v[:8]))
def test_po_export_with_a_malformed_page_is_400(world, client, value):
    client.force_login(world.admin)
    with refused():
        response = client.get(reverse("odop_translations:po_export"), {"page": value})
    assert_answer(response, 400, EXPORT_PAGES[value])


def test_po_export_of_too_many_pages_is_400(world, client):
    client.force_login(world.admin)
    ids = [str(n) for n in range(1, limit("LIMIT_PO_EXPORT_PAGES") + 2)]
    with refused():
        response = client.get(reverse("odop_translations:po_export"), {"page": ids})
    assert_answer(response, 400, "LIMIT_PO_EXPORT_PAGES")


def _po(world, **headers) -> bytes:
    translation = Translation.objects.get(
        source__object_id=world.story.translation_key, target_locale__language_code="hi"
    )
    po = po_files.export_po(translation)
    po.metadata.update(headers)
    for entry in po:
        entry.msgstr = f"{entry.msgid}-x" if entry.msgctxt == "slug" else f"हिंदी {entry.msgid}"
    return str(po).encode()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _zip_declaring(member_size: int) -> bytes:
    """A zip whose one member inflates to `member_size` zero bytes (a bomb)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\0" * (1024 * 1024)
    body = b"".join(compressor.compress(chunk) for _ in range(member_size // len(chunk)))
    body += compressor.flush()
    crc = 0
    for _ in range(member_size // len(chunk)):
        crc = zlib.crc32(chunk, crc)
    name = b"bomb.po"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(body), member_size, len(name), 0)
    central = struct.pack(
        "<4s6H3L5H2L",
        b"PK\x01\x02",
        20,
        20,
        0,
        8,
        0,
        0,
        crc,
        len(body),
        member_size,
        len(name),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    directory = central + name
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(directory), len(local) + len(name) + len(body), 0
    )
    return local + name + body + directory + end


PO_UPLOADS = {
    "translation id not a UUID": (
        lambda world: ("x.po", _po(world, **{po_files.HEADER_TRANSLATION: "not-a-uuid"})),
        "not a translation id",
    ),
    "PO file one byte over LIMIT_PO_FILE_BYTES": (
        lambda world: ("x.po", b"#" * (limit("LIMIT_PO_FILE_BYTES") + 1)),
        "LIMIT_PO_FILE_BYTES",
    ),
    "zip one member over LIMIT_PO_ZIP_FILES": (
        lambda world: ("x.zip", _zip({f"{n}.po": b"" for n in range(limit("LIMIT_PO_ZIP_FILES") + 1)})),
        "LIMIT_PO_ZIP_FILES",
    ),
    "zip member over LIMIT_PO_FILE_BYTES": (
        lambda world: ("x.zip", _zip({"big.po": b"#" * (limit("LIMIT_PO_FILE_BYTES") + 1)})),
        "LIMIT_PO_FILE_BYTES",
    ),
    "corrupt zip": (lambda world: ("x.zip", b"PK\x03\x04 not really"), "not a readable zip"),
    "NUL bytes": (lambda world: ("x.po", b"\x00" * 100), "msgid"),
    "not UTF-8": (lambda world: ("x.po", b'msgid "\xff"\nmsgstr ""\n'), "utf-8"),
    "translation of the body over LIMIT_STORY_BODY_CHARS": (
        lambda world: ("x.po", _long_body_po(world)),
        "LIMIT_STORY_BODY_CHARS",
    ),
}


def _long_body_po(world) -> bytes:
    po = polib.pofile(_po(world).decode())
    body = [entry for entry in po if entry.msgctxt.startswith("body.")]
    body[0].msgstr = "क" * (limit("LIMIT_STORY_BODY_CHARS") + 1)
    return str(po).encode()


@pytest.mark.parametrize("case", list(PO_UPLOADS))
def test_hostile_po_upload_is_refused_and_writes_nothing(world, client, case):
    make, words = PO_UPLOADS[case]
    name, data = make(world)
    client.force_login(world.admin)
    with refused():
        response = client.post(
            reverse("odop_translations:po_import"), {"files": [SimpleUploadedFile(name, data)]}
        )
    assert_answer(response, 200, "nothing was written")
    [report] = response.context["reports"]
    assert not report.ok and words in report.error, report.error


def test_zip_bomb_is_refused_from_its_directory_cheaply(world):
    bomb = _zip_declaring(limit("LIMIT_PO_ZIP_UNCOMPRESSED_BYTES") + 1024 * 1024)
    assert len(bomb) < 200_000
    started = time.perf_counter()
    with refused():
        [report] = po_files.import_uploads(files=[("bomb.zip", bomb)], user=world.admin)
    assert time.perf_counter() - started < 1
    assert "LIMIT_PO_ZIP_UNCOMPRESSED_BYTES" in report.error


# --- Partner API ---------------------------------------------------------------------

API_PARAMS = {
    "limit over LIMIT_API_PAGE_SIZE": ({"limit": "101"}, "LIMIT_API_PAGE_SIZE"),
    "limit not a number": ({"limit": "abc"}, "limit"),
    "limit zero": ({"limit": "0"}, "limit"),
    "q over LIMIT_API_QUERY_CHARS": ({"q": "q" * 201}, "LIMIT_API_QUERY_CHARS"),
    "q with NUL": ({"q": "a\x00b"}, "NUL"),
    "district list over LIMIT_API_LIST_ITEMS": (
        {"district": ",".join(str(n) for n in range(51))},
        "LIMIT_API_LIST_ITEMS",
    ),
    "lang over LIMIT_API_PARAM_CHARS": ({"lang": "x," * 501}, "LIMIT_API_PARAM_CHARS"),
    "cursor over LIMIT_API_PARAM_CHARS": ({"cursor": "c" * 1001}, "LIMIT_API_PARAM_CHARS"),
    "garbage cursor": ({"cursor": "!!!"}, "cursor"),
    "since not a date": ({"since": "yesterday"}, "since"),
    "state digits beyond any code": ({"state": "9" * 400}, "state"),
}


@pytest.mark.parametrize("case", list(API_PARAMS))
def test_hostile_api_parameters_are_problem_json_400(world, client, case):
    params, words = API_PARAMS[case]
    with refused():
        response = client.get("/api/v1/stories/", params, **auth(world.key))
    assert_answer(response, 400, words)
    assert response["Content-Type"] == "application/problem+json"


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that declares width × height pixels: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">2I5B", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def pdf_of_pages(count: int) -> bytes:
    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


SCANS = {
    "PNG one pixel row over LIMIT_SCAN_PIXELS": (
        lambda: png_header_only(10_000, limit("LIMIT_SCAN_PIXELS") // 10_000 + 1),
        413,
        "LIMIT_SCAN_PIXELS",
    ),
    "decompression bomb past Pillow's own guard": (lambda: png_header_only(60_000, 60_000), 413, "pixels"),
    "PDF one page over LIMIT_SCAN_PDF_PAGES": (
        lambda: pdf_of_pages(limit("LIMIT_SCAN_PDF_PAGES") + 1),
        413,
        "LIMIT_SCAN_PDF_PAGES",
    ),
    "file one byte over LIMIT_SCAN_BYTES": (
        lambda: b"\0" * (limit("LIMIT_SCAN_BYTES") + 1),
        413,
        "LIMIT_SCAN_BYTES",
    ),
    "truncated PNG": (lambda: png_header_only(10, 10)[:40], 400, "scan"),
    "PDF header, no PDF": (lambda: b"%PDF-1.7\n" + b"\0" * 100, 400, "PDF"),
}


@pytest.mark.parametrize("case", list(SCANS))
def test_hostile_pickup_scan_is_problem_json_and_stores_nothing(world, client, case):
    make, status, words = SCANS[case]
    data = {"paper_name": "Dainik Test", "date": "2024-02-01", "scan": SimpleUploadedFile("scan.png", make())}
    with refused():
        response = client.post(f"/api/v1/stories/{world.story.release_id}/pickups/", data, **auth(world.key))
    assert_answer(response, status, words)
    assert response["Content-Type"] == "application/problem+json"


# --- Public search and feeds ------------------------------------------------------------

PUBLIC = {
    "search query of 10 000 characters": ("/en/search/", {"q": "क" * 10_000}, 200, "cut to its first"),
    "search page not a number": ("/en/search/", {"q": "weavers", "page": "abc"}, 200, ""),
    "search query with NUL": ("/en/search/", {"q": "a\x00b"}, 200, ""),
    "autocomplete of 10 000 characters": ("/en/search/autocomplete/", {"q": "q" * 10_000}, 200, "results"),
    "feed state not a number": ("/en/feeds/stories.atom", {"state": "abc"}, 400, ""),
    "feed state of 5000 digits": ("/en/feeds/stories.atom", {"state": "9" * 5000}, 400, ""),
    "feed product not a UUID": ("/en/feeds/stories.atom", {"product": "not-a-uuid"}, 400, ""),
}


@pytest.mark.parametrize("case", list(PUBLIC))
def test_hostile_public_query_is_answered_without_a_crash(world, client, case):
    path, params, status, words = PUBLIC[case]
    with refused():
        response = client.get(path, params)
    assert_answer(response, status, words)


@override_settings(LIMIT_FEED_ENTRIES=1)
def test_feed_holds_at_most_limit_feed_entries(world, client):
    from tests.factories import SuccessStoryPageFactory

    SuccessStoryPageFactory(
        parent=world.story.get_parent(), title="Second", slug="second"
    ).save_revision().publish()
    response = client.get("/en/feeds/stories.atom")
    assert response.status_code == 200
    assert response.content.count(b"<entry>") == 1


# --- Uploaded images: Wagtail's own limits, set in settings ------------------------------

IMAGES = {
    "one pixel row over WAGTAILIMAGES_MAX_IMAGE_PIXELS": pytest.param(
        lambda: png_header_only(8_000, settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 8_000 + 1),
        "pixels",
    ),
    "decompression bomb": (lambda: png_header_only(60_000, 60_000), "pixels"),
    "truncated PNG under the limits": (lambda: png_header_only(400, 300), "image"),
    "one byte over WAGTAILIMAGES_MAX_UPLOAD_SIZE": (
        lambda: png_header_only(10, 10) + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE,
        "too big",
    ),
}


@pytest.mark.parametrize(
    ("make", "words"),
    list(IMAGES.values()),
    ids=list(IMAGES),
)
def test_hostile_image_upload_is_refused_by_the_image_form(world, make, words):
    from wagtail.images import get_image_model
    from wagtail.images.forms import get_image_form

    form_class = get_image_form(get_image_model())
    with refused():
        form = form_class(
            {"title": "bomb"}, {"file": SimpleUploadedFile("bomb.png", make())}, user=world.admin
        )
        assert not form.is_valid()
    assert words in " ".join(form.errors["file"]), form.errors


def test_a_real_image_within_the_limits_still_uploads(world):
    import io

    from PIL import Image as PILImage
    from wagtail.images import get_image_model
    from wagtail.images.forms import get_image_form
    from wagtail.models import Collection

    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 480), (200, 120, 40)).save(buffer, format="PNG")
    form = get_image_form(get_image_model())(
        {"title": "loom", "collection": Collection.get_first_root_node().pk},
        {"file": SimpleUploadedFile("loom.png", buffer.getvalue())},
        user=world.admin,
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["file"].image.get_size() == (640, 480)


def test_a_truncated_upload_is_refused_in_a_process_that_imported_weasyprint(world, monkeypatch):
    """WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process
    when imported (the worker, and any web process that has rendered a PDF):
    the form's check must not depend on it."""
    from PIL import ImageFile
    from wagtail.images import get_image_model
    from wagtail.images.forms import get_image_form

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)  # what `import weasyprint` does
    form_class = get_image_form(get_image_model())
    with refused():
        form = form_class(
            {"title": "cut"},
            {"file": SimpleUploadedFile("cut.png", png_header_only(400, 300))},
            user=world.admin,
        )
        assert not form.is_valid()
    assert "image" in " ".join(form.errors["file"]), form.errors
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # WeasyPrint's own setting is left as it was


@pytest.mark.parametrize("tolerant", [False, True])
@pytest.mark.parametrize("kind", ["PNG", "GIF"])
def test_a_whole_image_is_still_accepted(world, monkeypatch, tolerant, kind):
    """The strict decode refuses only broken data: a whole PNG, and every
    frame of an animated GIF, pass whatever the process has set."""
    import io

    from PIL import Image, ImageFile
    from wagtail.images import get_image_model
    from wagtail.images.forms import get_image_form

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", tolerant)
    frames = [Image.new("RGB", (40, 30), colour) for colour in ("red", "green", "blue")]
    data = io.BytesIO()
    frames[0].save(data, kind, save_all=kind == "GIF", append_images=frames[1:] if kind == "GIF" else [])
    form_class = get_image_form(get_image_model())
    upload = SimpleUploadedFile(f"whole.{kind.lower()}", data.getvalue())
    form = form_class({"title": "whole"}, {"file": upload}, user=world.admin)
    assert form.is_valid(), form.errors
    assert ImageFile.LOAD_TRUNCATED_IMAGES is tolerant
