"""/healthz with the operations checks: worker and queue problems are "degraded", still 200."""

import pytest

from operations.health import checks

from .helpers import backdate, heartbeat, queued
from .tasks import record

pytestmark = pytest.mark.django_db


def test_no_worker_is_degraded_not_unavailable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["database"] == body["cache"] == body["storage"] == "ok"
    assert body["worker"] == "no worker has ever sent a heartbeat"


def test_fresh_worker_and_short_queue_is_ok(client):
    heartbeat("alive", ago=1)
    queued(record, log="x")
    assert client.get("/healthz").json() == {
        "status": "ok", "database": "ok", "cache": "ok", "storage": "ok", "worker": "ok", "queue": "ok",
    }  # fmt: skip


def test_checks_name_a_stale_worker_and_an_old_queue():
    heartbeat("dead", ago=300)
    backdate(queued(record, log="x"), seconds=900)
    states = checks()
    assert states["worker"].startswith("no worker heartbeat for 30")
    assert states["queue"].startswith("oldest queued task waiting 90")
    assert states["database"] == "ok"
