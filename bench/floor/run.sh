#!/usr/bin/env bash
# The floor under Hazelog's ratios: what the least services that do its work cost on this machine (docs/BENCHMARKS.md,
# "Against the machine's floor"). Run by `./hazelog floor [N]`, which gives it the JDK and the logging services'
# and the facade's JVM options. Three members (HTTP 15002-15004, Hazelcast 15701-15703) and a facade (15001) without
# one; 95 s of load to warm them, then N rounds of wrk (-t2 -c32, 15 s each) on POST /messages: a member's
# liveness probe, a member answering without storing (?store=false: JSON in and out), a member storing (and a
# putIfAbsent with a backup), the facade's liveness probe, the facade (an id, and a call to a random member's POST
# /messages). The map is emptied after every round that writes.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rounds=${1:-3}
command -v wrk >/dev/null || { echo "the floor needs wrk (apt-get install wrk)" >&2; exit 1; }
: "${JAVA:?run it as ./hazelog floor}" "${FLOOR_MEMBER_JAVA_OPTS:?}" "${FLOOR_FACADE_JAVA_OPTS:?}"
jar=$here/target/bench-floor.jar
logs=$(mktemp -d)
pids=()
stop() {
  ((${#pids[@]} == 0)) || kill "${pids[@]}" 2>/dev/null || true
  wait
  rm -rf "$logs"
}
trap stop EXIT
members=127.0.0.1:15701,127.0.0.1:15702,127.0.0.1:15703
for i in 1 2 3; do
  # shellcheck disable=SC2086 # one word per option
  MALLOC_ARENA_MAX=2 "$JAVA" $FLOOR_MEMBER_JAVA_OPTS -jar "$jar" --server.port=$((15001 + i)) \
    --floor.cluster-port=$((15700 + i)) --floor.cluster-members=$members >"$logs/member-$i.log" 2>&1 &
  pids+=($!)
done
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=2 "$JAVA" $FLOOR_FACADE_JAVA_OPTS -jar "$jar" --server.port=15001 --floor.member=false \
  --floor.member-urls=http://127.0.0.1:15002,http://127.0.0.1:15003,http://127.0.0.1:15004 >"$logs/facade.log" 2>&1 &
pids+=($!)
for port in 15001 15002 15003 15004; do
  for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$port/actuator/health/liveness" >/dev/null && continue 2
    sleep 1
  done
  echo "the floor's service on port $port did not start; its log:" >&2
  cat "$logs"/*.log >&2
  exit 1
done

member=http://127.0.0.1:15002
facade=http://127.0.0.1:15001
run() { # seconds query url: requests/s
  ROUTE=/messages$2 wrk -t2 -c32 -d"$1s" -s "$here/../wrk/post-message.lua" "$3" | awk '/^Requests\/sec/ { printf "%d", $2 }'
}
live() { wrk -t2 -c32 -d15s "$1/actuator/health/liveness" | awk '/^Requests\/sec/ { printf "%d", $2 }'; }
empty() { curl -sf -X DELETE "$member/messages"; }

run 40 "" "$facade" >/dev/null && empty
run 30 "" "$member" >/dev/null && empty
run 10 "?store=false" "$member" >/dev/null
live "$member" >/dev/null
printf '| round | member liveness | member, not storing | member, storing | facade liveness | facade | not storing / liveness | storing / liveness | facade / its liveness |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for round in $(seq "$rounds"); do
  l=$(live "$member")
  e=$(run 15 "?store=false" "$member")
  p=$(run 15 "" "$member") && empty
  fl=$(live "$facade")
  f=$(run 15 "" "$facade") && empty
  printf '| %d | %d | %d | %d | %d | %d | %d %% | %d %% | %d %% |\n' "$round" "$l" "$e" "$p" "$fl" "$f" \
    $((100 * e / l)) $((100 * p / l)) $((100 * f / fl))
done
