"""Publishing queues PDFs; unpublishing withdraws them."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from stories.models import SuccessStoryPage

from . import conf
from .models import StoryPdf

logger = logging.getLogger(__name__)


@receiver(page_published, sender=SuccessStoryPage)
def queue_pdfs_on_publish(sender, instance, revision, **kwargs):
    from .tasks import enqueue_story_pdfs

    if not conf.render_on_publish():
        return

    page_id, revision_id = instance.pk, revision.pk if revision else None
    transaction.on_commit(lambda: enqueue_story_pdfs(page_id=page_id, revision_id=revision_id))


@receiver(page_unpublished, sender=SuccessStoryPage)
def withdraw_pdfs_on_unpublish(sender, instance, **kwargs):
    from .services.generation import withdraw_story_pdfs

    try:
        withdraw_story_pdfs(page_id=instance.pk)
    except Exception:  # the download view refuses non-live pages anyway
        logger.exception("could not delete PDFs of unpublished page %s", instance.pk)


@receiver(post_delete, sender=StoryPdf)
def delete_pdf_file(sender, instance, **kwargs):
    if instance.file:
        instance.file.delete(save=False)
