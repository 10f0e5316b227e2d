from __future__ import annotations

import json
import urllib.request

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from languages import registry

from ..services import glossary


class MachineTranslationError(RuntimeError):
    pass


class GlossaryMachineTranslator(BaseMachineTranslator):
    """Shared by every backend: glossary protection and JSON over HTTP.

    Subclasses implement `translate_texts(texts, source=, target=)`.
    """

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        target = self.language_code(target_locale.language_code)
        entries = glossary.glossary_for(language_code=target)
        protected = [glossary.protect(string.data, entries) for string in strings]
        translated = self.translate_texts(
            [text for text, _renderings in protected],
            source=self.language_code(source_locale.language_code),
            target=target,
        )
        if len(translated) != len(strings):
            raise MachineTranslationError(
                f"{self.display_name} returned {len(translated)} translations for {len(strings)} strings"
            )
        return {
            string: StringValue(glossary.restore(text, renderings))
            for string, text, (_protected, renderings) in zip(strings, translated, protected, strict=True)
        }

    def can_translate(self, source_locale, target_locale):
        return self.language_code(source_locale.language_code) != self.language_code(
            target_locale.language_code
        )

    def translate_texts(self, texts: list[str], *, source: str, target: str) -> list[str]:
        raise NotImplementedError

    @staticmethod
    def language_code(code: str) -> str:
        return registry.get(code).code

    def post_json(self, url: str, payload: dict, headers: dict | None = None) -> dict:
        if not url.startswith(("http://", "https://")):
            raise MachineTranslationError(f"{self.display_name}: MT_URL must be an http(s) URL, got {url!r}")
        request = urllib.request.Request(  # noqa: S310 - scheme checked above
            url,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json", "Accept": "application/json", **(headers or {})},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.options.get("TIMEOUT", 20)) as response:  # noqa: S310
                return json.loads(response.read().decode())
        except (OSError, ValueError) as error:
            raise MachineTranslationError(f"{self.display_name} at {url} failed: {error}") from error
