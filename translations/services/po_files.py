"""Offline translation with PO files, one per story and language.

Export: a zip with one PO file per requested translation, written by
wagtail-localize (`Translation.export_po`) plus our own headers naming the
story, the language and the version of the source it was taken from.

Import: a zip or single PO files. Each file is checked before anything is
written and imported in its own transaction: a malformed file, a file for
another story or language, or one exported from an older version of the
source gets one precise error and changes nothing. A partial file keeps what
it has and reports what is missing. Every value is validated the way
wagtail-localize validates it before anything is written: a value it would
refuse (and later replace with the source text on the live page) is an error
naming its msgid.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

import polib
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.strings import StringValue, validate_translation_links

from core.limits import LimitExceeded, check

from .groups import locale_access
from .roles import enabled_codes

HEADER_STORY = "X-ODOP-Story"
HEADER_LOCALE = "X-ODOP-Language"
HEADER_SOURCE_VERSION = "X-ODOP-Source-Version"
HEADER_TRANSLATION = "X-WagtailLocalize-TranslationID"


@dataclass
class FileReport:
    name: str
    error: str = ""
    imported: int = 0
    total: int = 0
    missing: list[str] = field(default_factory=list)
    translation: Translation | None = None

    @property
    def ok(self) -> bool:
        return not self.error


def source_version(translation: Translation) -> str:
    return translation.source.last_updated_at.isoformat()


def po_filename(translation: Translation) -> str:
    return f"{slugify(translation.source.object_repr, allow_unicode=False)[:60] or 'story'}-{translation.source.object_id}.{translation.target_locale.language_code}.po"


class BadExportRequest(ValueError):
    """`?page=` is not a list of page ids, or names too many pages."""


def pages_to_export(*, ids: Iterable[str]) -> list[Page]:
    ids = list(ids)
    malformed = [value for value in ids if not (value.isascii() and value.isdecimal() and len(value) <= 18)]
    if malformed:
        raise BadExportRequest(
            _("page=%(value)s is not a page id (a whole number)") % {"value": malformed[0][:40]}
        )
    try:
        check("LIMIT_PO_EXPORT_PAGES", len(set(ids)), what=_("pages to export"))
    except LimitExceeded as error:
        raise BadExportRequest(str(error)) from error
    return list(Page.objects.filter(pk__in=[int(pk) for pk in ids]))


def export_languages(*, user, requested: list[str]) -> list[str]:
    """The languages to export for `user`: those requested, or (none named)
    every language the user may translate. Never "all" by accident: an
    unknown language, or one outside a translator's own, is PermissionDenied."""
    access = locale_access(user)
    enabled = enabled_codes()
    unknown = sorted(set(requested) - set(enabled))
    if unknown:
        raise PermissionDenied(_("Not a language of this site: %(codes)s") % {"codes": ", ".join(unknown)})
    foreign = sorted(code for code in requested if not access.allows(code))
    if foreign:
        raise PermissionDenied(_("You may not translate into %(codes)s") % {"codes": ", ".join(foreign)})
    if requested:
        return list(dict.fromkeys(requested))
    return sorted(access.codes) if access.restricted else enabled


def translations_of(pages: Iterable[Page], *, locale_codes: list[str]):
    """The enabled translations of `pages` into exactly `locale_codes`."""
    keys = [page.translation_key for page in pages]
    return (
        Translation.objects.filter(
            source__object_id__in=keys, enabled=True, target_locale__language_code__in=locale_codes
        )
        .select_related("source", "target_locale")
        .order_by("source__object_repr", "target_locale__language_code")
    )


def export_po(translation: Translation) -> polib.POFile:
    po = translation.export_po()
    po.metadata.update(
        {
            "Language": translation.target_locale.language_code,
            HEADER_STORY: str(translation.source.object_id),
            HEADER_LOCALE: translation.target_locale.language_code,
            HEADER_SOURCE_VERSION: source_version(translation),
        }
    )
    return po


def export_zip(*, pages: Iterable[Page], locale_codes: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations_of(pages, locale_codes=locale_codes):
            archive.writestr(po_filename(translation), str(export_po(translation)))
    return buffer.getvalue()


def read_uploads(uploads) -> list[tuple[str, bytes | str]]:
    """(name, bytes) of each uploaded file, or (name, reason) for one over its
    size limit: refused from its declared size, never read into memory."""
    read = []
    for upload in uploads:
        is_zip = upload.name.lower().endswith(".zip")
        setting = "LIMIT_PO_ZIP_BYTES" if is_zip else "LIMIT_PO_FILE_BYTES"
        try:
            check(setting, upload.size, what=_("zip file") if is_zip else _("PO file"), unit=_("bytes"))
        except LimitExceeded as error:
            read.append((upload.name, str(error)))
            continue
        read.append((upload.name, upload.read()))
    return read


def expand_uploads(files: Iterable[tuple[str, bytes]]) -> list[tuple[str, bytes | str]]:
    """Zip archives become their .po members; other files pass through. A
    zip that is unreadable or over an input limit (bytes, members, any
    member's or all members' declared uncompressed size: a zip bomb is
    refused from its directory, never inflated) becomes (name, reason)."""
    expanded = []
    for name, data in files:
        if not name.lower().endswith(".zip"):
            expanded.append((name, data))
            continue
        try:
            expanded.extend(_zip_members(data))
        except LimitExceeded as error:
            expanded.append((name, str(error)))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as error:
            expanded.append((name, _("not a readable zip file (%(error)s)") % {"error": error}))
    return expanded


def _zip_members(data: bytes) -> list[tuple[str, bytes]]:
    check("LIMIT_PO_ZIP_BYTES", len(data), what=_("zip file"), unit=_("bytes"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [m for m in archive.infolist() if m.filename.lower().endswith(".po") and not m.is_dir()]
        check("LIMIT_PO_ZIP_FILES", len(members), what=_("PO files in the zip"))
        total = sum(member.file_size for member in members)
        check("LIMIT_PO_ZIP_UNCOMPRESSED_BYTES", total, what=_("zip contents"), unit=_("bytes"))
        for member in members:
            check("LIMIT_PO_FILE_BYTES", member.file_size, what=member.filename, unit=_("bytes"))
        # zipfile reads no more than each member's declared size.
        return [(member.filename, archive.read(member)) for member in members]


def _parse(data: bytes) -> polib.POFile:
    if not data:
        raise ValueError(_("the file is empty"))
    check("LIMIT_PO_FILE_BYTES", len(data), what=_("PO file"), unit=_("bytes"))
    text = data.decode("utf-8")  # UnicodeDecodeError is a ValueError
    if "msgid" not in text or "\n" not in text:
        # polib would take a one-line string for a file name.
        raise ValueError(_("no msgid entries"))
    return polib.pofile(text)


def _check(po: polib.POFile, *, user, story: Page | None) -> tuple[Translation, set[tuple[str, str]]]:
    """The translation this file belongs to, or ValueError saying why not."""
    uuid = po.metadata.get(HEADER_TRANSLATION)
    if not uuid:
        raise ValueError(
            _("no %(header)s header: not exported from this site") % {"header": HEADER_TRANSLATION}
        )
    if not _is_uuid(uuid):
        raise ValueError(
            _("%(header)s header “%(value)s” is not a translation id (a UUID)")
            % {"header": HEADER_TRANSLATION, "value": uuid[:80]}
        )
    translation = Translation.objects.filter(uuid=uuid).select_related("source", "target_locale").first()
    if translation is None:
        raise ValueError(
            _("translation %(uuid)s does not exist (deleted, or from another site)") % {"uuid": uuid}
        )
    code = translation.target_locale.language_code
    if po.metadata.get(HEADER_LOCALE, code) != code or po.metadata.get("Language", code) != code:
        raise ValueError(
            _("file says language %(file)s but translation %(uuid)s is into %(code)s")
            % {
                "file": po.metadata.get(HEADER_LOCALE) or po.metadata.get("Language"),
                "uuid": uuid,
                "code": code,
            }
        )
    if po.metadata.get(HEADER_STORY, str(translation.source.object_id)) != str(translation.source.object_id):
        raise ValueError(
            _("file names story %(story)s, which is not the story of its translation")
            % {"story": po.metadata[HEADER_STORY]}
        )
    if story is not None and str(translation.source.object_id) != str(story.translation_key):
        raise ValueError(
            _("file is for “%(other)s”, not for “%(story)s”")
            % {"other": translation.source.object_repr, "story": story.title}
        )
    if not locale_access(user).allows(code):
        raise ValueError(_("you may not translate into %(code)s") % {"code": code})
    exported_version = po.metadata.get(HEADER_SOURCE_VERSION)
    if exported_version and exported_version != source_version(translation):
        raise ValueError(
            _(
                "outdated: exported from the source as of %(old)s, but the source was synced at %(new)s; export it again"
            )
            % {"old": exported_version, "new": source_version(translation)}
        )
    segments = set(
        StringSegment.objects.filter(source_id=translation.source_id).values_list(
            "context__path", "string__data"
        )
    )
    unknown = [entry for entry in po if not entry.obsolete and (entry.msgctxt, entry.msgid) not in segments]
    if unknown:
        raise ValueError(
            _("outdated: %(count)d entr(y/ies) no longer in the source, first at line %(line)s (%(context)s)")
            % {"count": len(unknown), "line": unknown[0].linenum, "context": unknown[0].msgctxt}
        )
    return translation, segments


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def _entries_with_values(po: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in po if not entry.obsolete and entry.msgstr]


def _refused_strings(po: polib.POFile) -> list[str]:
    """Values wagtail-localize stores with `has_error` and then silently
    replaces with the source text: checked the way StringTranslation.save does."""
    refused = []
    for entry in _entries_with_values(po):
        try:
            StringValue.from_translated_html(entry.msgstr)
            validate_translation_links(entry.msgid, entry.msgstr)
        except ValueError as error:
            refused.append(_("msgid “%(msgid)s” (%(path)s): %(error)s") % _entry_words(entry, error))
    return refused


def _too_long(po: polib.POFile, translation: Translation) -> list[str]:
    """Values longer than the model field they land in. Checked before the
    import, because wagtail-localize copies a translated title straight into
    the page's `draft_title` (a database error on PostgreSQL, a silent
    overlong title on SQLite)."""
    model = translation.source.specific_content_type.model_class()
    refused = []
    for entry in _entries_with_values(po):
        try:
            model_field = model._meta.get_field(entry.msgctxt)
        except FieldDoesNotExist:  # a StreamField path: checked by _refused_fields
            continue
        limit = getattr(model_field, "max_length", None)
        if limit and len(entry.msgstr) > limit:
            refused.append(
                _("msgid “%(msgid)s” (%(path)s): %(error)s")
                % _entry_words(
                    entry,
                    _("%(length)d characters, more than the %(limit)d this field holds")
                    % {"length": len(entry.msgstr), "limit": limit},
                )
            )
    return refused


def _entry_words(entry: polib.POEntry, error) -> dict:
    return {"msgid": entry.msgid[:80], "path": entry.msgctxt, "error": error}


def _refused_fields(po: polib.POFile, translation: Translation) -> list[str]:
    """Field validation of the translated page as wagtail-localize would save
    it (its own ephemeral instance, then full_clean), for the fields this file
    gives values to. Run after the strings are written, inside the import's
    transaction."""
    try:
        instance = translation.source.get_ephemeral_translated_instance(
            translation.target_locale, fallback=True
        )
    except ObjectDoesNotExist:
        return []  # no target yet: wagtail-localize validates it when it creates one
    try:
        instance.full_clean()
    except ValidationError as error:
        entries = _entries_with_values(po)
        refused = []
        for field_name, messages in error.message_dict.items():
            for entry in entries:
                if entry.msgctxt == field_name or entry.msgctxt.startswith(f"{field_name}."):
                    refused.append(
                        _("msgid “%(msgid)s” (%(path)s): %(error)s") % _entry_words(entry, " ".join(messages))
                    )
                    break
        return refused
    return []


def import_file(*, name: str, data: bytes | str, user, story: Page | None = None) -> FileReport:
    """All or nothing: a file is checked (headers, version, every value with
    wagtail-localize's own validation) and written in one transaction, or
    refused with the msgid of each value wagtail-localize would refuse.
    `data` as a str is the reason expand_uploads refused the file."""
    report = FileReport(name=name)
    if isinstance(data, str):
        report.error = _("%(name)s: %(error)s") % {"name": name, "error": data}
        return report
    try:
        po = _parse(data)
        translation, segments = _check(po, user=user, story=story)
        refused = _refused_strings(po) + _too_long(po, translation)
        if refused:
            raise ValueError("; ".join(refused))
    except (ValueError, OSError, LimitExceeded) as error:
        report.error = _("%(name)s: %(error)s") % {"name": name, "error": error}
        return report
    with transaction.atomic():
        warnings = translation.import_po(po, user=user, tool_name="PO file")
        problems = [repr(warning) for warning in warnings] or _refused_fields(po, translation)
        if problems:
            transaction.set_rollback(True)
            report.error = _("%(name)s: %(problems)s") % {"name": name, "problems": "; ".join(problems)}
            return report
    report.translation = translation
    live_entries = [entry for entry in po if not entry.obsolete]
    report.total = len(segments)
    report.imported = sum(1 for entry in live_entries if entry.msgstr)
    given = {(entry.msgctxt, entry.msgid) for entry in live_entries if entry.msgstr}
    report.missing = sorted(context for context, msgid in segments if (context, msgid) not in given)
    return report


def import_uploads(
    *, files: Iterable[tuple[str, bytes | str]], user, story: Page | None = None
) -> list[FileReport]:
    return [import_file(name=name, data=data, user=user, story=story) for name, data in expand_uploads(files)]
