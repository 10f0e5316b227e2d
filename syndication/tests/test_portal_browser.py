"""The newspaper portal in a real Chromium, in Hindi and in Urdu, on a phone:
sign in, filter by language, open a story, download its news box; no console
or Content-Security-Policy errors, no axe-core WCAG 2.1 AA violations.
Screenshots in var/screenshots/portal-*.png."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from printing.models import StoryPdf
from printing.services.generation import render_format
from syndication.models import Partner
from syndication.tests.content import build_dataset, partner_key, translation_of
from tests.browser import describe_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PASSWORD = "loom-and-shuttle-42"  # noqa: S105


def _portal_world():
    data = build_dataset(stories=1, languages=("hi", "ur"))
    partner_key("Dainik Jagran Test", languages=("hi", "ur"))
    partner = Partner.objects.get(name="Dainik Jagran Test")
    partner.users.add(get_user_model().objects.create_user("dainik", password=PASSWORD))
    partner.save()
    hindi = translation_of(data["stories"][0], "hi")
    row = StoryPdf(
        page=hindi, revision_id=hindi.live_revision_id, locale="hi", format=StoryPdf.Format.NEWSBOX_GREY
    )
    content = render_format(story=hindi, pdf_format=StoryPdf.Format.NEWSBOX_GREY).content
    row.file.save("newsbox.pdf", ContentFile(content), save=False)
    row.size, row.status = len(content), StoryPdf.Status.READY
    row.save()
    return hindi, translation_of(data["stories"][0], "ur")


def test_portal_in_hindi_and_urdu_on_a_phone(live_server, chromium):
    hindi, urdu = _portal_world()
    shots = Path(settings.BASE_DIR) / "var" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": 412, "height": 915}, accept_downloads=True)
    browser = context.new_page()
    errors = []
    browser.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    browser.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        browser.goto(f"{live_server.url}/hi/partners/")
        browser.wait_for_url("**/hi/partners/login/**")
        browser.get_by_label("उपयोगकर्ता नाम").fill("dainik")
        browser.get_by_label("पासवर्ड").fill(PASSWORD)
        browser.get_by_role("button", name="साइन इन करें").click()
        browser.wait_for_url(f"{live_server.url}/hi/partners/")
        browser.get_by_label("भाषा").select_option("hi")
        browser.get_by_role("button", name="कहानियाँ दिखाएँ").click()
        browser.get_by_role("link", name=hindi.title).wait_for()
        assert browser.get_by_role("link", name=urdu.title).count() == 0
        assert run_axe(browser) == [], describe_violations(run_axe(browser))
        browser.screenshot(path=str(shots / "portal-hi-list.png"), full_page=True)

        browser.get_by_role("link", name=hindi.title).click()
        browser.get_by_role("heading", name=hindi.title).wait_for()
        with browser.expect_download() as download:
            browser.get_by_role("link", name="समाचार पत्र बॉक्स (ग्रेस्केल, PDF/X-1a)").click()
        assert download.value.suggested_filename.endswith(".pdf")
        assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
        browser.screenshot(path=str(shots / "portal-hi-story.png"), full_page=True)

        browser.goto(f"{live_server.url}/ur/partners/?lang=ur")
        browser.get_by_role("link", name=urdu.title).wait_for()
        assert browser.evaluate("document.documentElement.dir") == "rtl"
        assert run_axe(browser) == [], describe_violations(run_axe(browser))
        browser.screenshot(path=str(shots / "portal-ur-list.png"), full_page=True)
        browser.get_by_role("link", name=urdu.title).click()
        browser.get_by_role("heading", name=urdu.title).wait_for()
        browser.screenshot(path=str(shots / "portal-ur-story.png"), full_page=True)
    finally:
        context.close()
    assert errors == []
