"""Ask the CDN to forget a page when it or one of its translations is
published, unpublished or released from embargo, after the transaction
commits. (This process and every other forget the page at once: pages are
cached under the content generation, which stories moves on every change;
see core.cache.)"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published, page_unpublished

from stories.signals import story_released

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
    transaction.on_commit(lambda: purge_frontend_cache(instance))


def register() -> None:
    page_published.connect(on_page_changed, dispatch_uid="publiccache_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="publiccache_unpublished")
    story_released.connect(on_page_changed, dispatch_uid="publiccache_released")
