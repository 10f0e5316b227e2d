"""Retry a FAILED task from the admin: enqueue it again through its own Task, drop the old row."""

from __future__ import annotations

import logging

from django.db import transaction
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


class NotRetryable(Exception):
    pass


def retry_task(*, result_id: str, user) -> str:
    """Enqueue the failed task `result_id` again with its arguments; returns the new result id.
    The old row goes in the same transaction, so the report lists the task once."""
    with transaction.atomic():
        result = DBTaskResult.objects.select_for_update().filter(pk=result_id).first()
        if result is None or result.status != TaskResultStatus.FAILED:
            raise NotRetryable(result_id)
        try:
            task = result.task
        except Exception as error:  # the task's code is gone or renamed (ImportError, SuspiciousOperation)
            raise NotRetryable(result_id) from error
        new = task.enqueue(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
        result.delete()
    logger.info("task %s (%s) retried by %s as %s", result_id, result.task_path, user, new.id)
    return new.id
