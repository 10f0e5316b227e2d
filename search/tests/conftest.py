import pytest


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run tests that use `live_server` last.

    live_server makes a test transactional: the database is flushed after it,
    taking migration data (root collection, home page) with it. Tests that
    rely on that data through module-scoped fixtures would fail if they ran
    afterwards (seen with printing's tests after this app's browser test).
    """
    served = [item for item in items if "live_server" in getattr(item, "fixturenames", ())]
    # Ours rebuild the minimum they need (see test_browser.py) and go last of all.
    ours = [item for item in served if item.nodeid.startswith("search/")]
    others = [item for item in served if item not in ours]
    if served:
        items[:] = [item for item in items if item not in served] + others + ours
