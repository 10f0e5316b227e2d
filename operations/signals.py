"""Receivers: the scheduler's minute tick runs the upkeep (stories.signals.scheduler_tick)."""

from __future__ import annotations

import logging

from .services.recovery import upkeep

logger = logging.getLogger(__name__)


def run_upkeep(sender, **kwargs) -> None:
    result = upkeep()
    if result.requeued or result.failed or result.pruned:
        logger.info("task upkeep: %s", result)
