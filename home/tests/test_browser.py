"""The public site in real Chromium: pages in en, hi, ur and ta pass axe
(WCAG 2.1 A/AA) with no console errors; the switcher and filters work.
Screenshots of story pages go to var/screens/ for a human to look at."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from wagtail.models import Site

from home.tests.content import build_site
from tests.browser import describe_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

READER_UA = (
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)
SCREENS = Path(django_settings.BASE_DIR) / "var" / "screens"


@pytest.fixture
def live_site(settings, live_server, tmp_path):
    settings.ROOT_URLCONF = "home.tests.urls_with_media"
    site = build_site(languages=("hi", "ur", "ta", "bn"), extra_stories=3)
    # Absolute URLs (canonical, hreflang) point at the live server.
    wagtail_site = Site.objects.get(is_default_site=True)
    wagtail_site.port = int(live_server.url.rsplit(":", 1)[1])
    wagtail_site.save()
    return live_server.url, site


def pages_for(site, code: str) -> dict[str, str]:
    pages = site if code == "en" else site["translated"][code]
    return {name: pages[name].url for name in ("home", "index", "story", "workshop")}


def test_pages_in_four_languages_pass_axe_without_console_errors(live_site, browser_page):
    base, site = live_site
    problems = []
    failed = []
    browser_page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    for code in ("en", "hi", "ur", "ta"):
        for name, path in pages_for(site, code).items():
            response = browser_page.goto(base + path)
            assert response.status == 200, f"{code} {name}: {response.status}"
            browser_page.wait_for_load_state("networkidle")
            assert browser_page.get_attribute("html", "lang") == code
            violations = run_axe(browser_page)
            if violations:
                problems.append(f"{code} {name} {path}: {describe_violations(violations)}")
    assert not problems, "\n".join(problems)
    assert browser_page.console_errors == [], failed


def test_switching_language_keeps_the_reader_on_the_story(live_site, chromium):
    base, site = live_site
    # A reader's browser: headless Chromium's own User-Agent is not counted.
    context = chromium.new_context(user_agent=READER_UA, viewport={"width": 412, "height": 915})
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(base + site["story"].url)
    page.click("nav.language-switcher a[hreflang=hi]")
    page.wait_for_url("**/hi/stories/banarasi-silk/")
    assert page.get_attribute("html", "lang") == "hi"
    assert "बनारसी रेशम बुनकरों" in page.inner_text("h1")
    page.click("nav.language-switcher a[hreflang=ur]")
    page.wait_for_url("**/ur/stories/banarasi-silk/")
    assert page.get_attribute("html", "dir") == "rtl"
    # The visitor beacon counted this reader and the counter shows it.
    page.wait_for_function("document.querySelector('[data-visitor-count]').textContent === '1'")
    context.close()
    assert errors == []


def test_following_a_filter_keeps_it_in_the_url(live_site, browser_page):
    base, site = live_site
    browser_page.goto(base + site["translated"]["ta"]["index"].url)
    browser_page.select_option("#filter-district", "187")
    browser_page.click(".filters button[type=submit]")
    browser_page.wait_for_url("**/ta/stories/?*district=187*")
    assert browser_page.locator("#filter-district").input_value() == "187"
    assert "பனாரசி பட்டு" in browser_page.inner_text("main")
    assert browser_page.console_errors == []


def test_screenshots_of_story_pages(live_site, chromium):
    base, site = live_site
    SCREENS.mkdir(parents=True, exist_ok=True)
    for label, viewport in {"phone": (412, 915), "desktop": (1280, 900)}.items():
        context = chromium.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        page = context.new_page()
        for code in ("hi", "ta", "bn", "ur"):
            page.goto(base + site["translated"][code]["story"].url)
            page.wait_for_load_state("networkidle")
            page.evaluate("document.fonts.ready")
            path = SCREENS / f"story-{code}-{label}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10_000
        context.close()
