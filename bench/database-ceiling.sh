#!/usr/bin/env bash
# The most the durable F json can reach against the memory-only one on this machine: the logging services restarted
# with their members' memory only, warmed for WARM seconds with wrk's F json, then ROUNDS rounds of two 30 s phases of
# it, alternately alone and beside the database doing the durable writes' own work (pgbench storing, in ./hazelog's
# PostgreSQL, messages of wrk's size six to a statement, as the logging services' batches do, the search index's
# pending rows merged every 3 s) at 80 % of the rate the phase alone reached. Nothing else of the durable mode runs:
# when F beside the database stays under the rows the database stores, the durable F cannot reach 80 % of the
# memory-only one here. Rates swing with the shared machine; the CPU a write costs the services (the database's
# included, bench/cpu-per-service.sh over 24 s of each phase) swings less: the cores being full, alone / beside is
# what share of the memory-only rate is left once the database does its work. With --without-search the search index
# is dropped for the run and made again after it.
# The logging services are restarted as they were at the end, the table emptied before each phase.
#   bench/database-ceiling.sh [--without-search] [ROUNDS] [WARM]          (defaults 2, 90; needs wrk and pgbench)
set -euo pipefail
search=1
if [[ ${1:-} == --without-search ]]; then
  search=0
  shift
fi
rounds=${1:-2}
warm=${2:-90}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for tool in wrk pgbench psql; do
  command -v $tool >/dev/null || { echo "database-ceiling.sh needs $tool (apt-get install wrk postgresql-client)" >&2; exit 1; }
done
PGPASSWORD=$(cat "${HAZELOG_RUN_DIR:-.hazelog}/data/password")
export PGPASSWORD
database=(-h 127.0.0.1 -p "$(./hazelog status | awk '$1 == "database" { sub(/.*:/, "", $3); print $3 }')" -U hazelog hazelog)
index="CREATE INDEX messages_text_trigrams ON messages USING gin (message_text gin_trgm_ops)
  WITH (fastupdate = on, gin_pending_list_limit = 65536)" # as migration V2 makes it
sql() { psql -qtA "${database[@]}" -c "$1"; }
restart_logging() { # ENV...: the logging services stopped together, then started with ENV
  local i
  for i in 1 2 3; do ./hazelog stop "logging-$i" >/dev/null & done
  wait
  env "$@" ./hazelog up >/dev/null 2>&1 || { echo "database-ceiling.sh: ./hazelog up failed" >&2; exit 1; }
}
work=$(mktemp -d)
restore() {
  rm -rf "$work"
  ((search)) || sql "TRUNCATE messages; $index" || true
  restart_logging
}
trap restore EXIT
restart_logging HAZELOG_STORE=memory
((search)) || sql "DROP INDEX messages_text_trigrams"
wrk -t2 -c32 -d"${warm}s" -s bench/wrk/post-message.lua http://127.0.0.1:5001 >/dev/null

phase() { # ROWS_PER_SECOND (0: F alone): F's rate in 30 s of wrk, and the services' CPU per write in ms
  local cores rate
  sql "TRUNCATE messages"
  if (($1 > 0)); then
    pgbench -n -c 4 -j 1 -R $(($1 / 6)) -T 30 -f bench/pgbench/durable-writes.sql "${database[@]}" >/dev/null 2>&1 &
    if ((search)); then
      (for _ in $(seq 10); do sleep 3; sql "SELECT gin_clean_pending_list('messages_text_trigrams')" >/dev/null; done) &
    fi
  fi
  wrk -t2 -c32 -d30s -s bench/wrk/post-message.lua http://127.0.0.1:5001 >"$work/wrk" &
  sleep 3
  cores=$(bench/cpu-per-service.sh 24 | awk '$1 == "total" { print $2 }')
  wait
  rate=$(awk '/Requests\/sec/ { printf "%d", $2 }' "$work/wrk")
  echo "$rate $(awk -v cores="$cores" -v rate="$rate" 'BEGIN { printf "%.3f", cores * 1000 / rate }')"
}

echo "| round | F json alone (CPU per write) | the database storing | F json beside it (CPU per write) | beside / alone: rate, CPU |"
echo "|---|---:|---:|---:|---:|"
for round in $(seq "$rounds"); do
  read -r alone alone_cpu < <(phase 0)
  rows=$((alone * 8 / 10))
  read -r beside beside_cpu < <(phase "$rows")
  echo "| $round | $alone/s ($alone_cpu ms) | $rows rows/s | $beside/s ($beside_cpu ms) |" \
    "$((100 * beside / alone)) %, $(awk -v a="$alone_cpu" -v b="$beside_cpu" 'BEGIN { printf "%d", 100 * a / b }') % |"
done
