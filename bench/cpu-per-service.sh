#!/usr/bin/env bash
# CPU each running service used over a window, in cores: run it while a load runs (wrk or ./hazelog bench), e.g.
#   wrk -t2 -c32 -d30s -s bench/wrk/post-message.lua http://127.0.0.1:5001 & sleep 5; bench/cpu-per-service.sh 20
# Divide by the load's rate for the CPU one request costs each service.
set -euo pipefail
seconds=${1:-20}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ticks=$(getconf CLK_TCK)
services=$(./hazelog status | awk '$2 == "up" { print $1 ":" $4 }')
cpu_ticks() { # utime + stime of each service and its child processes (the database's backends)
  local entry pid
  for entry in $services; do
    pid=${entry##*:}
    # shellcheck disable=SC2046 # one path per process
    cat "/proc/$pid/stat" $(pgrep -P "$pid" | sed 's|.*|/proc/&/stat|') 2>/dev/null |
      awk -v name="${entry%%:*}" '{ ticks += $14 + $15 } END { print name, ticks }'
  done
}
before=$(cpu_ticks)
sleep "$seconds"
paste -d ' ' <(echo "$before") <(cpu_ticks) | # the same services in the same order
  awk -v seconds="$seconds" -v ticks="$ticks" '
    { cores = ($4 - $2) / ticks / seconds; total += cores; printf "%-10s %5.2f cores\n", $1, cores }
    END { printf "%-10s %5.2f cores\n", "total", total }'
