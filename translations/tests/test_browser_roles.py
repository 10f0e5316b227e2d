"""Each role in a real Chromium at 1,366 x 768: log in, open the dashboard and
the translation status matrix (all 23 languages), take screenshots
(var/screenshots/roles-*.png, not committed) and check that no request left
127.0.0.1 and that the 23 columns fit without scrolling sideways."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from wagtail.users.models import UserProfile

from languages import registry

from .conftest import build_world

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROLES = ("editor", "moderator", "translator-ta", "reviewer-ta")


def test_each_role_sees_dashboard_and_matrix_without_outside_requests(live_server, chromium):
    build_world(codes=[code for code in registry.ALL_CODES if code != "en"])
    profile = UserProfile.get_for_user(get_user("translator-ta"))
    profile.preferred_language = "ta"  # the Tamil translator works in Tamil
    profile.save()
    shots = Path(settings.BASE_DIR) / "var" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    own = urlsplit(live_server.url).hostname
    for username in ROLES:
        hosts, errors = set(), []
        context = chromium.new_context(viewport={"width": 1366, "height": 768}, locale="en-IN")
        page = context.new_page()
        page.on("request", lambda request, hosts=hosts: hosts.add(urlsplit(request.url).hostname))
        page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
        try:
            page.goto(f"{live_server.url}/admin/login/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", "pw")
            page.click("button[type=submit]")
            page.wait_for_url(f"{live_server.url}/admin/")
            page.screenshot(path=str(shots / f"roles-{username}-dashboard.png"), full_page=True)
            page.goto(f"{live_server.url}/admin/translations/status/")
            page.locator(".odop-status-table").wait_for()
            page.screenshot(path=str(shots / f"roles-{username}-matrix.png"))
            columns = page.locator(".odop-matrix__language").count()
            scroll = page.locator(".odop-matrix__scroll").evaluate(
                "box => ({scroll: box.scrollWidth, client: box.clientWidth})"
            )
            page_width = page.evaluate("document.documentElement.scrollWidth")
        finally:
            context.close()
        assert hosts == {own}, f"{username}: requests left {own}: {hosts - {own}}"
        assert errors == [], username
        assert page_width <= 1366, f"{username}: the admin page scrolls sideways"
        if username in ("editor", "moderator"):
            assert columns == 23
            assert scroll["scroll"] <= scroll["client"], f"{username}: 23 columns do not fit: {scroll}"
        else:
            assert columns == 1, f"{username} sees only Tamil"


def get_user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
