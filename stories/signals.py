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

In the transaction, a story's publish, unpublish, release, move or deletion
recounts the listings' counts (stories.services.story_counts; so do view
restrictions, moves above the stories and taxonomy deletions). After commit,
a story's publish, unpublish or release forgets what shows it
(stories.invalidation: its pages, listings, landing and home pages) and then
sends ``story_invalidated(sender=SuccessStoryPage, instance=page,
affected=Affected)`` with the URLs of those pages (publiccache purges the CDN
with them). Any other page's publish or unpublish, and
``public_content_changed``, start a new content generation (core.cache): every
cache entry is forgotten. Feature apps connect to these in their
AppConfig.ready() for the rest: the CDN purges, the API records versions and
tombstones.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from core.cache import bump_generation

story_released = Signal()
story_invalidated = Signal()
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
    """Whatever a reader or partner sees changed: every cache entry (pages,
    page data, API validators) starts afresh, once the change is committed."""
    transaction.on_commit(bump_generation)


def forget_story(sender, instance, *, withdrawn: bool = False) -> None:
    """After commit: move the tags of what shows the story, then tell the
    CDN purge which URLs those are."""
    from .invalidation import invalidate_story

    previous = _previous_taxonomy.pop(instance.pk, None)

    def forget():
        if previous is not None:
            instance._previous_taxonomy = previous
        affected = invalidate_story(instance, withdrawn=withdrawn)
        story_invalidated.send(sender=type(instance), instance=instance, affected=affected)

    transaction.on_commit(forget)


def page_published_changed(sender, instance, **kwargs) -> None:
    from .models import SuccessStoryPage
    from .services.story_counts import recount_story

    if isinstance(instance, SuccessStoryPage):
        # Before forget_story takes the previous taxonomy: the rows it left.
        recount_story(instance, previous=_previous_taxonomy.get(instance.pk))
        forget_story(sender, instance)
    else:
        new_content_generation(sender)


def page_unpublished_changed(sender, instance, **kwargs) -> None:
    from .models import SuccessStoryPage
    from .services.story_counts import recount_story

    if isinstance(instance, SuccessStoryPage):
        recount_story(instance)
        forget_story(sender, instance, withdrawn=True)
    else:
        new_content_generation(sender)


# --- Story counts: what moves them besides a publish ------------------------


def story_moved_recount(sender, instance, parent_page_before, parent_page_after, **kwargs) -> None:
    """A story moved to another index leaves the old one's counts; a page
    moved above stories may move them in or out of a private section."""
    from .models import StoryIndexPage, SuccessStoryPage
    from .services import story_counts

    if issubclass(sender, SuccessStoryPage):
        story_counts.recount_story(instance, index_ids=[parent_page_before.pk, parent_page_after.pk])
    elif StoryIndexPage.objects.filter(path__startswith=instance.path).exists():
        story_counts.rebuild_story_counts(index_ids=story_counts.indexes_around(instance.path))


def story_deleting(sender, instance, **kwargs) -> None:
    """Before a live story's rows go: the facets its counts are under."""
    if instance.live:
        from .services.story_counts import story_facets

        instance._counted_facets = story_facets(instance.pk)


def story_deleted_recount(sender, instance, **kwargs) -> None:
    facets = getattr(instance, "_counted_facets", None)
    if facets is not None:
        from .services.story_counts import recount_story

        recount_story(instance, facets=facets)


def restriction_changed_recount(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    from .services import story_counts

    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path is not None:
        story_counts.rebuild_story_counts(index_ids=story_counts.indexes_around(path))


def district_saving(sender, instance, **kwargs) -> None:
    if instance.pk is not None:
        instance._state_before = (
            type(instance).objects.filter(pk=instance.pk).values_list("state_id", flat=True).first()
        )


def district_saved_recount(sender, instance, created=False, **kwargs) -> None:
    """A district moved to another state moves its stories between states."""
    if not created and getattr(instance, "_state_before", instance.state_id) != instance.state_id:
        from .services.story_counts import rebuild_story_counts

        rebuild_story_counts()


def taxonomy_deleted_recount(sender, instance, **kwargs) -> None:
    """A deleted snippet or tag takes its links (and facet) with it."""
    from .services.story_counts import rebuild_story_counts

    rebuild_story_counts()


def story_released_changed(sender, instance, **kwargs) -> None:
    # Sent after commit already (send_after_commit): on_commit runs at once.
    forget_story(sender, instance)


# The taxonomy a live story had before a save, by page id, until its
# publish signal reads it: a story moved out of a district leaves that
# district's landing page too.
_previous_taxonomy: dict[int, dict] = {}


def remember_previous_taxonomy(sender, instance, update_fields=None, **kwargs) -> None:
    if instance.pk is None or update_fields is not None or not instance.live or not instance.live_revision_id:
        return
    from .models import StoryTag, SuccessStoryPage

    row = SuccessStoryPage.objects.filter(pk=instance.pk).values("sector_id", "live_revision_id").first()
    if row is None or row["live_revision_id"] == instance.live_revision_id:
        return  # not a publish (Wagtail sets the new live revision just before this save)
    if len(_previous_taxonomy) > 1000:  # saves never followed by a publish
        _previous_taxonomy.clear()
    _previous_taxonomy[instance.pk] = {
        "sector": row["sector_id"],
        "districts": list(
            SuccessStoryPage.districts.through.objects.filter(successstorypage_id=instance.pk).values_list(
                "district_id", flat=True
            )
        ),
        "products": list(
            SuccessStoryPage.products.through.objects.filter(successstorypage_id=instance.pk).values_list(
                "product_id", flat=True
            )
        ),
        "tags": list(
            StoryTag.objects.filter(content_object_id=instance.pk).values_list("tag__slug", flat=True)
        ),
    }


def connect() -> None:
    from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from taxonomy.models import District, IssuingOffice, Ministry, Product, Sector, State

    from .models import StoryTag, SuccessStoryPage

    page_published.connect(remember_embargo, sender=SuccessStoryPage, dispatch_uid="stories_remember_embargo")
    page_published.connect(page_published_changed, dispatch_uid="stories_generation_published")
    page_unpublished.connect(page_unpublished_changed, dispatch_uid="stories_generation_unpublished")
    story_released.connect(story_released_changed, dispatch_uid="stories_generation_released")
    pre_save.connect(
        remember_previous_taxonomy, sender=SuccessStoryPage, dispatch_uid="stories_previous_taxonomy"
    )
    public_content_changed.connect(new_content_generation, dispatch_uid="stories_generation_content")
    page_unpublished.connect(forget_embargo, sender=SuccessStoryPage, dispatch_uid="stories_forget_embargo")
    post_page_move.connect(story_moved_recount, dispatch_uid="stories_counts_moved")
    pre_delete.connect(story_deleting, sender=SuccessStoryPage, dispatch_uid="stories_counts_deleting")
    post_delete.connect(story_deleted_recount, sender=SuccessStoryPage, dispatch_uid="stories_counts_deleted")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(
            restriction_changed_recount,
            sender=PageViewRestriction,
            dispatch_uid=f"stories_counts_restriction_{name}",
        )
    pre_save.connect(district_saving, sender=District, dispatch_uid="stories_counts_district_saving")
    post_save.connect(district_saved_recount, sender=District, dispatch_uid="stories_counts_district_saved")
    for model in (State, District, Sector, Product, StoryTag.tag_model()):
        post_delete.connect(
            taxonomy_deleted_recount, sender=model, dispatch_uid=f"stories_counts_deleted_{model.__name__}"
        )
    for model in (State, District, Sector, Product, Ministry, IssuingOffice):
        post_save.connect(
            taxonomy_changed, sender=model, dispatch_uid=f"stories_taxonomy_saved_{model.__name__}"
        )
        post_delete.connect(
            taxonomy_changed, sender=model, dispatch_uid=f"stories_taxonomy_deleted_{model.__name__}"
        )
