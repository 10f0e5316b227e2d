"""Keep versions and tombstones in step with Wagtail's publishing."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from core.cache import bump_generation
from stories.models import SuccessStoryPage

from . import services
from .models import Partner


@receiver(page_published, sender=SuccessStoryPage)
def _story_published(sender, instance, **kwargs):
    services.record_publish(page=instance)


@receiver(page_unpublished, sender=SuccessStoryPage)
def _story_unpublished(sender, instance, **kwargs):
    services.record_cancel(page=instance)


@receiver(pre_delete, sender=SuccessStoryPage)
def _story_deleted(sender, instance, **kwargs):
    if instance.live:
        services.record_cancel(page=instance)


@receiver(post_save, sender=Partner)
@receiver(m2m_changed, sender=Partner.states.through)
def _grant_changed(sender, **kwargs):
    # Remembered 304s were computed under the old grant.
    transaction.on_commit(bump_generation)
