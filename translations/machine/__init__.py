"""Machine translators for wagtail-localize's WAGTAILLOCALIZE_MACHINE_TRANSLATOR.

One module per service (LibreTranslate-compatible, Bhashini). Both apply the
glossary (translations.services.glossary) around the service call. Settings
build the configuration from the environment (see `settings_from_env`); with
MT_BACKEND unset there is no machine translator.
"""

from __future__ import annotations

BACKENDS = {
    "libretranslate": "translations.machine.libretranslate.LibreTranslateTranslator",
    "bhashini": "translations.machine.bhashini.BhashiniTranslator",
}


def settings_from_env(environ) -> dict | None:
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR from MT_* environment variables."""
    backend = environ.get("MT_BACKEND", "").strip().lower()
    if not backend:
        return None
    if backend not in BACKENDS:
        raise ValueError(f"MT_BACKEND={backend!r} is not one of: {', '.join(BACKENDS)}")
    return {
        "CLASS": BACKENDS[backend],
        "OPTIONS": {
            "URL": environ.get("MT_URL", ""),
            "API_KEY": environ.get("MT_API_KEY", ""),
            "SERVICE_ID": environ.get("MT_SERVICE_ID", ""),
            "TIMEOUT": float(environ.get("MT_TIMEOUT", "20")),
        },
    }
