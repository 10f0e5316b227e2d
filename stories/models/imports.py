from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReleaseImportBatch(models.Model):
    """A zip of PIB releases uploaded in the admin, imported by one background
    task (`stories.tasks.import_release_batch`) as drafts in one locale."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        DONE = "done", _("Done")

    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    archive_name = models.CharField(_("archive"), max_length=255)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("release import")
        verbose_name_plural = _("release imports")

    def __str__(self):
        return f"{self.archive_name} ({self.created_at:%Y-%m-%d %H:%M})"


class ReleaseImportFile(models.Model):
    """One file of a batch: its text as uploaded, and what importing it did."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        CREATED = "created", _("Draft created")
        UPDATED = "updated", _("Draft revision saved")
        FAILED = "failed", _("Refused")

    batch = models.ForeignKey(ReleaseImportBatch, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(_("file"), max_length=255)
    text = models.TextField(blank=True)  # "" once imported; the release lives on in the page
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(_("message"), blank=True)  # the error, or the warnings, one a line
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["batch", "name", "pk"]
        verbose_name = _("imported release file")

    def __str__(self):
        return self.name
