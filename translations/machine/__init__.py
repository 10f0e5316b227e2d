"""Machine translators for wagtail-localize's WAGTAILLOCALIZE_MACHINE_TRANSLATOR.

One module per service (LibreTranslate-compatible, Bhashini). Both apply the
glossary (translations.services.glossary) around the service call. Settings
read the MT_* environment variables and build the configuration with
`machine_translator`; with MT_BACKEND unset there is no machine translator.
"""

from __future__ import annotations

BACKENDS = {
    "libretranslate": "translations.machine.libretranslate.LibreTranslateTranslator",
    "bhashini": "translations.machine.bhashini.BhashiniTranslator",
}


def machine_translator(
    *, backend: str, url: str, api_key: str, service_id: str, timeout: float
) -> dict | None:
    """The WAGTAILLOCALIZE_MACHINE_TRANSLATOR setting; None when `backend` is empty."""
    backend = backend.strip().lower()
    if not backend:
        return None
    if backend not in BACKENDS:
        raise ValueError(f"MT_BACKEND={backend!r} is not one of: {', '.join(BACKENDS)}")
    return {
        "CLASS": BACKENDS[backend],
        "OPTIONS": {
            "URL": url,
            "API_KEY": api_key,
            "SERVICE_ID": service_id,
            "TIMEOUT": timeout,
        },
    }
