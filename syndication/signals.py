"""Keep versions and tombstones in step with Wagtail's publishing."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from stories.models import SuccessStoryPage

from . import services


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
