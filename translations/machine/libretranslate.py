"""LibreTranslate, or any service speaking its API.

POST <MT_URL>/translate with JSON {"q": [...], "source", "target",
"format": "html", "api_key"}; the answer is {"translatedText": [...]}.
"""

from __future__ import annotations

from .base import GlossaryMachineTranslator, MachineTranslationError


class LibreTranslateTranslator(GlossaryMachineTranslator):
    display_name = "LibreTranslate"

    def translate_texts(self, texts, *, source, target):
        payload = {"q": texts, "source": source, "target": target, "format": "html"}
        if self.options.get("API_KEY"):
            payload["api_key"] = self.options["API_KEY"]
        answer = self.post_json(self.options["URL"].rstrip("/") + "/translate", payload)
        translated = answer.get("translatedText")
        if isinstance(translated, str):
            translated = [translated]
        if not isinstance(translated, list):
            raise MachineTranslationError(f"LibreTranslate answered without translatedText: {answer!r:.200}")
        return translated
