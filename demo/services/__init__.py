"""Load the demo site: taxonomy, pages, stories, workshops and translations.

The content comes from the JSON files in ``demo.content``; they are all read
and checked before anything is written, so bad data fails before the first
row. One module per concern: ``users`` (the admin login), ``taxonomy``,
``site_pages`` (home, story index, workshop index), ``stories``,
``releases`` (real PIB releases, imported with ``import_release``),
``workshops``, and ``localize`` (one object through wagtail-localize).

Every function is idempotent: it finds what an earlier run made (by LGD code,
slug, release ID or translation_key + locale) and only creates what is
missing, so running ``load_demo`` twice changes nothing.

Translations go through wagtail-localize's own models: a TranslationSource
for the English object, a Translation per target locale, a StringTranslation
per segment, then ``Translation.save_target(publish=True)``.

Transactions: each unit (the taxonomy, one story, one translation) is its own
``transaction.atomic`` block, and there is deliberately no outer one.
wagtail-localize publishes a translation in ``transaction.on_commit``; inside
one long transaction those deferred publishes would run at the very end from
stale in-memory pages and reset the tree's ``numchild`` (translated parents
then 404 their children). A failed run leaves whole units behind, and the
next run completes what is missing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from wagtail.models import Locale

from demo.content import load_content

from .localize import enabled_locales, locales_for, translate_object
from .releases import load_releases, translate_release
from .result import DemoResult
from .site_pages import ensure_site_pages, translate_site_pages
from .stories import load_stories, translate_story
from .taxonomy import load_taxonomy, translate_taxonomy
from .users import ADMIN_PASSWORD, ADMIN_USERNAME, ensure_admin
from .workshops import load_workshops, translate_workshop

__all__ = [
    "ADMIN_PASSWORD",
    "ADMIN_USERNAME",
    "DemoResult",
    "ensure_admin",
    "ensure_site_pages",
    "load_demo",
    "load_releases",
    "load_stories",
    "load_taxonomy",
    "load_workshops",
    "translate_object",
    "translate_release",
    "translate_site_pages",
    "translate_story",
    "translate_taxonomy",
    "translate_workshop",
]


def load_demo(*, log: Callable[[str], None] = lambda _: None, content_dir: Path | None = None) -> DemoResult:
    """Create (or complete) the whole demo site from the content files."""
    started = time.perf_counter()
    content = load_content(content_dir)  # raises ContentError before anything is written
    result = DemoResult()
    admin = ensure_admin(result=result)
    english = Locale.objects.get(language_code="en")
    site_locales = enabled_locales(exclude=english)
    story_locales = locales_for(site_locales, content.story_languages)
    log(f"Locales: {len(site_locales) + 1} enabled, stories translated into {len(story_locales)}")

    taxonomy = load_taxonomy(locale=english, result=result, content=content)
    translate_taxonomy(taxonomy=taxonomy, locales=story_locales, user=admin, result=result, content=content)
    log(f"Taxonomy: {sum(len(v) for v in taxonomy.values())} English snippets")

    roots = ensure_site_pages(locale=english, result=result, content=content)
    translate_site_pages(roots=roots, locales=site_locales, user=admin, result=result, content=content)
    log(f"Site roots translated into {len(site_locales)} locales")

    stories = load_stories(
        index=roots["stories"], taxonomy=taxonomy, user=admin, result=result, content=content
    )
    for page in stories:
        translate_story(page=page, locales=story_locales, user=admin, result=result, content=content)
    log(f"Stories: {len(stories)} English, translated into up to {len(story_locales)} locales")

    every_locale = [english, *site_locales]
    for page in load_releases(user=admin, result=result, content=content):
        translate_release(page=page, locales=every_locale, user=admin, result=result, content=content)
    log(f"Releases: {len(content.releases)} imported from PIB's text, translated from it")

    workshops = load_workshops(
        index=roots["workshops"], taxonomy=taxonomy, stories=stories, result=result, content=content
    )
    for page in workshops:
        translate_workshop(page=page, locales=story_locales, user=admin, result=result, content=content)
    log(f"Workshops: {len(workshops)}")
    result.seconds = round(time.perf_counter() - started, 1)
    return result
