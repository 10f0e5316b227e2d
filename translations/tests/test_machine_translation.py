"""Both machine translators against local servers speaking their protocols."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from translations.machine import machine_translator
from translations.machine.base import MachineTranslationError
from translations.machine.bhashini import BhashiniTranslator
from translations.machine.libretranslate import LibreTranslateTranslator
from translations.models import GlossaryRendering, GlossaryTerm
from translations.services.review import machine_segment_count, publish_blocked_reason

pytestmark = pytest.mark.django_db


class Recorder(BaseHTTPRequestHandler):
    requests: list[dict] = []
    protocol = "libretranslate"

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "headers": dict(self.headers), "json": body})
        if self.protocol == "libretranslate":
            assert self.path == "/translate"
            assert set(body) >= {"q", "source", "target", "format"} and body["format"] == "html"
            answer = {"translatedText": [self._t(text, body["target"]) for text in body["q"]]}
        else:
            task = body["pipelineTasks"][0]
            assert task["taskType"] == "translation"
            language = task["config"]["language"]
            answer = {
                "pipelineResponse": [
                    {
                        "taskType": "translation",
                        "config": {"serviceId": task["config"]["serviceId"], "language": language},
                        "output": [
                            {
                                "source": item["source"],
                                "target": self._t(item["source"], language["targetLanguage"]),
                            }
                            for item in body["inputData"]["input"]
                        ],
                    }
                ]
            }
        data = json.dumps(answer, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    @staticmethod
    def _t(text, target):
        """The fake engine marks the language and upper-cases the text,
        leaving glossary placeholders alone as a real engine would."""
        parts = re.split(r"(\[\[G\d+\]\])", text)
        return f"[{target}] " + "".join(p if p.startswith("[[G") else p.upper() for p in parts)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    def start(protocol):
        handler = type("Handler", (Recorder,), {"requests": [], "protocol": protocol})
        httpd = HTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        started.append(httpd)
        return f"http://127.0.0.1:{httpd.server_port}", handler

    started: list[HTTPServer] = []
    yield start
    for httpd in started:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def glossary(db):
    odop = GlossaryTerm.objects.create(term="ODOP", do_not_translate=True)
    saree = GlossaryTerm.objects.create(term="Banarasi Saree")
    GlossaryRendering.objects.create(term=saree, language_code="hi", rendering="बनारसी साड़ी")
    return odop, saree


class _S:
    def __init__(self, data):
        self.data = data


def test_libretranslate_request_format_and_glossary(server, glossary):
    url, handler = server("libretranslate")
    translator = LibreTranslateTranslator({"URL": url, "API_KEY": "k-123"})
    hi = Locale(language_code="hi")
    strings = [_S("ODOP weavers sell Banarasi Saree."), _S("<b>Handloom</b> clusters")]
    result = translator.translate(Locale(language_code="en"), hi, strings)
    [request] = handler.requests
    assert request["json"]["source"] == "en" and request["json"]["target"] == "hi"
    assert request["json"]["api_key"] == "k-123"
    assert request["json"]["q"][0] == "[[G1]] weavers sell [[G0]]."
    assert "ODOP" not in request["json"]["q"][0], "glossary terms never reach the engine"
    assert result[strings[0]].data == "[hi] ODOP WEAVERS SELL बनारसी साड़ी."
    assert result[strings[1]].data == "[hi] <B>HANDLOOM</B> CLUSTERS"


def test_bhashini_request_format_and_glossary(server, glossary):
    url, handler = server("bhashini")
    translator = BhashiniTranslator(
        {
            "URL": url + "/services/inference/pipeline",
            "API_KEY": "bh-key",
            "SERVICE_ID": "ai4bharat/indictrans-v2",
        }
    )
    strings = [_S("ODOP made Banarasi Saree famous"), _S("Second")]
    result = translator.translate(Locale(language_code="en"), Locale(language_code="ta"), strings)
    [request] = handler.requests
    assert request["path"] == "/services/inference/pipeline"
    assert request["headers"]["Authorization"] == "bh-key"
    task = request["json"]["pipelineTasks"][0]
    assert task == {
        "taskType": "translation",
        "config": {
            "language": {"sourceLanguage": "en", "targetLanguage": "ta"},
            "serviceId": "ai4bharat/indictrans-v2",
        },
    }
    assert [item["source"] for item in request["json"]["inputData"]["input"]][1] == "Second"
    # No Tamil rendering for the saree: the machine may translate it; ODOP is kept.
    assert result[strings[0]].data == "[ta] ODOP MADE BANARASI SAREE FAMOUS"


def test_unreachable_service_gives_a_clear_error():
    translator = LibreTranslateTranslator({"URL": "http://127.0.0.1:9", "TIMEOUT": 2})
    with pytest.raises(MachineTranslationError, match="127.0.0.1:9"):
        translator.translate(Locale(language_code="en"), Locale(language_code="hi"), [_S("x")])


def test_machine_translation_is_off_without_a_backend_and_refuses_an_unknown_one():
    options = {"url": "https://x", "api_key": "k", "service_id": "s", "timeout": 20.0}
    assert machine_translator(backend="", **options) is None
    config = machine_translator(backend="bhashini", **options)
    assert config["CLASS"].endswith("BhashiniTranslator")
    assert config["OPTIONS"]["SERVICE_ID"] == "s"
    with pytest.raises(ValueError, match="deepl"):
        machine_translator(backend="deepl", **options)


def test_machine_prefill_in_the_editor_marks_segments_and_needs_review(world, client, server, settings):
    url, handler = server("libretranslate")
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine.libretranslate.LibreTranslateTranslator",
        "OPTIONS": {"URL": url, "API_KEY": ""},
    }
    translation = Translation.objects.get(
        source__object_id=world.story.translation_key, target_locale__language_code="ur"
    )
    StringTranslation.objects.filter(locale=translation.target_locale).delete()
    client.force_login(world.users[("translator", "ur")])
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    assert handler.requests and handler.requests[0]["json"]["target"] == "ur"
    segments = StringSegment.objects.filter(source=translation.source).count()
    assert machine_segment_count(translation) == segments
    machine = StringTranslation.objects.filter(locale=translation.target_locale, translation_type="machine")
    assert machine.count() == segments and all(t.tool_name == "LibreTranslate" for t in machine)
    assert publish_blocked_reason(translation=translation, user=world.users[("translator", "ur")])
    assert publish_blocked_reason(translation=translation, user=world.admin)
    assert publish_blocked_reason(translation=translation, user=world.users[("reviewer", "ur")]) is None
    assert not Page.objects.get(translation_key=world.story.translation_key, locale__language_code="ur").live
