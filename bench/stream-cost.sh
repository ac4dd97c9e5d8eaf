#!/usr/bin/env bash
# What 100 clients following GET /messages/stream cost the writes, on the running system: wrk's F json in phases of
# SECONDS, alternately without and with the clients (curl -sN), PAIRS pairs in the order without-with, with-without,
# ..., so that the system's warming favours neither. For each phase: the write rate and each service's CPU per write,
# the clients' CPU too. Rates on a shared machine swing by half within minutes; the CPU per write swings less.
# With --floor, a third phase in each round holds the facade's streams against the least a Spring Boot service can
# do for as many clients (bench/floor's streamer, with the facade's JVM and options, read from its command line): the
# same clients follow it instead, and it sends them events of the facade's size at the rate the writes reached in
# the first phase with the facade's streams. Rounds then go without-with-floor, floor-with-without, ...
#   bench/stream-cost.sh [--floor] [PAIRS] [SECONDS] [CLIENTS]     (defaults 3, 24, 100; warm the system first)
set -euo pipefail
floor=0
if [[ ${1:-} == --floor ]]; then
  floor=1
  shift
fi
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
  ((${#followers[@]} > 0)) || return 0 # a bare wait would wait for the floor's streamer too
  kill "${followers[@]}" 2>/dev/null || true
  wait "${followers[@]}" 2>/dev/null || true
  followers=()
}
streamer=
streamer_url=http://127.0.0.1:${HAZELOG_STREAM_FLOOR_PORT:-15009}
trap 'stop_followers; [[ -z $streamer ]] || kill "$streamer"; rm -rf "$work"' EXIT
start_streamer() { # events per second
  local facade_command java options=() word
  mapfile -d '' facade_command <"/proc/$(cat "${HAZELOG_RUN_DIR:-.hazelog}/facade.pid")/cmdline"
  java=${facade_command[0]}
  for word in "${facade_command[@]:1}"; do
    [[ $word != -jar ]] || break
    [[ $word == -XX:AOTCache=* ]] || options+=("$word")
  done
  local jar=bench/floor/target/bench-floor.jar
  [[ -f $jar ]] || { echo "no $jar: ./hazelog build" >&2; exit 1; }
  "$java" "${options[@]}" -jar "$jar" --floor.role=streamer \
    "--server.port=${streamer_url##*:}" "--floor.events-per-second=$1" >"$work/streamer.log" 2>&1 &
  streamer=$!
  for _ in $(seq 300); do
    curl -sf "$streamer_url/actuator/health/liveness" >/dev/null && return
    sleep 0.2
  done
  echo "the stream floor did not start:" >&2
  cat "$work/streamer.log" >&2
  exit 1
}

ticks_of() { # PIDS...: their CPU so far, in ticks
  local pid sum=0
  for pid in "$@"; do sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done
  echo "$sum"
}
# The CPU of the clients, and of the floor's streamer if it runs: two numbers of ticks.
outside_ticks() { echo "$(ticks_of "${followers[@]}") $(ticks_of ${streamer:+"$streamer"})"; }

phase() { # without|with|floor
  local before after rate followed=$facade
  [[ $1 != floor ]] || followed=$streamer_url
  if [[ $1 != without ]]; then
    for _ in $(seq "$clients"); do
      curl -sN "$followed/messages/stream" >/dev/null 2>&1 &
      followers+=($!)
    done
    sleep 2
  fi
  wrk -t2 -c32 "-d${seconds}s" -s bench/wrk/post-message.lua "$facade" >"$work/wrk" &
  sleep 2
  before=$(outside_ticks)
  bench/cpu-per-service.sh "$measured" >"$work/cpu"
  after=$(outside_ticks)
  wait $!
  rate=$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk")
  awk -v phase="$1" -v rate="$rate" -v before="$before" -v after="$after" -v ticks="$ticks" -v measured="$measured" \
    -v columns="$((floor ? 2 : 1))" '
    BEGIN { printf "| %s | %d |", phase, rate; split(before, b); split(after, a) }
    { printf " %.2f |", $2 * 1000 / rate }
    END {
      for (i = 1; i <= columns; i++) printf " %.2f |", (a[i] - b[i]) / ticks / measured * 1000 / rate
      print ""
    }' "$work/cpu"
  echo "$1 $rate" >>"$work/rates"
  stop_followers
  ((!floor)) || [[ $1 != with || -n $streamer ]] || start_streamer "$rate"
}

./hazelog status >/dev/null
printf '| phase | writes/s |'
./hazelog status | awk '$2 == "up" { printf " %s ms |", $1 }'
printf ' total ms | clients ms |%s\n|---|---:|' "$( ((!floor)) || echo ' floor streamer ms |')"
./hazelog status | awk '$2 == "up" { printf "---:|" }'
printf -- '---:|---:|%s\n' "$( ((!floor)) || echo '---:|')"
for pair in $(seq "$pairs"); do
  if ((pair % 2 == 1)); then
    phase without && phase with && { ((!floor)) || phase floor; }
  else
    { ((!floor)) || phase floor; } && phase with && phase without
  fi
done
awk -v clients="$clients" '{ sum[$1] += $2 }
  END {
    printf "\nF json with %d streams / without, all phases: %.0f %%\n", clients, 100 * sum["with"] / sum["without"]
    if (sum["floor"]) printf "F json with %d streams on the floor / without: %.0f %%\n", clients, 100 * sum["floor"] / sum["without"]
  }' "$work/rates"
