#!/usr/bin/env bash
# The memory target of docs/BENCHMARKS.md: the resident memory (VmRSS) of the six services and the
# database, right after `./hazelog up` and after 60 s of wrk on the facade's POST /messages, and the rate of
# those 60 s. Each run starts the system afresh, on an empty database in a run directory of its own (the project's
# .hazelog is left alone), and stops it after. Given several copies of the project (each with its jars and start-up
# caches, e.g. one per set of JVM options), the runs alternate between them, so that their figures share one sitting.
#   bench/memory.sh [RUNS] [PROJECT_DIR...]     (default: 3 runs of this project; the system must be down)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
runs=${1:-3}
shift || true
projects=("$@")
((${#projects[@]} > 0)) || projects=("$here/..")
seconds=${HAZELOG_MEMORY_SECONDS:-60}
command -v wrk >/dev/null || { echo "memory.sh needs wrk (apt-get install wrk)" >&2; exit 1; }

project="" run_dir=""
stop_system() {
  [[ -z $run_dir ]] || { "$project/hazelog" down >/dev/null 2>&1 || true; rm -rf "$run_dir"; }
  run_dir=""
}
trap stop_system EXIT

resident() { # the six services' MB; with "each": one figure per service
  "$project/hazelog" status | awk -v each="${1:-}" '$2 == "up" && $1 != "store" {
      mb += $5; list = list (list == "" ? "" : ", ") $1 " " $5 }
    END { print (each == "" ? mb : list) }'
}

printf '| run | project | after up | after %d s of F | F json req/s | each service after F (MB) |\n' "$seconds"
printf '|---:|---|---:|---:|---:|---|\n'
for run in $(seq "$runs"); do
  for project in "${projects[@]}"; do
    project=$(cd "$project" && pwd)
    run_dir=$(mktemp -d)
    chmod 755 "$run_dir" # started as root, ./hazelog runs PostgreSQL as nobody, which must enter it
    export HAZELOG_RUN_DIR=$run_dir
    "$project/hazelog" up >"$run_dir/up.log" 2>&1 || { cat "$run_dir/up.log" >&2; exit 1; }
    after_up=$(resident)
    rate=$(wrk -t2 -c32 -d"${seconds}s" -s "$here/wrk/post-message.lua" "http://127.0.0.1:${HAZELOG_FACADE_PORT:-5001}" |
      awk '/^Requests\/sec/ { printf "%d", $2 }')
    printf '| %d | %s | %d MB | %d MB | %d | %s |\n' "$run" "$project" "$after_up" "$(resident)" "$rate" "$(resident each)"
    stop_system
  done
done
