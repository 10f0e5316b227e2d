"""Downloads of stored story PDFs, the only way out of the private storage.

The page's own serve (embargo, live, view restrictions) has run before these
views. Never renders: a PDF not ready for the live revision answers 503 with
Retry-After."""

from __future__ import annotations

import re

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from core.storage import private_file_response

from .selectors import DOWNLOAD_FORMATS, live_story_pdf

RETRY_AFTER_SECONDS = 30


def download_filename(*, release_id, language_code: str, kind: str, variant: str = "") -> str:
    """ASCII file name such as PIB-2000861-hi-newsbox.pdf."""
    parts = ["PIB", str(release_id or "draft"), language_code, kind]
    if variant and variant != "grey":
        parts.append(variant)
    name = "-".join(parts)
    return re.sub(r"[^A-Za-z0-9._-]", "_", name) + ".pdf"


def story_pdf(request, page, *, kind: str):
    variant = request.GET.get("variant", "").lower()
    pdf_format = DOWNLOAD_FORMATS.get((kind, variant))
    if pdf_format is None:
        raise Http404(f"no {kind} PDF variant {variant!r}")
    pdf = live_story_pdf(page=page, pdf_format=pdf_format)
    if pdf is None or not pdf.file:
        response = HttpResponse(
            _("This PDF is being prepared. Please try again shortly."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    filename = download_filename(
        release_id=page.release_id, language_code=pdf.locale, kind=kind, variant=variant
    )
    try:
        response = private_file_response(pdf.file, filename=filename, content_type="application/pdf")
    except FileNotFoundError:
        raise Http404("PDF file missing") from None
    if response.status_code == 200:  # streamed here; a redirect to a signed URL is never cached
        response["ETag"] = f'"{page.pk}-{pdf.revision_id}-{pdf.format}"'
        response["Cache-Control"] = "public, max-age=300"
    return response


# Routes under every story page (registered in PrintingConfig.ready()):
# <story url>pdf/newsbox/ and <story url>pdf/release/.
def newsbox_pdf(page, request):
    return story_pdf(request, page, kind="newsbox")


def release_pdf(page, request):
    return story_pdf(request, page, kind="release")
