#!/usr/bin/env bash
# Side-by-side throughput: this project against Wagtail's bakerydemo, page for
# page (story vs blog post, story index vs blog index, home vs home), in
# alternating rounds so both meet the same machine load. Measures only: it
# starts, installs and fetches nothing; both sites must already be served
# (e.g. gunicorn with 2 sync workers each; see README, Performance).
#
# Usage: scripts/loadtest_compare.sh OURS_STORY OURS_INDEX OURS_HOME BAKERY_POST BAKERY_INDEX BAKERY_HOME
#   OURS_* are full URLs of this project with its page cache off. Set
#   LOADTEST_CACHED_BASE=http://127.0.0.1:PORT to a second server of this
#   project with the page cache on: the same paths are measured there too.
#   LOADTEST_ROUNDS (5), LOADTEST_SECONDS (15), LOADTEST_CONNECTIONS (8), LOADTEST_THREADS (2).
# Prints a Markdown table (median req/s, p50/p99, ratios ours/bakerydemo with
# min-max over rounds) and writes var/loadtest-compare/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$#" -eq 6 ] || { sed -n '8,14p' "$0" >&2; exit 2; }
ROUNDS="${LOADTEST_ROUNDS:-5}" SECONDS_PER_RUN="${LOADTEST_SECONDS:-15}"
CONNECTIONS="${LOADTEST_CONNECTIONS:-8}" THREADS="${LOADTEST_THREADS:-2}"
CACHED_BASE="${LOADTEST_CACHED_BASE:-}"
PY=.venv/bin/python
WORK="$PWD/var/loadtest-compare"
rm -rf "$WORK" && mkdir -p "$WORK"
PAGES=(story index home)
OURS=("$1" "$2" "$3")
BAKERY=("$4" "$5" "$6")

cached_url() { # the same path on the page-cached server
  local path; path="/${1#*://*/}"
  echo "${CACHED_BASE%/}${path}"
}

for url in "${OURS[@]}" "${BAKERY[@]}" ${CACHED_BASE:+$(for u in "${OURS[@]}"; do cached_url "$u"; done)}; do
  curl -fsS -o /dev/null "$url" || { echo "not answering 200: $url" >&2; exit 1; }
  for _ in $(seq 1 10); do curl -fsS -o /dev/null "$url"; done  # warm the workers
done

measure() { # page side round url
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$4" > "$WORK/$1-$2-r$3.txt"
  echo "round $3 $1 $2: $(grep Requests/sec "$WORK/$1-$2-r$3.txt")"
}

for round in $(seq 1 "$ROUNDS"); do
  for i in "${!PAGES[@]}"; do
    page="${PAGES[$i]}"
    # Alternate who goes first, so neither side always follows the other.
    if (( round % 2 )); then
      measure "$page" ours_uncached "$round" "${OURS[$i]}"
      measure "$page" bakery "$round" "${BAKERY[$i]}"
    else
      measure "$page" bakery "$round" "${BAKERY[$i]}"
      measure "$page" ours_uncached "$round" "${OURS[$i]}"
    fi
    [ -n "$CACHED_BASE" ] && measure "$page" ours_cached "$round" "$(cached_url "${OURS[$i]}")"
  done
done

$PY scripts/wrkparse.py "$WORK" "$(IFS=,; echo "${PAGES[*]}")"
