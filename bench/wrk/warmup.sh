#!/usr/bin/env bash
# From the moment the system is up: wrk on the facade's POST /messages, round after round, each followed by a short
# run on its liveness probe, and a table of both rates and the ratio. Run it right after ./hazelog up returns, on a
# system that may take what it stores (it writes about ROUNDS x SECONDS x 2,000 messages), or give it a URL whose
# DELETE empties the store after every round (WARMUP_EMPTY_URL; the floor's members have one).
#   bench/wrk/warmup.sh [ROUNDS] [SECONDS]     (default 10 rounds of 30 s: about 6 minutes)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rounds=${1:-10}
seconds=${2:-30}
facade=${HAZELOG_FACADE_URL:-http://127.0.0.1:${HAZELOG_FACADE_PORT:-5001}}
command -v wrk >/dev/null || { echo "warmup.sh needs wrk (apt-get install wrk)" >&2; exit 1; }

rate() { awk '/^Requests\/sec/ { printf "%d", $2 }'; }
p99() { awk '/^p99/ { print $2 }'; }
errors() { awk '/^errors/ { print $2 }'; }

start=$SECONDS
printf '| round | started after | POST /messages req/s | p99 ms | errors | liveness req/s | POST / liveness |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|\n'
for round in $(seq "$rounds"); do
  at=$((SECONDS - start))
  post=$(wrk -t2 -c32 -d"${seconds}s" --latency -s "$here/post-message.lua" "$facade")
  [[ -z ${WARMUP_EMPTY_URL:-} ]] || curl -sf -X DELETE "$WARMUP_EMPTY_URL"
  live=$(wrk -t2 -c32 -d5s "$facade/actuator/health/liveness")
  printf '| %d | %d s | %s | %s | %s | %s | %d %% |\n' "$round" "$at" "$(rate <<<"$post")" "$(p99 <<<"$post")" \
    "$(errors <<<"$post")" \
    "$(rate <<<"$live")" $((100 * $(rate <<<"$post") / $(rate <<<"$live")))
  first=${first:-$(rate <<<"$post")}
  last=$(rate <<<"$post")
done
printf "\nThe first %d s ran at %d %% of the last round's rate (the target: 80 %% of the rate after 5 minutes).\n" \
  "$seconds" $((100 * first / last))
