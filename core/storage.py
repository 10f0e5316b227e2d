"""Where files live: public media, and private files that only a view hands out.

`STORAGES["default"]` holds what any reader may fetch by URL: images,
renditions, documents. `STORAGES["private"]` holds files derived from story
text (print PDFs, partners' print scans), which may exist while a story is
embargoed or after it is withdrawn. No web server, bucket policy or CDN serves
the private storage: a view checks access first, then streams the file (disk)
or redirects to a signed URL that expires within a minute (S3).

Both are configured in `cms/settings/base.py` ("File storage").
"""

from __future__ import annotations

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, HttpResponseRedirect
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header

PRIVATE_STORAGE_ALIAS = "private"


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on local disk, outside MEDIA_ROOT. They have no URL: asking for
    one is a bug (it would point into /media/, where they are not)."""

    def url(self, name):
        raise NotImplementedError(
            "private files have no URL; serve them with core.storage.private_file_response"
        )


class _PrivateStorage(LazyObject):
    # Like django.core.files.storage.default_storage: resolved on first use and
    # again after STORAGES changes, so override_settings(STORAGES=...) reaches
    # model fields that were built at import time.
    def _setup(self):
        self._wrapped = storages[PRIVATE_STORAGE_ALIAS]


_private_storage = _PrivateStorage()


def private_storage():
    """The private storage, for `FileField(storage=private_storage)`."""
    return _private_storage


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        _private_storage._wrapped = empty


def signs_urls(storage) -> bool:
    """True for object storage that hands out expiring signed URLs (S3 with querystring_auth)."""
    return bool(getattr(storage, "querystring_auth", False))


def private_file_response(fieldfile, *, filename: str, content_type: str):
    """Hand a private file to a reader whom the caller has already let in.

    S3: a redirect to a signed URL (its lifetime is the storage's
    `querystring_expire`) that downloads under `filename`; the redirect itself
    is never cached. Disk: the file streamed as an attachment. Raises
    FileNotFoundError if a local file is missing.
    """
    storage = fieldfile.storage
    if signs_urls(storage):
        url = storage.url(
            fieldfile.name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(
                    as_attachment=True, filename=filename
                ),
                "ResponseContentType": content_type,
            },
        )
        response = HttpResponseRedirect(url)
        response["Cache-Control"] = "private, no-store"
        return response
    return FileResponse(
        fieldfile.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )


def move_files(rows, *, field_name: str, source, target) -> int:
    """Move each row's file from storage `source` to `target`, for data
    migrations. Safe to run again after a failure part-way; returns how many
    files moved."""
    moved = 0
    for row in rows:
        name = getattr(row, field_name).name
        if not name or not source.exists(name):
            continue  # no file, or moved already
        if not target.exists(name):
            with source.open(name, "rb") as handle:
                saved = target.save(name, handle)
            if saved != name:
                type(row).objects.filter(pk=row.pk).update(**{field_name: saved})
        source.delete(name)
        moved += 1
    return moved
