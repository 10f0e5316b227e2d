"""One model of a story's life, which every other app follows.

    draft -> in review -> scheduled | embargoed -> live -> corrected -> withdrawn

What each state shows is in the README ("Publication lifecycle"). Features
never compute a state themselves: they ask `story_state()` or connect to the
signals in `stories.signals` and Wagtail's page_published/page_unpublished.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StoryState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    EMBARGOED = "embargoed", _("Embargoed")
    LIVE = "live", _("Live")
    CORRECTED = "corrected", _("Live, corrected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


PUBLIC_STATES = frozenset({StoryState.LIVE, StoryState.CORRECTED})


def story_state(page, *, now: dt.datetime | None = None) -> StoryState:
    """Where `page` stands now. At most two queries (scheduled revision,
    workflow state) and none for a live page."""
    now = now or timezone.now()
    if page.live:
        embargo_until = getattr(page, "embargo_until", None)  # pages other than stories have none
        if embargo_until and embargo_until > now:
            return StoryState.EMBARGOED
        first, last = page.first_published_at, page.last_published_at
        if first and last and last > first:
            return StoryState.CORRECTED
        return StoryState.LIVE
    if page.scheduled_revision is not None:
        return StoryState.SCHEDULED
    if page.workflow_in_progress:
        return StoryState.IN_REVIEW
    if page.first_published_at:
        return StoryState.WITHDRAWN
    return StoryState.DRAFT


def readers_may_see(page, *, now: dt.datetime | None = None) -> bool:
    """Live and not embargoed (any page type): what a reader-facing counter or
    link may acknowledge. View restrictions are the caller's query's job."""
    return story_state(page, now=now) in PUBLIC_STATES


def is_withdrawn(page) -> bool:
    """Published once, not live now: readers get 410 Gone."""
    return not page.live and page.first_published_at is not None
