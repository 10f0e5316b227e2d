"""Lifting embargoes whose time has passed (run by ``publish_scheduled``)."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone

from ..models import PendingRelease, SuccessStoryPage
from ..signals import send_after_commit, story_released
from .story_counts import recount_story

logger = logging.getLogger(__name__)


def lift_due_embargoes(*, now: dt.datetime | None = None) -> list[SuccessStoryPage]:
    """Release every published story whose embargo ended by `now`.

    Each release is claimed by deleting its row, so two schedulers running at
    the same minute release a story once; `story_released` goes out after
    the claim commits. Returns the released stories."""
    now = now or timezone.now()
    released = []
    due = PendingRelease.objects.filter(embargo_until__lte=now).values_list("pk", "page_id")
    for pending_id, page_id in list(due):
        with transaction.atomic():
            claimed, _ = PendingRelease.objects.filter(pk=pending_id, embargo_until__lte=now).delete()
            if not claimed:
                continue  # another scheduler took it, or the story was republished with a new time
            story = SuccessStoryPage.objects.filter(pk=page_id, live=True).first()
            if story is None:
                continue  # unpublished meanwhile: nothing to release
            if story.is_embargoed(now):  # the embargo moved later: wait for the new time
                PendingRelease.objects.create(page_id=page_id, embargo_until=story.embargo_until)
                continue
            recount_story(story)  # it counts from now, with the release
            send_after_commit(story_released, sender=SuccessStoryPage, instance=story)
            released.append(story)
        logger.info("embargo lifted: page %s (%s)", story.pk, story.title)
    return released
