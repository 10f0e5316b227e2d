"""Background work of the stories app (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from .services.release_batches import run_batch


@task()
def import_release_batch(batch_id: int) -> dict[str, int]:
    """Import the files of an uploaded zip of releases as drafts."""
    return run_batch(batch_id)
