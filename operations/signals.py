"""Receivers: the scheduler's minute tick runs the upkeep and, once a day, the planner
statistics (stories.signals.scheduler_tick)."""

from __future__ import annotations

import logging

from .services import statistics
from .services.recovery import upkeep

logger = logging.getLogger(__name__)


def run_upkeep(sender, **kwargs) -> None:
    result = upkeep()
    if result.requeued or result.failed or result.pruned:
        logger.info("task upkeep: %s", result)
    refreshed = statistics.refresh_if_due()
    if refreshed is not None:
        logger.info("planner statistics refreshed (%s) in %s s", refreshed.vendor, refreshed.seconds)
