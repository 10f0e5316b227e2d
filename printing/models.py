"""Stored PDFs of stories, one row per page revision and format."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage


def pdf_upload_path(instance: StoryPdf, filename: str) -> str:
    # Keyed by revision: a new revision never overwrites the file a reader is downloading.
    # The name is guessable, and that is harmless: the private storage has no public URL.
    return f"printing/pdfs/{instance.page_id}/{instance.revision_id}/{instance.format}.pdf"


class StoryPdf(models.Model):
    class Format(models.TextChoices):
        NEWSBOX_GREY = "newsbox_grey", _("News box, greyscale (PDF/X-1a)")
        NEWSBOX_CMYK = "newsbox_cmyk", _("News box, CMYK (PDF/X-1a)")
        RELEASE = "release", _("A4 print release (PDF/A-2b)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    # The id, not a foreign key: a purged revision must not delete the row mid-download.
    revision_id = models.PositiveBigIntegerField(_("revision"))
    locale = models.CharField(_("language"), max_length=16)
    format = models.CharField(_("format"), max_length=16, choices=Format.choices)
    # Private: a PDF exists while its story is embargoed; only printing.views.story_pdf hands it out.
    file = models.FileField(
        _("file"), upload_to=pdf_upload_path, storage=private_storage, max_length=255, blank=True
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(_("error"), blank=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    retryable = models.BooleanField(_("worth retrying"), default=True)
    render_seconds = models.FloatField(_("render time in seconds"), null=True, blank=True)
    rendered_at = models.DateTimeField(_("rendered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("story PDF")
        verbose_name_plural = _("story PDFs")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "revision_id", "format"], name="unique_pdf_per_revision_format"
            ),
        ]
        indexes = [models.Index(fields=["page", "format", "status"], name="printing_pdf_lookup")]

    def __str__(self):
        return f"{self.get_format_display()} of page {self.page_id} revision {self.revision_id}"
