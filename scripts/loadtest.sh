#!/usr/bin/env bash
# Load test of one story page: gunicorn (2 workers) + wrk for 20 s, with the
# anonymous page cache off and on. Prints req/s, p50 and p99 and writes
# var/loadtest/results.json. Usage: scripts/loadtest.sh [seconds] [language]
# Uses DATABASE_URL when set (PostgreSQL), else a fresh SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
LANGUAGE="${2:-hi}"
PY=.venv/bin/python
WORK="$PWD/var/loadtest"
PORT="${LOADTEST_PORT:-$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
mkdir -p "$WORK"

export DJANGO_SETTINGS_MODULE=cms.settings.production
export SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(48))')"
export SECURE_SSL_REDIRECT=0 ALLOWED_HOSTS="127.0.0.1,localhost" LOG_LEVEL=WARNING
export SITE_URL="http://127.0.0.1:${PORT}"
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
export DATABASE_URL="${DATABASE_URL:-sqlite:///$WORK/db.sqlite3}"
case "$DATABASE_URL" in sqlite*) rm -f "$WORK"/db.sqlite3*;; esac
export TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend"

$PY manage.py migrate --noinput -v 0
$PY manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=var -v 0
$PY manage.py subset_fonts >/dev/null
$PY manage.py collectstatic --noinput -v 0
STORY="$($PY manage.py loadtest_content --language "$LANGUAGE" | tail -1)"
URL="http://127.0.0.1:${PORT}${STORY}"
echo "Story: $URL"

run_mode() {
  local mode="$1" seconds="$2"
  PUBLIC_PAGE_CACHE_SECONDS="$seconds" .venv/bin/gunicorn cms.wsgi:application \
    --workers 2 --bind "127.0.0.1:${PORT}" --access-logfile /dev/null --error-logfile "$WORK/gunicorn-$mode.log" &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 50); do curl -fsS -o /dev/null "$URL" 2>/dev/null && break; sleep 0.2; done
  curl -fsS -o "$WORK/story.html" -D "$WORK/headers-$mode.txt" "$URL"
  for _ in $(seq 1 20); do curl -fsS -o /dev/null "$URL"; done  # warm both workers
  # Throughput under a spike (16 connections), then latency with one
  # connection per worker (no queueing behind other requests).
  wrk -t2 -c16 -d"${DURATION}s" --latency "$URL" | tee "$WORK/wrk-$mode.txt"
  wrk -t2 -c2 -d"${DURATION}s" --latency "$URL" | tee "$WORK/wrk-$mode-c2.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

export PUBLIC_DATA_CACHE_SECONDS="${PUBLIC_DATA_CACHE_SECONDS:-300}"
run_mode uncached 0
run_mode cached 300

$PY - "$WORK" <<'PYEOF'
import json, os, sys
from pathlib import Path
sys.path.insert(0, "scripts")
from wrkparse import parse  # the one wrk parser (anchored percentiles)
work = Path(sys.argv[1])

results = {}
for mode in ("uncached", "cached", "uncached-c2", "cached-c2"):
    results[mode] = parse((work / f"wrk-{mode}.txt").read_text())
results["speedup"] = round(results["cached"]["requests_per_second"] / results["uncached"]["requests_per_second"], 1)
results["data_cache_seconds"] = int(os.environ.get("PUBLIC_DATA_CACHE_SECONDS", "300"))
results["story_html_bytes"] = (work / "story.html").stat().st_size
(work / f"results-datacache{results['data_cache_seconds']}.json").write_text(json.dumps(results, indent=2))
print(json.dumps(results, indent=2))
PYEOF
