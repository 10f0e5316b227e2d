"""The story lifecycle's signals, and the bookkeeping behind them.

Wagtail's ``page_published`` / ``page_unpublished`` mark a new revision going
live and a withdrawal. Two moments have no Wagtail signal, so stories sends
its own, after the transaction commits:

- ``story_released(sender=SuccessStoryPage, instance=page)``: an embargoed
  story became public because its time passed (``publish_scheduled``).
- ``public_content_changed(sender=<model>, instance=obj)``: something every
  public page may show changed without a page publish (a taxonomy snippet:
  state, district, sector, product, ministry, office).
- ``scheduler_tick(sender=None)``: sent by ``run_scheduler`` after each
  ``publish_scheduled`` run (every minute), for other periodic upkeep
  (operations recovers stuck tasks there). Receivers must not raise.

Every one of these, and every page publish or unpublish, starts a new
content generation (core.cache) after commit, which every public cache keys
on. Feature apps connect to them in their AppConfig.ready() for the rest:
the CDN purges, the API records versions and tombstones.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from core.cache import bump_generation

story_released = Signal()
public_content_changed = Signal()
scheduler_tick = Signal()


def remember_embargo(sender, instance, **kwargs) -> None:
    """On publish: hold a pending release while the embargo is in the future."""
    from .models import PendingRelease

    if instance.embargo_until and instance.embargo_until > timezone.now():
        PendingRelease.objects.update_or_create(
            page_id=instance.pk, defaults={"embargo_until": instance.embargo_until}
        )
    else:
        PendingRelease.objects.filter(page_id=instance.pk).delete()


def forget_embargo(sender, instance, **kwargs) -> None:
    from .models import PendingRelease

    PendingRelease.objects.filter(page_id=instance.pk).delete()


def send_after_commit(signal: Signal, *, sender, instance) -> None:
    transaction.on_commit(lambda: signal.send(sender=sender, instance=instance))


def taxonomy_changed(sender, instance, **kwargs) -> None:
    send_after_commit(public_content_changed, sender=sender, instance=instance)


def new_content_generation(sender, **kwargs) -> None:
    """Whatever a reader or partner sees changed: every cache keyed on the
    content generation (pages, page data, API validators) starts afresh,
    once the change is committed."""
    transaction.on_commit(bump_generation)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished

    from taxonomy.models import District, IssuingOffice, Ministry, Product, Sector, State

    from .models import SuccessStoryPage

    page_published.connect(remember_embargo, sender=SuccessStoryPage, dispatch_uid="stories_remember_embargo")
    page_published.connect(new_content_generation, dispatch_uid="stories_generation_published")
    page_unpublished.connect(new_content_generation, dispatch_uid="stories_generation_unpublished")
    story_released.connect(new_content_generation, dispatch_uid="stories_generation_released")
    public_content_changed.connect(new_content_generation, dispatch_uid="stories_generation_content")
    page_unpublished.connect(forget_embargo, sender=SuccessStoryPage, dispatch_uid="stories_forget_embargo")
    for model in (State, District, Sector, Product, Ministry, IssuingOffice):
        post_save.connect(
            taxonomy_changed, sender=model, dispatch_uid=f"stories_taxonomy_saved_{model.__name__}"
        )
        post_delete.connect(
            taxonomy_changed, sender=model, dispatch_uid=f"stories_taxonomy_deleted_{model.__name__}"
        )
