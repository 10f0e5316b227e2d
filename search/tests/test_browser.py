"""Real Chromium on a phone viewport: results in Hindi, Tamil and Urdu (RTL),
and autocomplete as the reader types. Screenshots go to var/ to be looked at."""

from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

from tests.factories import locale

from .builders import story

SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
STORIES = {
    "hi": [
        (
            "वाराणसी के बुनकर",
            "वाराणसी के कारीगरों ने प्रधानमंत्री की योजना से बनारसी रेशम के नए बाज़ार पाए और निर्यात दोगुना किया।",
        ),
        ("मुरादाबाद का पीतल", "मुरादाबाद के पीतल कारीगरों ने ओडीओपी संपर्क कार्यशाला में ई-कॉमर्स सीखा।"),
    ],
    "ta": [
        ("காஞ்சிபுரம் பட்டு", "காஞ்சிபுரம் கைவினைஞர்கள் பட்டுச் சேலைகளை ஏற்றுமதி செய்து புதிய சந்தைகளைப் பெற்றனர்."),
        ("தஞ்சாவூர் ஓவியம்", "தஞ்சாவூர் கைவினைஞர்களின் ஓவியங்கள் இணையச் சந்தையில் விற்பனையாகின்றன."),
    ],
    "ur": [
        ("بنارسی ریشم", "بنارس کے کاریگروں نے وزیرِاعظم کی اسکیم سے نئے بازار پائے اور برآمدات دوگنی کیں۔"),
        ("مرادآباد کا پیتل", "مرادآباد کے پیتل کاریگروں نے او ڈی او پی ورکشاپ میں ای کامرس سیکھا۔"),
    ],
}
QUERIES = {"hi": ("कारीगर", "कारी"), "ta": ("கைவினைஞர்", "கைவி"), "ur": ("کاریگر", "کاری")}


def _restore_migration_data():
    """An earlier live_server test in the session may have flushed the
    database (root page, home page, root collection): rebuild that minimum."""
    from home.models import HomePage

    if HomePage.objects.exists():
        return
    from wagtail.models import Collection, Page, Site

    english = locale("en")
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.objects.filter(depth=1).first() or Page.add_root(title="Root", slug="root", locale=english)
    home = root.add_child(instance=HomePage(title="ODOP Success Stories", slug="home", locale=english))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )


@pytest.fixture
def stories(live_server, browser_page):
    # The site has no favicon yet; keep its 404 out of the console-error check.
    browser_page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    _restore_migration_data()
    for code, items in STORIES.items():
        for title, summary in items:
            story(code, title=title, summary=summary)


def check_results_page(page, base_url, code):
    word, _prefix = QUERIES[code]
    page.goto(f"{base_url}/{code}/search/?q={quote(word)}")
    assert page.locator(".odop-search__result").count() == 2
    assert page.locator(".odop-search__snippet mark").count() >= 2
    direction = page.evaluate("getComputedStyle(document.querySelector('.odop-search__snippet')).direction")
    assert direction == ("rtl" if code == "ur" else "ltr")
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"search-{code}.png"), full_page=True)


def check_autocomplete(page, base_url):
    page.goto(f"{base_url}/hi/search/")
    box = page.locator("#odop-search-q")
    box.type("कारी", delay=30)
    suggestions = page.locator("#odop-search-suggestions [role=option]")
    suggestions.first.wait_for(state="visible")
    assert sorted(suggestions.all_text_contents()) == sorted(title for title, _ in STORIES["hi"])
    assert box.get_attribute("aria-expanded") == "true"
    page.screenshot(path=str(SHOTS / "search-hi-autocomplete.png"))
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/hi/stories/**")


# One test (one transactional database reset) for the whole walk-through.
@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_phone_reader_searches_in_hindi_tamil_urdu_and_uses_autocomplete(stories, live_server, browser_page):
    for code in ("hi", "ta", "ur"):
        check_results_page(browser_page, live_server.url, code)
    check_autocomplete(browser_page, live_server.url)
    assert browser_page.console_errors == []
