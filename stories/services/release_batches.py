"""A zip of PIB releases, imported as drafts by one background task.

`create_batch` stores every file of the archive (its text, or why it cannot
be read) and queues `stories.tasks.import_release_batch` after the commit;
`run_batch` imports each pending file through `import_release_text`, one
transaction per file, and records what happened to it.
"""

from __future__ import annotations

import io
import logging
import zipfile

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..models import ReleaseImportBatch, ReleaseImportFile
from .release_import import ReleaseImportError, import_release_text
from .release_parser import ReleaseFormatError, decode_release

logger = logging.getLogger(__name__)


class ReleaseArchiveError(ValueError):
    """The upload is not a zip archive of releases."""


def is_zip(data: bytes) -> bool:
    return zipfile.is_zipfile(io.BytesIO(data))


@transaction.atomic
def create_batch(*, data: bytes, archive_name: str, locale: Locale, user=None) -> ReleaseImportBatch:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir() and not _is_metadata(info)]
    except zipfile.BadZipFile as error:
        raise ReleaseArchiveError(_("'%(name)s' is not a zip archive") % {"name": archive_name}) from error
    if not members:
        raise ReleaseArchiveError(_("'%(name)s' holds no files") % {"name": archive_name})
    batch = ReleaseImportBatch.objects.create(user=user, locale=locale, archive_name=archive_name[:255])
    for info in members:
        ReleaseImportFile.objects.create(batch=batch, name=info.filename[:255], **_read_member(archive, info))
    transaction.on_commit(lambda: _enqueue(batch.pk))
    return batch


def _is_metadata(info: zipfile.ZipInfo) -> bool:
    name = info.filename.rsplit("/", 1)[-1]
    return info.filename.startswith("__MACOSX/") or name.startswith(".")


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> dict:
    if not info.filename.lower().endswith(".txt"):
        return {"status": ReleaseImportFile.Status.FAILED, "message": _("not a .txt file: skipped")}
    try:
        return {"text": decode_release(archive.read(info))}
    except ReleaseFormatError as error:
        return {"status": ReleaseImportFile.Status.FAILED, "message": str(error)}


def _enqueue(batch_id: int) -> None:
    from ..tasks import import_release_batch  # tasks import this module

    import_release_batch.enqueue(batch_id)


def run_batch(batch_id: int) -> dict[str, int]:
    """Import every pending file of the batch; return the count per status."""
    batch = ReleaseImportBatch.objects.select_related("locale", "user").get(pk=batch_id)
    with translation.override(_user_language(batch.user)):
        for row in batch.files.filter(status=ReleaseImportFile.Status.PENDING):
            _import_file(row, batch=batch)
    batch.status = ReleaseImportBatch.Status.DONE
    batch.save(update_fields=["status"])
    counts: dict[str, int] = {}
    for status in batch.files.values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts


def _import_file(row: ReleaseImportFile, *, batch: ReleaseImportBatch) -> None:
    try:
        result = import_release_text(text=row.text, locale=batch.locale, user=batch.user, publish=False)
    except (ReleaseFormatError, ReleaseImportError) as error:
        row.status, row.message = ReleaseImportFile.Status.FAILED, str(error)
    except Exception:
        logger.exception("release import batch %s: file %s failed", batch.pk, row.name)
        row.status = ReleaseImportFile.Status.FAILED
        row.message = _("could not be imported because of an error on the server; nothing was written")
    else:
        created = ReleaseImportFile.Status.CREATED
        row.status = created if result.created else ReleaseImportFile.Status.UPDATED
        row.page, row.text = result.page, ""
        row.message = "\n".join(str(note) for note in result.warnings)
    row.save()


def _user_language(user) -> str | None:
    profile = getattr(user, "wagtail_userprofile", None) if user else None
    return profile.get_preferred_language() if profile else None
