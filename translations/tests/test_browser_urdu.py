"""An Urdu translator's flow in a real Chromium: log in, open the
wagtail-localize editor, type Urdu into a right-to-left field, save."""

from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from .conftest import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

URDU = "بنارسی ساڑی کے بنکروں نے نئی منڈیاں پائیں"


def test_urdu_translator_types_right_to_left_in_the_translation_editor(live_server, chromium):
    world = build_world(codes=["ur"])
    page_ur = Page.objects.get(translation_key=world.story.translation_key, locale__language_code="ur")
    context = chromium.new_context(viewport={"width": 1280, "height": 1000}, locale="en-IN")
    browser = context.new_page()
    errors = []  # console errors, Content-Security-Policy violations among them
    browser.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    browser.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        browser.goto(f"{live_server.url}/admin/login/")
        browser.fill("input[name=username]", "translator-ur")
        browser.fill("input[name=password]", "pw")
        browser.click("button[type=submit]")
        browser.wait_for_url(f"{live_server.url}/admin/")

        browser.goto(f"{live_server.url}/admin/pages/{page_ur.pk}/edit/")
        # Open the first segment (the headline) for translation.
        browser.get_by_role("button", name="Translate").first.click()
        field = browser.locator("textarea").first
        field.wait_for()
        browser.wait_for_function(
            "document.querySelector('textarea') && document.querySelector('textarea').dir === 'rtl'"
        )
        assert field.get_attribute("dir") == "rtl"
        assert field.get_attribute("lang") == "ur"
        field.fill(URDU)
        shots = Path(settings.BASE_DIR) / "var" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        browser.screenshot(path=str(shots / "translations-urdu-typing.png"))
        browser.get_by_role("button", name="Save").first.click()
        browser.get_by_text(URDU).wait_for()
        assert browser.get_by_text(URDU).evaluate("node => getComputedStyle(node).unicodeBidi") == "plaintext"
        browser.screenshot(path=str(shots / "translations-urdu-saved.png"))
    finally:
        context.close()
    assert errors == []
    saved = StringTranslation.objects.filter(locale__language_code="ur", data=URDU)
    assert saved.exists(), "the Urdu headline was saved through wagtail-localize's REST endpoint"
    assert saved.get().last_translated_by.username == "translator-ur"
