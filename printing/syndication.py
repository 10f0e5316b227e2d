"""PDF renditions for the partner API and the feeds.

Named in SYNDICATION_PDF_RENDITIONS (cms/settings/base.py): syndication finds
this function through the setting, so neither feature imports the other.
``pdf_renditions(*, pages, request)`` answers for a batch in one query with
``{page id: [rendition]}``, one rendition per format of the live revision:

- ``name``, ``title`` (in the story's language, with the revision),
  ``contentType``, ``format``, ``sizeInBytes`` (ninjs 3.1 rendition fields);
- ``href``: the public download under the story page, with ``revision=`` (the
  feeds use it; the API replaces it by its own key-checked download);
- ``revision`` (the page revision the file is of), ``file`` (the stored
  file), ``filename`` and ``pending`` (True while the file is not rendered
  yet, or failed): private fields, never serialized;
- ``with_profile`` (greyscale news box only): ``with_profile(name) -> bytes``,
  the file with its OutputIntent set to PRINT_OUTPUT_PROFILES[name] (the
  partner's chosen press profile), or None for the house profile.
"""

from __future__ import annotations

from functools import partial

from django.utils import translation
from django.utils.translation import gettext as _

from core.site import page_url

from . import conf
from .models import StoryPdf
from .selectors import live_pdfs_for_pages
from .services.finishing import set_output_intent
from .views import download_filename

# format -> (rendition name, download kind, ?variant, standard)
RENDITIONS = {
    StoryPdf.Format.NEWSBOX_GREY: ("newsbox-pdf", "newsbox", "", "PDF/X-1a:2003"),
    StoryPdf.Format.NEWSBOX_CMYK: ("newsbox-cmyk-pdf", "newsbox", "cmyk", "PDF/X-1a:2003"),
    StoryPdf.Format.RELEASE: ("release-pdf", "release", "", "PDF/A-2b"),
}


def _label(pdf_format: str) -> str:
    # The same words as the story page's download links (components/story_downloads.html).
    if pdf_format == StoryPdf.Format.NEWSBOX_GREY:
        return _("Newspaper box (greyscale, PDF/X-1a)")
    if pdf_format == StoryPdf.Format.NEWSBOX_CMYK:
        return _("Newspaper box (CMYK, PDF/X-1a)")
    return _("A4 press release (PDF/A)")


def _rendition(page, pdf_format: str, row: StoryPdf | None, base_url: str | None) -> dict:
    name, kind, variant, standard = RENDITIONS[pdf_format]
    revision = page.live_revision_id
    ready = row is not None and row.status == StoryPdf.Status.READY and bool(row.file)
    rendition = {
        "name": name,
        "title": _("%(label)s, revision %(revision)s") % {"label": _label(pdf_format), "revision": revision},
        "contentType": "application/pdf",
        "format": standard,
        "revision": revision,
        "pending": not ready,
        "filename": download_filename(
            release_id=page.release_id, language_code=page.locale.language_code, kind=kind, variant=variant
        ),
    }
    if ready:
        rendition["sizeInBytes"] = row.size
        rendition["file"] = row.file
        if pdf_format == StoryPdf.Format.NEWSBOX_GREY:
            rendition["with_profile"] = partial(_with_profile, row.file)
        if base_url:
            query = f"?variant={variant}&revision={revision}" if variant else f"?revision={revision}"
            rendition["href"] = f"{base_url}pdf/{kind}/{query}"
    return rendition


def _with_profile(file, name: str) -> bytes | None:
    """The stored greyscale news box with the OutputIntent of output profile
    `name` (PRINT_OUTPUT_PROFILES), or None for the house profile. Greyscale
    only: its colours do not depend on the CMYK profile (finishing.set_output_intent)."""
    profiles = conf.output_profiles()
    if name not in profiles or profiles[name] == conf.icc_profile_path():
        return None
    with file.open("rb") as handle:
        content = handle.read()
    return set_output_intent(content, profile_path=profiles[name])


def pdf_renditions(*, pages, request) -> dict[int, list[dict]]:
    """The three PDFs of each live page's live revision, ready or pending. One query."""
    stored = live_pdfs_for_pages(pages)
    result: dict[int, list[dict]] = {}
    for page in pages:
        if not page.live or not page.live_revision_id:
            continue
        rows = stored.get(page.pk, {})
        base_url = page_url(page, request=request)
        with translation.override(page.locale.language_code):
            result[page.pk] = [_rendition(page, fmt, rows.get(fmt), base_url) for fmt in RENDITIONS]
    return result
