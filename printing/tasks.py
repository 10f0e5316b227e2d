"""Background generation of story PDFs (django-tasks).

Publishing queues `render_story_pdfs` after the transaction commits; the
worker (`manage.py db_worker`) renders. A failed format is retried a bounded
number of times (PRINT_MAX_ATTEMPTS), later with a delay where the backend
can defer; nothing here ever raises into publishing.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.utils import timezone
from django_tasks import default_task_backend, task

from . import conf
from .models import StoryPdf
from .services.generation import generate_story_pdfs

logger = logging.getLogger(__name__)


@task()
def render_story_pdfs(page_id: int, revision_id: int | None = None) -> dict:
    rows = generate_story_pdfs(page_id=page_id, revision_id=revision_id)
    retry = [
        row.format
        for row in rows
        if row.status == StoryPdf.Status.FAILED and row.retryable and row.attempts < conf.max_attempts()
    ]
    if retry:
        enqueue_story_pdfs(page_id=page_id, revision_id=revision_id, delay=conf.retry_delay_seconds())
    return {row.format: row.status for row in rows} | {"retrying": retry}


def enqueue_story_pdfs(*, page_id: int, revision_id: int | None, delay: int = 0) -> None:
    """Queue generation; log, never raise (publishing must not fail because of print)."""
    try:
        runner = render_story_pdfs
        if delay and default_task_backend.supports_defer:
            runner = runner.using(run_after=timezone.now() + dt.timedelta(seconds=delay))
        runner.enqueue(page_id, revision_id)
    except Exception:
        logger.exception("could not queue PDFs of page %s revision %s", page_id, revision_id)
