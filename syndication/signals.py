"""Keep versions, tombstones and feed positions in step with Wagtail's publishing."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.cache import bump_generation
from stories.models import SuccessStoryPage

from . import services
from .models import Partner


@receiver(page_published, sender=SuccessStoryPage)
def _story_published(sender, instance, **kwargs):
    services.record_publish(page=instance)
    services.refresh_feed_positions(page_ids=[instance.pk])


@receiver(page_unpublished, sender=SuccessStoryPage)
def _story_unpublished(sender, instance, **kwargs):
    services.record_cancel(page=instance)
    services.refresh_feed_positions(page_ids=[instance.pk])


@receiver(pre_delete, sender=SuccessStoryPage)
def _story_deleted(sender, instance, **kwargs):
    # The feed position goes with the page (on_delete=CASCADE).
    if instance.live:
        services.record_cancel(page=instance)


# Feed positions follow every write of a story's row that may move them, not
# only Wagtail's publish: scheduled publishing, wagtail-localize's saves of
# live translations, imports, corrections and direct saves all come through
# here; a story saved as a plain Page too.
@receiver(post_save, sender=SuccessStoryPage)
@receiver(post_save, sender=Page)
def _story_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and not services.FEED_FIELDS.intersection(update_fields)):
        return
    if sender is Page and not issubclass(instance.specific_class or Page, SuccessStoryPage):
        return
    services.refresh_feed_positions(page_ids=[instance.pk])


@receiver(post_page_move, sender=SuccessStoryPage)
def _story_moved(sender, instance, **kwargs):
    services.refresh_feed_positions(page_ids=[instance.pk])


@receiver(post_save, sender=Partner)
@receiver(m2m_changed, sender=Partner.states.through)
def _grant_changed(sender, **kwargs):
    # Remembered 304s were computed under the old grant.
    transaction.on_commit(bump_generation)
