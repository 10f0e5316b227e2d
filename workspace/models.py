"""What a person was told: one row per recipient and event."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from languages import registry


class Notification(models.Model):
    """One event told to one person, in the admin (the dashboard panel) and by
    e-mail. `event` names what happened ("review:42"); with the recipient it is
    unique, so a retried task never tells anybody twice. The subject is built
    when shown or sent, in the reader's language."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for translation")
        OUTDATED = "outdated", _("Translation out of date")
        REVIEW_REQUESTED = "review_requested", _("Review requested")
        REVIEW_RETURNED = "review_returned", _("Returned from review")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    event = models.CharField(max_length=100)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.SET_NULL, null=True, related_name="+")
    title = models.CharField(max_length=255)
    language = models.CharField(max_length=16, blank=True)
    comment = models.TextField(blank=True)
    url = models.CharField(max_length=255)  # an admin path
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event"], name="workspace_one_notification_per_event"
            )
        ]
        indexes = [models.Index(fields=["recipient", "-created_at"], name="workspace_recent_notifications")]

    def __str__(self):
        return f"{self.event} → {self.recipient_id}"

    def language_name(self) -> str:
        try:
            return registry.get(self.language).native_name
        except KeyError:
            return self.language

    def subject(self) -> str:
        """In the active language."""
        return gettext("%(what)s: %(title)s (%(language)s)") % {
            "what": self.Kind(self.kind).label,
            "title": self.title,
            "language": self.language_name(),
        }
