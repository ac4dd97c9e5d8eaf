#!/usr/bin/env bash
# The floor under Hazelog's ratios: what the least services that do its work reach on this machine (docs/BENCHMARKS.md,
# "Against the machine's floor"). Run by `./hazelog floor [N]`, which gives it the JDK, whether to record start-up
# caches (FLOOR_CACHES, JDK 25+), and the logging services' and the facade's JVM options. Three members (HTTP
# 15002-15004, Hazelcast 15701-15703) and a facade (15001) without one. In order:
#  1. the start-up caches, recorded on 20 s of load as ./hazelog records Hazelog's (once per build and options);
#  2. the floor started with them and measured from the moment it answers: bench/wrk/warmup.sh, 10 rounds of 30 s on
#     the facade (the warm-up target), the map emptied after each;
#  3. 55 s more of load on the members' routes, then N rounds of wrk (-t2 -c32, 15 s each) on POST /messages: a
#     member's liveness probe, a member answering without storing (?store=false: JSON in and out), a member storing
#     (and a putIfAbsent with a backup), the facade's liveness probe, the facade (an id, and a call to a random
#     member's POST /messages);
#  4. N runs of the benchmark's workload F on the facade, as `./hazelog bench --workloads F` runs it on Hazelog's: its
#     rate against its liveness probe, and the tail target (p99 at half the maximum rate against the probe's p99 at
#     the same rate).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rounds=${1:-3}
command -v wrk >/dev/null || { echo "the floor needs wrk (apt-get install wrk)" >&2; exit 1; }
: "${JAVA:?run it as ./hazelog floor}" "${FLOOR_CACHES:?}" "${FLOOR_MEMBER_JAVA_OPTS:?}" "${FLOOR_FACADE_JAVA_OPTS:?}"
jar=$here/target/bench-floor.jar
caches=$here/target/aot # the jar extracted (a cache holds classes from plain jars only), and one cache per role
bench=$here/../target/bench.jar
logs=$(mktemp -d)
pids=()
stop_floor() {
  ((${#pids[@]} == 0)) || kill "${pids[@]}" 2>/dev/null || true
  wait # a JVM recording its cache writes it as it stops
  pids=()
}
trap 'stop_floor; rm -rf "$logs"' EXIT
members=127.0.0.1:15701,127.0.0.1:15702,127.0.0.1:15703
member_urls=http://127.0.0.1:15002,http://127.0.0.1:15003,http://127.0.0.1:15004
member=http://127.0.0.1:15002
facade=http://127.0.0.1:15001

cache_option() { # ROLE INDEX MODE: the first member and the facade record; every service uses
  case $3 in
    record) [[ $1 == facade || $2 == 1 ]] && echo "-XX:AOTCacheOutput=$caches/$1.aot" ;;
    use) echo "-XX:AOTCache=$caches/$1.aot" ;;
  esac
  return 0
}

start_floor() { # MODE: none, record or use (the caches)
  local i port started=$jar
  [[ $1 == none ]] || started=$caches/bench-floor.jar
  # shellcheck disable=SC2046,SC2086 # one word per option
  for i in 1 2 3; do
    MALLOC_ARENA_MAX=2 "$JAVA" $FLOOR_MEMBER_JAVA_OPTS $(cache_option member $i "$1") -jar "$started" \
      --server.port=$((15001 + i)) --floor.cluster-port=$((15700 + i)) --floor.cluster-members=$members \
      >"$logs/member-$i.log" 2>&1 &
    pids+=($!)
  done
  # shellcheck disable=SC2046,SC2086
  MALLOC_ARENA_MAX=2 "$JAVA" $FLOOR_FACADE_JAVA_OPTS $(cache_option facade 0 "$1") -jar "$started" \
    --server.port=15001 --floor.role=facade \
    "--floor.member-urls=$member_urls" >"$logs/facade.log" 2>&1 &
  pids+=($!)
  for port in 15001 15002 15003 15004; do
    for _ in $(seq 600); do
      curl -sf "http://127.0.0.1:$port/actuator/health/liveness" >/dev/null && continue 2
      sleep 0.2
    done
    echo "the floor's service on port $port did not start; its log:" >&2
    cat "$logs"/*.log >&2
    exit 1
  done
}

run() { # seconds query url: requests/s
  ROUTE=/messages$2 wrk -t2 -c32 -d"$1s" -s "$here/../wrk/post-message.lua" "$3" | awk '/^Requests\/sec/ { printf "%d", $2 }'
}
live() { wrk -t2 -c32 -d15s "$1/actuator/health/liveness" | awk '/^Requests\/sec/ { printf "%d", $2 }'; }
empty() { curl -sf -X DELETE "$member/messages"; }

mode=none
if [[ $FLOOR_CACHES == yes ]]; then
  mode=use
  stamp="$JAVA $FLOOR_MEMBER_JAVA_OPTS $FLOOR_FACADE_JAVA_OPTS"
  if ! [[ $caches/facade.aot -nt $jar && $caches/member.aot -nt $jar && $(cat "$caches/stamp" 2>/dev/null) == "$stamp" ]]; then
    echo "Recording the floor's start-up caches on 20 s of load..."
    rm -rf "$caches"
    "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$caches" >/dev/null
    start_floor record
    run 20 "" "$facade" >/dev/null
    stop_floor
    [[ -f $caches/facade.aot && -f $caches/member.aot ]] || { echo "recording the floor's caches failed" >&2; exit 1; }
    echo "$stamp" >"$caches/stamp"
  fi
fi
begun=$SECONDS
start_floor "$mode"
echo "The floor answered $((SECONDS - begun)) s after its start (start-up caches: $mode). From then on, the facade:"
WARMUP_EMPTY_URL=$member/messages HAZELOG_FACADE_URL=$facade "$here/../wrk/warmup.sh" 10 30

echo
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
for round in $(seq "$rounds"); do
  echo
  echo "The benchmark's workload F on the floor, round $round of $rounds:"
  "$JAVA" -Xmx1g "@$here/../../logging-service/hazelcast-jvm.args" -jar "$bench" --facade "$facade" \
    --logging "$member_urls" --members "$members" \
    --cluster floor --workloads F --prime 0s --warmup 5s --duration 15s --wipe | sed -n -e '/ the first of /p' -e '/^| workload/,$p'
done
