"""Ask the CDN to forget what a change forgot here, after the commit.

A story's publish, unpublish or release: stories.invalidation computes the
pages that show it once; this process and every other forget them by tag
(core.cache), and `story_invalidated` hands their URLs to the CDN purge, so
both forget the same pages. Any other page's publish or unpublish moves the
content generation (everything here); the CDN is asked to drop that page,
its translations and its ancestors."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published, page_unpublished

from stories.models import SuccessStoryPage
from stories.signals import story_invalidated

logger = logging.getLogger(__name__)


def _purge(batch, *, what) -> None:
    try:
        batch.purge()
    except Exception:  # a CDN outage must not block publishing
        logger.exception("frontend cache purge failed for %s", what)


def purge_urls(urls, *, what="") -> None:
    if not settings.WAGTAILFRONTENDCACHE:
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    _purge(PurgeBatch(sorted(urls)), what=what)


def purge_frontend_cache(page) -> None:
    """Ask the CDN to drop the page, its translations and its ancestors
    (the index and home page list it)."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    for translation in page.get_translations(inclusive=True).live():
        batch.add_page(translation)
        for ancestor in translation.get_ancestors().filter(depth__gt=1).live():
            batch.add_page(ancestor)
    _purge(batch, what=f"page {page.pk}")


def on_page_changed(sender, instance, **kwargs):
    if isinstance(instance, SuccessStoryPage):
        return  # story_invalidated brings its URLs
    transaction.on_commit(lambda: purge_frontend_cache(instance))


def on_story_invalidated(sender, instance, affected, **kwargs):
    purge_urls(affected.urls, what=f"story {instance.pk}")


def register() -> None:
    page_published.connect(on_page_changed, dispatch_uid="publiccache_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="publiccache_unpublished")
    story_invalidated.connect(on_story_invalidated, dispatch_uid="publiccache_story_invalidated")
