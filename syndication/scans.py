"""Check a print scan: an image (Pillow verifies it) or a PDF (pypdf reads it),
within the input limits LIMIT_SCAN_BYTES, LIMIT_SCAN_PIXELS and
LIMIT_SCAN_PDF_PAGES (core.limits). A decompression bomb is refused from its
header, before any pixel is decoded."""

from __future__ import annotations

from PIL import Image, UnidentifiedImageError

from core.limits import LimitExceeded, check

from .problems import Problem

IMAGE_FORMATS = {"JPEG", "PNG", "TIFF", "WEBP"}


def too_large(error: LimitExceeded) -> Problem:
    """413 problem+json naming the limit, its setting and the value sent."""
    return Problem(413, f"scan: {error}.", limit=error.limit, setting=error.setting, value=error.value)


def _check_pdf(upload) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(upload)
        pages = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        raise Problem(400, f"scan: not a readable PDF ({error}).") from None
    if pages < 1:
        raise Problem(400, "scan: the PDF has no pages.")
    check("LIMIT_SCAN_PDF_PAGES", pages, what="PDF pages")


def _check_image(upload) -> None:
    try:
        with Image.open(upload) as image:
            kind = image.format
            width, height = image.size
            check("LIMIT_SCAN_PIXELS", width * height, what=f"image of {width} × {height}", unit="pixels")
            image.verify()
    except Image.DecompressionBombError as error:
        # Pillow's own guard (more than twice Image.MAX_IMAGE_PIXELS), hit before ours.
        raise Problem(413, f"scan: the image has too many pixels to open ({error}).") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise Problem(400, f"scan: must be an image (JPEG, PNG, TIFF, WebP) or a PDF ({error}).") from None
    if kind not in IMAGE_FORMATS:
        raise Problem(400, f"scan: {kind} images are not accepted; send JPEG, PNG, TIFF, WebP or PDF.")


def check_scan(upload) -> None:
    try:
        check("LIMIT_SCAN_BYTES", upload.size, what="file", unit="bytes")
        upload.seek(0)
        head = upload.read(5)
        upload.seek(0)
        if head == b"%PDF-":
            _check_pdf(upload)
        else:
            _check_image(upload)
    except LimitExceeded as error:
        raise too_large(error) from None
    upload.seek(0)
