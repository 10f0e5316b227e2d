"""Bhashini (Government of India), through the ULCA pipeline compute call.

POST <MT_URL> (the inference endpoint from the pipeline config call, e.g.
https://dhruva-api.bhashini.gov.in/services/inference/pipeline) with header
`Authorization: <inference API key>` and JSON

    {"pipelineTasks": [{"taskType": "translation",
                        "config": {"language": {"sourceLanguage": "en", "targetLanguage": "hi"},
                                   "serviceId": "<MT_SERVICE_ID>"}}],
     "inputData": {"input": [{"source": "..."}, ...]}}

The answer carries {"pipelineResponse": [{"taskType": "translation",
"output": [{"source": "...", "target": "..."}, ...]}]}.
"""

from __future__ import annotations

from .base import GlossaryMachineTranslator, MachineTranslationError


class BhashiniTranslator(GlossaryMachineTranslator):
    display_name = "Bhashini"

    def translate_texts(self, texts, *, source, target):
        payload = {
            "pipelineTasks": [
                {
                    "taskType": "translation",
                    "config": {
                        "language": {"sourceLanguage": source, "targetLanguage": target},
                        "serviceId": self.options.get("SERVICE_ID", ""),
                    },
                }
            ],
            "inputData": {"input": [{"source": text} for text in texts]},
        }
        answer = self.post_json(
            self.options["URL"], payload, headers={"Authorization": self.options.get("API_KEY", "")}
        )
        try:
            outputs = answer["pipelineResponse"][0]["output"]
            return [item["target"] for item in outputs]
        except (KeyError, IndexError, TypeError) as error:
            raise MachineTranslationError(
                f"Bhashini answered in an unexpected shape: {answer!r:.200}"
            ) from error
