"""Deploy-time checks that private files cannot end up at a public URL."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages

from .storage import PRIVATE_STORAGE_ALIAS, signs_urls


@register(Tags.security)
def check_private_storage(app_configs=None, **kwargs) -> list[Error]:
    try:
        private = storages[PRIVATE_STORAGE_ALIAS]
    except InvalidStorageError:
        return [Error("STORAGES has no 'private' alias.", hint="See cms/settings/base.py.", id="core.E001")]
    if isinstance(private, FileSystemStorage):
        location, media = Path(private.location).resolve(), Path(settings.MEDIA_ROOT).resolve()
        if location == media or media in location.parents:
            return [
                Error(
                    f"The private storage ({location}) is inside MEDIA_ROOT ({media}), which is served publicly.",
                    hint="Set PRIVATE_ROOT outside MEDIA_ROOT.",
                    id="core.E002",
                )
            ]
        return []
    errors = []
    if hasattr(private, "bucket_name") and not signs_urls(private):
        errors.append(
            Error("The private object storage must use signed URLs (querystring_auth).", id="core.E003")
        )
    public = storages["default"]
    if getattr(public, "bucket_name", None) == getattr(private, "bucket_name", None) and getattr(
        public, "location", ""
    ) == getattr(private, "location", ""):
        errors.append(
            Error(
                "The private and public storages share a bucket and prefix.",
                hint="Set AWS_PRIVATE_BUCKET_NAME, or keep the private files under their own prefix.",
                id="core.E004",
            )
        )
    return errors
