"""Which font sets a language in print, and whether it is installed."""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache

from languages import registry

from .. import conf


class MissingFontError(RuntimeError):
    """A language's font family is not installed on this machine."""

    def __init__(self, *, language_code: str, family: str):
        self.language_code = language_code
        self.family = family
        language = registry.get(language_code)
        super().__init__(
            f"No installed font for {language.name} ({language_code}, script {language.script}): "
            f"font family {family!r} was not found by fontconfig. Install it (Debian: fonts-noto-core) "
            f"or set PRINT_FONT_OVERRIDES[{language_code!r}] to an installed family."
        )


def font_family(language_code: str) -> str:
    """The Noto face for the language's script, unless settings override it."""
    overrides = conf.font_overrides()
    language = registry.get(language_code)
    return overrides.get(language.code) or language.font_family


@lru_cache(maxsize=64)
def _installed(family: str) -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        raise RuntimeError("fc-list (fontconfig) is not installed; cannot check fonts")
    result = subprocess.run(  # noqa: S603 - fixed binary, pattern passed as one argument
        [fc_list, f":family={family}", "family"], capture_output=True, text=True, check=False, timeout=20
    )
    families = {name.strip() for line in result.stdout.splitlines() for name in line.split(",")}
    return family in families


def require_font(language_code: str) -> str:
    """The language's font family; MissingFontError naming it if not installed."""
    family = font_family(language_code)
    if not _installed(family):
        raise MissingFontError(language_code=registry.get(language_code).code, family=family)
    return family
