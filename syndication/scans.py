"""Check a print scan: an image (Pillow verifies it) or a PDF (pypdf reads it),
no larger than SYNDICATION_SCAN_MAX_BYTES."""

from __future__ import annotations

from django.conf import settings
from PIL import Image, UnidentifiedImageError

from .problems import Problem

IMAGE_FORMATS = {"JPEG", "PNG", "TIFF", "WEBP"}


def _check_pdf(upload) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(upload)
        pages = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise Problem(400, f"scan: not a readable PDF ({error}).") from None
    if pages < 1:
        raise Problem(400, "scan: the PDF has no pages.")


def _check_image(upload) -> None:
    try:
        with Image.open(upload) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise Problem(400, f"scan: must be an image (JPEG, PNG, TIFF, WebP) or a PDF ({error}).") from None
    if kind not in IMAGE_FORMATS:
        raise Problem(400, f"scan: {kind} images are not accepted; send JPEG, PNG, TIFF, WebP or PDF.")


def check_scan(upload) -> None:
    limit = settings.SYNDICATION_SCAN_MAX_BYTES
    if upload.size > limit:
        raise Problem(413, f"scan: {upload.size} bytes is over the limit of {limit} bytes.")
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        _check_pdf(upload)
    else:
        _check_image(upload)
    upload.seek(0)
