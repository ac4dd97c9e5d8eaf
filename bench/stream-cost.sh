#!/usr/bin/env bash
# What 100 clients following GET /messages/stream cost the writes, on the running system: wrk's F json in phases of
# SECONDS, alternately without and with the clients (curl -sN), PAIRS pairs in the order without-with, with-without,
# ..., so that the system's warming favours neither. For each phase: the write rate and each service's CPU per write,
# the clients' CPU too. Rates on a shared machine swing by half within minutes; the CPU per write swings less.
#   bench/stream-cost.sh [PAIRS] [SECONDS] [CLIENTS]     (defaults 3, 24, 100; warm the system first)
set -euo pipefail
pairs=${1:-3}
seconds=${2:-24}
clients=${3:-100}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
facade=${HAZELOG_FACADE_URL:-http://127.0.0.1:5001}
ticks=$(getconf CLK_TCK)
measured=$((seconds - 4)) # the CPU from 2 s after wrk starts to 2 s before it ends
work=$(mktemp -d)
followers=()
stop_followers() {
  ((${#followers[@]} == 0)) || kill "${followers[@]}" 2>/dev/null || true
  wait "${followers[@]}" 2>/dev/null || true
  followers=()
}
trap 'stop_followers; rm -rf "$work"' EXIT
client_ticks() {
  local pid sum=0
  for pid in "${followers[@]}"; do sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done
  echo "$sum"
}

phase() { # without|with
  local before after rate
  if [[ $1 == with ]]; then
    for _ in $(seq "$clients"); do
      curl -sN "$facade/messages/stream" >/dev/null 2>&1 &
      followers+=($!)
    done
    sleep 2
  fi
  wrk -t2 -c32 "-d${seconds}s" -s bench/wrk/post-message.lua "$facade" >"$work/wrk" &
  sleep 2
  before=$(client_ticks)
  bench/cpu-per-service.sh "$measured" >"$work/cpu"
  after=$(client_ticks)
  wait $!
  rate=$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk")
  awk -v phase="$1" -v rate="$rate" -v client_cores="$((after - before)) / $ticks / $measured" '
    BEGIN { printf "| %s | %d |", phase, rate; split(client_cores, c, " / ") }
    { printf " %.2f |", $2 * 1000 / rate }
    END { printf " %.2f |\n", c[1] / c[2] / c[3] * 1000 / rate }' "$work/cpu"
  echo "$1 $rate" >>"$work/rates"
  stop_followers
}

./hazelog status >/dev/null
printf '| phase | writes/s |'
./hazelog status | awk '$2 == "up" { printf " %s ms |", $1 }'
printf ' total ms | clients ms |\n|---|---:|'
./hazelog status | awk '$2 == "up" { printf "---:|" }'
printf -- '---:|---:|\n'
for pair in $(seq "$pairs"); do
  if ((pair % 2 == 1)); then phase without && phase with; else phase with && phase without; fi
done
awk '{ sum[$1] += $2 } END { printf "\nF json with %d streams / without, all phases: %.0f %%\n", '"$clients"', 100 * sum["with"] / sum["without"] }' \
  "$work/rates"
