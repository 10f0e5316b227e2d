"""gunicorn settings for the web process: `gunicorn -c deploy/gunicorn.conf.py`.

Environment: GUNICORN_BIND (default 127.0.0.1:8000, behind nginx),
WEB_CONCURRENCY (workers; default 2 x the cores this process may use, + 1),
GUNICORN_TIMEOUT (seconds a request may take; default 30).

Reload code without dropping requests: `kill -HUP <master>` (systemctl reload
odop-web). The master starts new workers with the new code, then stops the old
ones gracefully. That works because the app is not preloaded: the master never
imports Django, and each worker opens its own database connections.
"""

import os

wsgi_app = "cms.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # honours CPU pinning and cgroup cpusets
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * _cores() + 1)
worker_class = "sync"  # pages render in tens of ms; nginx buffers slow clients
preload_app = False

# A request that takes longer is a bug or an attack: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On reload or stop, workers finish the requests in hand for up to this long.
graceful_timeout = 30
keepalive = 5  # nginx keeps upstream connections open
# Replace each worker after this many requests (with jitter, not all at once),
# which bounds slow memory growth in image and PDF code.
max_requests = 2000
max_requests_jitter = 200
# Heartbeat files in memory, not on a disk that may stall (gunicorn's advice).
SHARED_MEMORY = "/dev/shm"  # noqa: S108 - per-worker heartbeat files, made by gunicorn
worker_tmp_dir = SHARED_MEMORY if os.path.isdir(SHARED_MEMORY) else None

# Trust X-Forwarded-Proto only from the local proxy (nginx).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# <worker pid> first: which worker answered (the production smoke test reads it).
access_log_format = '%(p)s %(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
