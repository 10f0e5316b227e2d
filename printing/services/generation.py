"""Generate and store a story's PDFs for one page revision."""

from __future__ import annotations

import logging
import time

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core.cache import ANY_CONTENT, invalidate
from stories.invalidation import story_tag
from stories.limits import check_story
from stories.models import SuccessStoryPage

from ..models import StoryPdf
from ..selectors import superseded_pdfs
from .fonts import MissingFontError
from .render import NewsboxVariant, RenderedPdf, RenderError, render_newsbox, render_release

logger = logging.getLogger(__name__)

ALL_FORMATS = tuple(StoryPdf.Format)
# Failures that another attempt cannot fix (ValidationError: a story over the
# input limits, saved before they existed; refused in milliseconds, not rendered
# for minutes).
PERMANENT_ERRORS = (MissingFontError, RenderError, ValidationError)


def render_format(*, story: SuccessStoryPage, pdf_format: str) -> RenderedPdf:
    check_story(story)
    if pdf_format == StoryPdf.Format.NEWSBOX_GREY:
        return render_newsbox(story=story, variant=NewsboxVariant.GREY)
    if pdf_format == StoryPdf.Format.NEWSBOX_CMYK:
        return render_newsbox(story=story, variant=NewsboxVariant.CMYK)
    if pdf_format == StoryPdf.Format.RELEASE:
        return render_release(story=story)
    raise ValueError(f"unknown PDF format {pdf_format!r}; choose from {', '.join(ALL_FORMATS)}")


def generate_story_pdfs(
    *, page_id: int, revision_id: int | None = None, formats=ALL_FORMATS, force: bool = False
) -> list[StoryPdf]:
    """Render and store the PDFs of a live story's live revision.

    A task queued for a revision that is no longer live does nothing (a newer
    publish queued its own). A failed format is recorded with its reason and
    does not stop the others. Returns the rows touched.
    """
    story = SuccessStoryPage.objects.select_related("locale").filter(pk=page_id).first()
    if story is None or not story.live or story.live_revision_id is None:
        logger.info("PDFs for page %s skipped: not live", page_id)
        return []
    if revision_id is not None and revision_id != story.live_revision_id:
        logger.info(
            "PDFs for page %s revision %s skipped: revision %s is live",
            page_id,
            revision_id,
            story.live_revision_id,
        )
        return []
    before = dict(
        StoryPdf.objects.filter(page_id=story.pk, revision_id=story.live_revision_id).values_list(
            "format", "status"
        )
    )
    rows = [_generate_one(story=story, pdf_format=pdf_format, force=force) for pdf_format in formats]
    if any(
        row.status == StoryPdf.Status.READY and (force or before.get(row.format) != row.status)
        for row in rows
    ):
        # Story pages list their PDFs and the partner API carries them (its
        # validators follow ANY_CONTENT): forget cached copies of this story.
        tags = [story_tag(story.translation_key), ANY_CONTENT]
        transaction.on_commit(lambda: invalidate(tags))
    if all(row.status == StoryPdf.Status.READY for row in rows):
        delete_pdfs(superseded_pdfs(page_id=story.pk, keep_revision_id=story.live_revision_id))
    return rows


def _generate_one(*, story: SuccessStoryPage, pdf_format: str, force: bool) -> StoryPdf:
    row, _ = StoryPdf.objects.get_or_create(
        page_id=story.pk,
        revision_id=story.live_revision_id,
        format=pdf_format,
        defaults={"locale": story.locale.language_code},
    )
    if row.status == StoryPdf.Status.READY and not force:
        return row
    row.attempts += 1
    started = time.perf_counter()
    try:
        rendered = render_format(story=story, pdf_format=pdf_format)
        _store(row, rendered, seconds=time.perf_counter() - started)
    except Exception as exc:  # noqa: BLE001 - recorded and reported, never raised into the worker
        return _record_failure(row, story, exc)
    if rendered.warnings:
        logger.warning(
            "PDF %s of page %s (%s) rendered with warnings: %s",
            pdf_format,
            story.pk,
            row.locale,
            "; ".join(rendered.warnings),
        )
    return row


def _store(row: StoryPdf, rendered: RenderedPdf, *, seconds: float) -> None:
    if row.file:
        row.file.delete(save=False)
    with transaction.atomic():
        row.file.save(f"{row.format}.pdf", ContentFile(rendered.content), save=False)
        row.size = len(rendered.content)
        row.status = StoryPdf.Status.READY
        row.error = ""
        row.retryable = True
        row.warnings = rendered.warnings
        row.render_seconds = round(seconds, 4)
        row.rendered_at = timezone.now()
        row.save()


def _record_failure(row: StoryPdf, story: SuccessStoryPage, exc: Exception) -> StoryPdf:
    detail = "; ".join(exc.messages) if isinstance(exc, ValidationError) else exc
    reason = f"{type(exc).__name__}: {detail}"
    logger.error(
        "PDF %s of page %s (%s) revision %s failed (attempt %s): %s",
        row.format,
        story.pk,
        row.locale,
        row.revision_id,
        row.attempts,
        reason,
        exc_info=not isinstance(exc, PERMANENT_ERRORS),
    )
    row.status = StoryPdf.Status.FAILED
    row.error = reason[:4000]
    row.retryable = not isinstance(exc, PERMANENT_ERRORS)
    row.save(update_fields=["status", "error", "attempts", "retryable"])
    return row


def delete_pdfs(rows) -> int:
    """Delete PDF rows and their files."""
    count = 0
    for row in list(rows):
        if row.file:
            row.file.delete(save=False)
        row.delete()
        count += 1
    return count


def withdraw_story_pdfs(*, page_id: int) -> int:
    """Unpublishing removes access: every stored PDF of the page goes."""
    return delete_pdfs(StoryPdf.objects.filter(page_id=page_id))
