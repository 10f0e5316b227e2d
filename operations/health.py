"""`checks()`: the state of what background work depends on, for /healthz and people.

The database and the cache are core.health's (they decide 200 or 503); storage,
worker and queue are registered into /healthz by apps.py as non-critical: a
problem there shows as "degraded" in the body, never as a 503.
"""

from __future__ import annotations

import uuid

from django.core.files.base import ContentFile
from django.utils import timezone

from core.health import cache_state, database_state
from core.storage import private_storage

from . import conf
from .selectors import queue_state


def storage_state() -> str:
    """Write, read back and delete a small file in the private storage (PDFs, scans)."""
    storage = private_storage()
    name = storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with storage.open(name) as handle:
            if handle.read() != b"ok":
                return "error: private storage did not keep a file"
    finally:
        storage.delete(name)
    return "ok"


def worker_state() -> str:
    state = queue_state()
    if state.fresh_workers:
        return "ok"
    if state.last_seen is None:
        return "no worker has ever sent a heartbeat"
    return f"no worker heartbeat for {(timezone.now() - state.last_seen).total_seconds():.0f} s"


def queue_age_state() -> str:
    waited = queue_state().waiting_for(timezone.now())
    if waited <= conf.queue_age_warning():
        return "ok"
    return f"oldest queued task waiting {waited.total_seconds():.0f} s"


NON_CRITICAL = {"storage": storage_state, "worker": worker_state, "queue": queue_age_state}


def checks() -> dict[str, str]:
    """Every check by name: "ok", or what is wrong."""
    states = {"database": database_state(), "cache": cache_state()}
    for name, check in NON_CRITICAL.items():
        try:
            states[name] = check()
        except Exception as error:
            states[name] = f"error: {type(error).__name__}"
    return states
