import os

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, chromium_available
from tests.storage import local_storages

# Playwright's sync API runs an event loop; Django's async-safety check would
# otherwise refuse ORM calls made by live_server tests in the same thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    """A run killed mid-way leaves its SQLite test database's write-ahead log
    behind; Django deletes the database file but not the log, which SQLite
    would replay into the next run's new database ("database disk image is
    malformed"). Remove the logs of databases that no longer exist, in the
    controller, before any worker starts."""
    if hasattr(config, "workerinput"):
        return
    from pathlib import Path

    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3" or not database.get("TEST", {}).get("NAME"):
        return
    name = Path(database["TEST"]["NAME"])  # under VAR_DIR; xdist workers add _gw0, _gw1...
    for log in [*name.parent.glob(f"{name.name}*-wal"), *name.parent.glob(f"{name.name}*-shm")]:
        if not log.with_name(log.name.rsplit("-", 1)[0]).exists():
            log.unlink(missing_ok=True)


def pytest_sessionstart(session):
    """Compile the catalogs in locale/ that are missing or older than their .po.
    They are build output (`make assets`), not in git; without them Django
    would refuse the URL prefixes of the languages it ships no catalog for.
    Once per run, in the controller (not in each xdist worker)."""
    if hasattr(session.config, "workerinput"):
        return
    from django.core.management import call_command

    call_command("compilemessages", ignore_patterns=[".venv", "node_modules", "var"], verbosity=0)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes images, private files and print caches into its own folders."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = local_storages(settings.STORAGES, private_root=tmp_path / "private")
    settings.PRINT_PHOTO_CACHE_DIR = tmp_path / "print-photos"


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Each test starts in the default language: a request through
    LocaleMiddleware leaves its language active in the thread afterwards."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _forget_cached_sites_and_restrictions():
    """core.sites and core.pages cache Site rows and restricted paths until they
    change; a test's rollback changes them back without a signal."""
    from django.core.cache import cache

    from core.pages import RESTRICTED_PATHS_CACHE_KEY
    from core.sites import SITES_CACHE_KEY

    cache.delete_many([SITES_CACHE_KEY, RESTRICTED_PATHS_CACHE_KEY])


@pytest.fixture(scope="session")
def chromium():
    if not chromium_available():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's chromium (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    """A fresh page (phone-sized by default) that fails on console errors."""
    context = chromium.new_context(viewport={"width": 412, "height": 915})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    yield page
    context.close()


# --- After a transactional test -------------------------------------------------
# A transactional test (live_server, transaction=True) ends by flushing every
# table, which removes what the data migrations made: the page tree root, the
# home page and site, the root collection. Tests ordered after it (pytest-django
# runs non-marked tests, such as those using module-scoped data, last) would
# then find no tree. Put the baseline back before the next test sets up.
_flushed = False


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    global _flushed
    if _is_transactional(item):
        _flushed = True


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    global _flushed
    # Also before a transactional test: it may follow another one's flush.
    if _flushed:
        from pytest_django.plugin import blocking_manager_key

        from tests.baseline import restore_baseline

        with item.config.stash[blocking_manager_key].unblock():
            restore_baseline()
        _flushed = False
    yield
