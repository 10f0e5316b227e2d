"""Forget cached pages when anything a reader sees changes: a page or one
of its translations is published or unpublished, an embargo is lifted, a
taxonomy snippet is edited. Always after the transaction commits, so no
reader caches a state that was rolled back or not yet written; here, in
every process sharing the cache, and (when configured) in the CDN."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published, page_unpublished

from stories.signals import public_content_changed, story_released

from .services import invalidate_all_pages

logger = logging.getLogger(__name__)


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
    try:
        batch.purge()
    except Exception:  # a CDN outage must not block publishing
        logger.exception("frontend cache purge failed for page %s", page.pk)


def on_page_changed(sender, instance, **kwargs):
    def forget():
        invalidate_all_pages()
        purge_frontend_cache(instance)

    transaction.on_commit(forget)


def on_content_changed(sender, instance, **kwargs):
    # A snippet shows on many pages: start a new generation; the CDN copies
    # age out (s-maxage) rather than purging every page.
    transaction.on_commit(invalidate_all_pages)


def register() -> None:
    page_published.connect(on_page_changed, dispatch_uid="publiccache_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="publiccache_unpublished")
    story_released.connect(on_page_changed, dispatch_uid="publiccache_released")
    public_content_changed.connect(on_content_changed, dispatch_uid="publiccache_content_changed")
