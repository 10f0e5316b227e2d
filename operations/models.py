"""One heartbeat row per running worker process (operations' db_worker)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    # django-tasks-db's own worker id (--worker-id; systemd passes "<host>-<n>").
    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"))
    last_seen = models.DateTimeField(_("last seen"), db_index=True)
    # The DBTaskResult in hand (its UUID), not a foreign key: pruning must not touch this row.
    current_task_id = models.UUIDField(_("current task"), null=True, blank=True)
    current_task_started_at = models.DateTimeField(_("current task started at"), null=True, blank=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")
        default_permissions = ()
        permissions = [
            ("view_task_report", _("Can see failed and stuck background tasks")),
            ("retry_task", _("Can retry a failed background task")),
        ]

    def __str__(self):
        return f"{self.worker_id} ({self.host}, pid {self.pid})"
