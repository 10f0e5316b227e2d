"""The admin under its Content-Security-Policy, in real Chromium: an editor
signs in, edits a story and publishes it, with no console error (a CSP
violation is one). The translator's flow is translations/tests/test_browser_urdu.py."""

import pytest
from django.contrib.auth import get_user_model

from stories.models import SuccessStoryPage
from tests.factories import SuccessStoryPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_TITLE = "Banarasi silk weavers sell on GeM and ONDC"


def test_editor_edits_and_publishes_a_story_without_console_errors(live_server, browser_page):
    get_user_model().objects.create_superuser("editor", "editor@example.gov.in", "pw")
    story = SuccessStoryPageFactory(title="Banarasi silk weavers sell on GeM")
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 1000})
    headers = []
    page.on("response", lambda r: headers.append(r.headers) if r.url.endswith("/edit/") else None)

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    page.fill("#id_title", NEW_TITLE)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{story.get_parent().pk}/")
    assert page.get_by_text("published").first.is_visible()

    story = SuccessStoryPage.objects.get(pk=story.pk)
    assert story.live and story.title == NEW_TITLE
    assert any("unsafe-inline" in h.get("content-security-policy", "") for h in headers)
    assert page.console_errors == []
