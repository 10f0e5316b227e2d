"""System checks for the settings every deployment depends on: a shared
cache, one site URL, and private files that no public URL can reach."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages

from .site import site_address
from .storage import PRIVATE_STORAGE_ALIAS, signs_urls

# Caches that each process keeps for itself (or not at all): with several
# gunicorn workers, a withdrawn story would stay public in the others.
PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches)
def check_shared_cache(app_configs, **kwargs):
    if not settings.SHARED_CACHE_REQUIRED:
        return []
    return [
        Error(
            f"CACHES[{alias!r}] uses {config['BACKEND']}, which each process keeps for itself.",
            hint="Set REDIS_URL, or leave CACHES to the production settings (a table in the database).",
            id="core.E001",
        )
        for alias, config in settings.CACHES.items()
        if config["BACKEND"] in PROCESS_LOCAL_CACHES
    ]


@register()
def check_site_url(app_configs, **kwargs):
    try:
        site_address(settings.SITE_URL)
    except ValueError as problem:
        return [Error(str(problem), id="core.E002")]
    return []


@register(Tags.security, deploy=True)
def check_site_url_is_https(app_configs, **kwargs):
    if settings.SITE_URL.startswith("https://"):
        return []
    return [
        Warning(
            f"SITE_URL is {settings.SITE_URL!r}: canonical links, feeds and the API would name the site over plain http.",
            hint="Use the https origin readers see, e.g. https://odop.example.gov.in",
            id="core.W003",
        )
    ]


@register(Tags.security)
def check_private_storage(app_configs=None, **kwargs) -> list[Error]:
    try:
        private = storages[PRIVATE_STORAGE_ALIAS]
    except InvalidStorageError:
        return [Error("STORAGES has no 'private' alias.", hint="See cms/settings/base.py.", id="core.E011")]
    if isinstance(private, FileSystemStorage):
        location, media = Path(private.location).resolve(), Path(settings.MEDIA_ROOT).resolve()
        if location == media or media in location.parents:
            return [
                Error(
                    f"The private storage ({location}) is inside MEDIA_ROOT ({media}), which is served publicly.",
                    hint="Set PRIVATE_ROOT outside MEDIA_ROOT.",
                    id="core.E012",
                )
            ]
        return []
    errors = []
    if hasattr(private, "bucket_name") and not signs_urls(private):
        errors.append(
            Error("The private object storage must use signed URLs (querystring_auth).", id="core.E013")
        )
    public = storages["default"]
    if getattr(public, "bucket_name", None) == getattr(private, "bucket_name", None) and getattr(
        public, "location", ""
    ) == getattr(private, "location", ""):
        errors.append(
            Error(
                "The private and public storages share a bucket and prefix.",
                hint="Set AWS_PRIVATE_BUCKET_NAME, or keep the private files under their own prefix.",
                id="core.E014",
            )
        )
    return errors
