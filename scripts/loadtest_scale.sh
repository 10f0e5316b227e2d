#!/usr/bin/env bash
# The production load test: PostgreSQL + Redis, gunicorn with 4 workers on
# production settings, wrk -c64 for 60 s on a Hindi story page and on the
# partner API's list of 50. Prints req/s, p50, p99 and errors; writes
# var/loadtest-scale/results.json.
# Usage: DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/12 scripts/loadtest_scale.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to an empty PostgreSQL database}"
: "${REDIS_URL:?set REDIS_URL to a Redis database this test may flush}"
DURATION="${1:-60}"
WORKERS="${LOADTEST_WORKERS:-4}"
CONNECTIONS="${LOADTEST_CONNECTIONS:-64}"
PY=.venv/bin/python
WORK="$PWD/var/loadtest-scale"
PORT="$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$WORK"

export DJANGO_SETTINGS_MODULE=cms.settings.production
export SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(48))')"
export SECURE_SSL_REDIRECT=0 ALLOWED_HOSTS="127.0.0.1,localhost" LOG_LEVEL=WARNING EMAIL_HOST=localhost
export SITE_URL="http://127.0.0.1:${PORT}" STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media" PRIVATE_ROOT="$WORK/private"
export TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend"
export SYNDICATION_RATE_LIMIT="100000000/minute"  # measure the API, not its limit

redis-cli -u "$REDIS_URL" flushdb >/dev/null
$PY manage.py migrate --noinput -v 0
$PY manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=var -v 0
$PY manage.py subset_fonts >/dev/null
$PY manage.py collectstatic --noinput -v 0
STORY="$($PY manage.py loadtest_content --language hi | tail -1)"
KEY="$($PY manage.py create_partner "Load test $$" --languages hi,en | tail -1)"

.venv/bin/gunicorn cms.wsgi:application --workers "$WORKERS" --bind "127.0.0.1:${PORT}" \
  --access-logfile /dev/null --error-logfile "$WORK/gunicorn.log" &
PID=$!
trap "kill $PID 2>/dev/null || true" EXIT
BASE="http://127.0.0.1:${PORT}"
for _ in $(seq 1 100); do curl -fsS -o /dev/null "$BASE$STORY" 2>/dev/null && break; sleep 0.2; done
API="$BASE/api/v1/stories/?lang=hi&limit=50"
curl -fsS -o /dev/null "$BASE$STORY"
curl -fsS -o /dev/null -H "Authorization: Bearer $KEY" "$API"
for _ in $(seq 1 40); do curl -fsS -o /dev/null "$BASE$STORY"; curl -fsS -o /dev/null -H "Authorization: Bearer $KEY" "$API"; done

wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE$STORY" | tee "$WORK/wrk-story.txt"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $KEY" "$API" | tee "$WORK/wrk-api.txt"

$PY - "$WORK" "$WORKERS" "$CONNECTIONS" "$DURATION" <<'PYEOF'
import json, sys
from pathlib import Path
sys.path.insert(0, "scripts")
from wrkparse import parse  # the one wrk parser (anchored percentiles)
work, workers, connections, duration = Path(sys.argv[1]), *map(int, sys.argv[2:])
results = {"workers": workers, "connections": connections, "seconds": duration}
for name in ("story", "api"):
    results[name] = parse((work / f"wrk-{name}.txt").read_text())
(work / "results.json").write_text(json.dumps(results, indent=2))
print(json.dumps(results, indent=2))
PYEOF
