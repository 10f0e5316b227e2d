"""System checks: a PDF rendition provider named in settings must import."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register
from django.utils.module_loading import import_string


@register()
def check_pdf_rendition_providers(app_configs=None, **kwargs) -> list[Error]:
    paths = settings.SYNDICATION_PDF_RENDITIONS
    if isinstance(paths, str) or not isinstance(paths, list | tuple):
        return [
            Error(
                f"SYNDICATION_PDF_RENDITIONS must be a list of dotted paths, not {paths!r}.",
                hint='e.g. SYNDICATION_PDF_RENDITIONS = ["printing.syndication.pdf_renditions"]',
                id="syndication.E001",
            )
        ]
    errors = []
    for path in paths:
        try:
            provider = import_string(path)
        except ImportError as error:
            errors.append(
                Error(
                    f"SYNDICATION_PDF_RENDITIONS names {path!r}, which cannot be imported: {error}",
                    hint="Define that function, or take it out of SYNDICATION_PDF_RENDITIONS.",
                    id="syndication.E002",
                )
            )
            continue
        if not callable(provider):
            errors.append(
                Error(
                    f"SYNDICATION_PDF_RENDITIONS names {path!r}, which is not a function.",
                    hint="Name a function(*, pages, request) -> {page_id: [rendition dicts]}.",
                    id="syndication.E003",
                )
            )
    return errors
