"""The app's settings (defaults and comments: cms/settings/base.py)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings


def time_limit_for(task_path: str) -> int:
    """Seconds the task at `task_path` may run before it is stopped."""
    return settings.OPERATIONS_TASK_TIME_LIMITS.get(task_path, settings.OPERATIONS_TASK_TIME_LIMIT)


def shutdown_grace() -> float:
    return settings.OPERATIONS_SHUTDOWN_GRACE_SECONDS


def heartbeat_interval() -> float:
    return settings.OPERATIONS_HEARTBEAT_SECONDS


def heartbeat_stale() -> dt.timedelta:
    return dt.timedelta(seconds=settings.OPERATIONS_HEARTBEAT_STALE_SECONDS)


def max_attempts() -> int:
    return settings.OPERATIONS_TASK_MAX_ATTEMPTS


def queue_age_warning() -> dt.timedelta:
    return dt.timedelta(seconds=settings.OPERATIONS_QUEUE_AGE_WARNING_SECONDS)


def result_retention() -> dt.timedelta:
    return dt.timedelta(days=settings.OPERATIONS_TASK_RESULT_RETENTION_DAYS)
