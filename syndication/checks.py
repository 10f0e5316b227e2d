"""System checks: a PDF rendition provider named in settings must import;
with a database (``check --database default``, ``migrate``), every live story
has its feed position."""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from django.core.checks import Error, Tags, register
from django.db import connections
from django.utils.module_loading import import_string

from .models import FeedPosition
from .selectors import feed_position_drift


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


@register(Tags.database)
def check_feed_positions(app_configs=None, databases=None, **kwargs) -> list[checks.Warning]:
    """Live stories the partner feed would miss or misplace (a bulk load or a
    direct UPDATE of story rows bypassed the signals)."""
    if "default" not in (databases or ()):
        return []
    if FeedPosition._meta.db_table not in connections["default"].introspection.table_names():
        return []  # before migrate: the migration that makes the table fills it
    drift = feed_position_drift()
    if not drift.unplaced and not drift.stray:
        return []
    return [
        checks.Warning(
            f"{drift.unplaced} live stories have no feed position or a stale one, and "
            f"{drift.stray} feed positions belong to no live story or are stale: the partner API "
            "misses or misorders those stories.",
            hint="Run manage.py rebuild_feed_positions.",
            obj="syndication.FeedPosition",
            id="syndication.W001",
        )
    ]
