from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingRelease(models.Model):
    """A published story whose embargo has not been lifted yet.

    Written when a story is published with `embargo_until` in the future and
    removed when `publish_scheduled` lifts the embargo (sending
    `stories.signals.story_released`), when the story is unpublished, or when
    it is published again without an embargo. Deleting the row is the claim:
    two schedulers running at once release a story once."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("story")
    )
    embargo_until = models.DateTimeField(_("embargoed until"), db_index=True)

    class Meta:
        verbose_name = _("pending release")
        verbose_name_plural = _("pending releases")

    def __str__(self):
        return f"page {self.page_id} at {self.embargo_until:%Y-%m-%d %H:%M}"
