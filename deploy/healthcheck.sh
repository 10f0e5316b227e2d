#!/bin/sh
# Exit 0 once GET /healthz on the local gunicorn answers 200; wait up to $1
# seconds (default 0: ask once). Used by odop-web.service after start and by
# odop-healthcheck.timer. Needs SITE_URL (for the Host header Django accepts)
# and GUNICORN_BIND, from /etc/odop/odop.env.
set -eu
wait_seconds="${1:-0}"
bind="${GUNICORN_BIND:-127.0.0.1:8000}"
host="${SITE_URL#*://}"
host="${host%%/*}"
case "$bind" in
  unix:*) target="--unix-socket ${bind#unix:} http://localhost/healthz" ;;
  *) target="http://${bind}/healthz" ;;
esac
deadline=$(( $(date +%s) + wait_seconds ))
while :; do
  # shellcheck disable=SC2086 # $target is two words for a unix socket
  if curl -fsS -o /dev/null --max-time 5 -H "Host: ${host}" $target; then
    exit 0
  fi
  [ "$(date +%s)" -ge "$deadline" ] && { echo "healthcheck: ${bind}/healthz is not answering 200" >&2; exit 1; }
  sleep 1
done
