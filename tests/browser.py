"""Real Chromium, driven by Playwright for Python.

Playwright cannot download its own browser here; Debian's chromium is used.
Tests that need it take the `browser_page` fixture (see conftest.py) and are
marked `@pytest.mark.browser`.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


def run_axe(page, *, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")) -> list[dict]:
    """Inject axe-core into the page and return its violations."""
    if not AXE_JS.exists():
        raise RuntimeError(f"axe-core not installed at {AXE_JS}: run `npm install`")
    # Evaluated through DevTools rather than added as a <script> element, which
    # the pages' Content-Security-Policy (no inline script) would refuse.
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(tags)
    )
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    return json.dumps(
        [
            {"id": v["id"], "impact": v.get("impact"), "nodes": [n["target"] for n in v["nodes"][:5]]}
            for v in violations
        ],
        ensure_ascii=False,
        indent=1,
    )
