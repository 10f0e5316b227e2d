"""System checks for the settings every deployment depends on."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from .site import site_address

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
