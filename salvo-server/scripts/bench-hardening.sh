#!/usr/bin/env bash
# Server hardening figures, in one run (see docs/benchmarks.md, "Server hardening"):
#   1. server RSS while 8 clients hold /stream-bytes responses without reading  (goal <= baseline + 64 MB)
#   2. fresh GET /get p99 of 100 requests while 2,000 slow-header connections are held (goal <= 100 ms)
#   3. GET /get throughput under wrk, the server before this work (BEFORE_COMMIT) and now (goal ratio >= 0.97)
# Usage: bash salvo-server/scripts/bench-hardening.sh --build   (builds both servers; run it under `cpu`)
#        quiet bash salvo-server/scripts/bench-hardening.sh      (measures; about 2 minutes)
# Needs: bash, python3, wrk, curl, git, a JDK >= 21, Maven. Loopback only; stops every process it starts.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/server-launch.sh"
BEFORE_COMMIT="${BEFORE_COMMIT:-48cccbb}"
OLD_ROOT="${OLD_ROOT:-/tmp/salvo-hardening-before-$BEFORE_COMMIT}"
WRK_SECONDS="${WRK_SECONDS:-10}"
PARTS="${PARTS:-1 2 3}"   # which measurements to run

build_old() {
  if [ ! -f "$OLD_ROOT/salvo-server/target/runtime-classpath.txt" ]; then
    rm -rf "$OLD_ROOT" && mkdir -p "$OLD_ROOT"
    git -C "$SALVO_ROOT" archive "$BEFORE_COMMIT" | tar -x -C "$OLD_ROOT"
    ( cd "$OLD_ROOT" && . "$SALVO_ROOT/bin/find-jdk.sh" && \
      mvn -B -ntp -q -pl salvo-server -am package -DskipTests && \
      mvn -B -ntp -q -pl salvo-server dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime )
  fi
}

if [ "${1:-}" = "--build" ]; then
  salvo_server_build
  build_old
  exit 0
fi

SALVO_CP="$SALVO_ROOT/salvo-server/target/classes:$(cat "$SALVO_ROOT/salvo-server/target/runtime-classpath.txt")"
SALVO_JAVA="$(cat "$SALVO_ROOT/salvo-server/target/java-home.txt")/bin/java"
NEW_CP="$SALVO_CP"
OLD_CP="$OLD_ROOT/salvo-server/target/classes:$(cat "$OLD_ROOT/salvo-server/target/runtime-classpath.txt")"
PORT=18931
trap 'salvo_server_stop' EXIT
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  cores: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("$SALVO_JAVA" -version 2>&1 | head -1)  wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"

if [[ " $PARTS " == *" 1 "* ]]; then
echo "== 1. RSS, 8 clients holding /stream-bytes/268435456?chunk_size=1 without reading (8 s)"
SALVO_CP="$NEW_CP" salvo_server_start $PORT
python3 "$HERE/hardening_probe.py" stream-rss $PORT "$SALVO_SERVER_PID" 8 8
curl -s -o /dev/null -w "after: /get %{http_code} in %{time_total}s\n" "http://127.0.0.1:$PORT/get"
salvo_server_stop
fi

if [[ " $PARTS " == *" 2 "* ]]; then
echo "== 2. fresh GET /get while 2,000 slow-header connections are held"
SALVO_CP="$NEW_CP" salvo_server_start $PORT
python3 "$HERE/hardening_probe.py" slow-heads $PORT 2000
salvo_server_stop
fi

if [[ " $PARTS " == *" 3 "* ]]; then
echo "== 3. GET /get throughput, wrk -t2 -c64 -d${WRK_SECONDS}s, before ($BEFORE_COMMIT) and after, alternating"
declare -A RPS=([before]=0 [after]=0) CPU=([before]=0 [after]=0)
for round in 1 2; do
  for which in before after; do
    cp="$NEW_CP"; [ "$which" = before ] && cp="$OLD_CP"
    SALVO_CP="$cp" salvo_server_start $PORT
    wrk -t2 -c64 -d"${WRK_SECONDS}s" "http://127.0.0.1:$PORT/get" >/dev/null   # warm-up
    ticks0=$(awk '{print $14 + $15}' "/proc/$SALVO_SERVER_PID/stat")
    out=$(wrk -t2 -c64 -d"${WRK_SECONDS}s" "http://127.0.0.1:$PORT/get")
    ticks1=$(awk '{print $14 + $15}' "/proc/$SALVO_SERVER_PID/stat")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    total=$(awk '/requests in/ {print $1}' <<<"$out")
    cpu_us=$(python3 -c "print(f'{($ticks1 - $ticks0) / $(getconf CLK_TCK) * 1e6 / $total:.2f}')")
    echo "round $round $which: $rps requests/s, server CPU $cpu_us us/request"
    RPS[$which]=$(python3 -c "print(${RPS[$which]} + $rps)")
    CPU[$which]=$(python3 -c "print(${CPU[$which]} + $cpu_us)")
    salvo_server_stop
  done
done
python3 -c "b=${RPS[before]}/2; a=${RPS[after]}/2; print(f'mean before={b:.0f}/s after={a:.0f}/s ratio after/before={a/b:.3f}')"
python3 -c "b=${CPU[before]}/2; a=${CPU[after]}/2; print(f'server CPU per request before={b:.2f} us after={a:.2f} us ratio before/after={b/a:.3f}')"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
