"""QR codes linking a printed release to its online page."""

from __future__ import annotations

import base64

import qrcode
from qrcode.image.svg import SvgPathImage


def qr_data_uri(url: str) -> str:
    """An SVG QR code for `url` as a data: URI (vector, so sharp in print)."""
    image = qrcode.make(
        url, image_factory=SvgPathImage, border=1, error_correction=qrcode.constants.ERROR_CORRECT_M
    )
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode("ascii")
