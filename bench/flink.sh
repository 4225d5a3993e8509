#!/usr/bin/env bash
# Issue 16's benchmark: the fetch job on Flink at parallelism 2 (embedded MiniCluster) ÷ one process,
# same URL list, same total concurrency, same machine, one run each, side by side. Two one-process
# baselines: `salvo fetch --mode async`, and bench/flink/OneProcessFetch.java (Salvo directly, fed by a
# semaphore), the bare client writing nothing: the ceiling.
#   bench/flink.sh [count=1000000] [path=/get] [concurrency=128]
# e.g. bench/flink.sh 1000000 /get 128; bench/flink.sh 1000000 /delay/0.05 2048
# Prints requests/s of each (wall time of the whole command: JVM and MiniCluster start included),
# their ratio, and each JVM's heap after GC (the largest the GC log shows) and peak RSS.
# The embedded run is one JVM holding the job manager and one task manager with 2 slots, so its
# heap is an upper bound for one task manager's.
set -euo pipefail
count="${1:-1000000}"
path="${2:-/get}"
concurrency="${3:-128}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. bin/find-jdk.sh
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
./salvo --version >/dev/null            # builds salvo-cli on first use
./salvo flink-fetch --version >/dev/null # builds salvo-flink on first use

OUT="$(mktemp -d "${TMPDIR:-/tmp}/salvo-flink-bench.XXXXXX")"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap stop_server EXIT
./salvo serve --port 0 --quiet --max-duration 10s 2>"$OUT/serve.err" &
server_pid=$!
for _ in $(seq 1 200); do grep -q '^Serving on ' "$OUT/serve.err" && break; sleep 0.1; done
base=$(sed -n 's|^Serving on \(http://[^ ]*\)/ .*|\1|p' "$OUT/serve.err" | head -n 1)
[ -n "$base" ] || { echo "salvo serve did not start:" >&2; cat "$OUT/serve.err" >&2; exit 1; }

sep='?'; [[ $path == *\?* ]] && sep='&'
awk -v u="$base$path$sep" -v n="$count" 'BEGIN { for (i = 0; i < n; i++) print u "i=" i }' > "$OUT/urls.txt"
per_subtask=$(( (concurrency + 1) / 2 ))
"$JAVA_HOME/bin/javac" -d "$OUT/driver" -cp salvo-flink/target/salvo-flink-job.jar bench/flink/OneProcessFetch.java

heap() { # largest heap after GC, and before, in a -Xlog:gc file (MB)
  sed -n 's/.* \([0-9]*\)M->\([0-9]*\)M(\([0-9]*\)M).*/\1 \2 \3/p' "$1" \
    | awk 'BEGIN {b = 0; a = 0; c = 0} {if ($1 > b) b = $1; if ($2 > a) a = $2; if ($3 > c) c = $3}
           END {printf "heap after GC max %d MB, before GC max %d MB, committed max %d MB", a, b, c}'
}
rss() { sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' "$1" | awk '{printf "peak RSS %d MB", $1 / 1024}'; }
timed() { # $1 = name; rest = command; prints wall seconds
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  set +e
  SALVO_JAVA_OPTS="-Xlog:gc:file=$OUT/$name.gc" /usr/bin/time -v "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
  echo $? > "$OUT/$name.code"
  set -e
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

echo "$count x $base$path, total concurrency $concurrency, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
fetch_s=$(timed fetch ./salvo fetch -f "$OUT/urls.txt" --mode async -c "$concurrency" --transport netty)
fetch_ok=$(tail -n 1 "$OUT/fetch.out" | grep -o '200' | wc -l)
fetch_failed=$(grep -c ' error: ' "$OUT/fetch.out" || true)
printf 'salvo fetch  -c %-5d %7.2f s %9.0f req/s  200s: %d, failures: %d, exit %s; %s; %s\n' "$concurrency" "$fetch_s" \
  "$(echo "$count / $fetch_s" | bc -l)" "$fetch_ok" "$fetch_failed" "$(cat "$OUT/fetch.code")" \
  "$(heap "$OUT/fetch.gc")" "$(rss "$OUT/fetch.err")"
driver_s=$(timed driver "$JAVA_HOME/bin/java" $SALVO_JVM_FLAGS -Xlog:gc:file="$OUT/driver.gc" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$OUT/driver:salvo-flink/target/salvo-flink-job.jar" OneProcessFetch "$OUT/urls.txt" "$concurrency")
printf 'one process  -c %-5d %7.2f s %9.0f req/s  %s exit %s; %s; %s\n' "$concurrency" "$driver_s" \
  "$(echo "$count / $driver_s" | bc -l)" "$(head -n 1 "$OUT/driver.out")" "$(cat "$OUT/driver.code")" \
  "$(heap "$OUT/driver.gc")" "$(rss "$OUT/driver.err")"
flink_s=$(timed flink ./salvo flink-fetch --urls "$OUT/urls.txt" --out "$OUT/flink-out" --parallelism 2 \
  -c "$per_subtask" --max-per-host "$per_subtask" --checkpoint-interval 5s)
printf 'flink-fetch  -p 2 -c %-5d %7.2f s %9.0f req/s  %s exit %s; %s; %s\n' "$per_subtask" "$flink_s" \
  "$(echo "$count / $flink_s" | bc -l)" "$(head -n 1 "$OUT/flink.out")" "$(cat "$OUT/flink.code")" \
  "$(heap "$OUT/flink.gc")" "$(rss "$OUT/flink.err")"
printf 'ratio flink-fetch / salvo fetch (requests/s): %.3f (goal >= 0.8)\n' "$(echo "$fetch_s / $flink_s" | bc -l)"
printf 'ratio flink-fetch / one process (requests/s): %.3f (goal >= 0.8)\n' "$(echo "$driver_s / $flink_s" | bc -l)"
echo "outputs in $OUT (delete it when done: the Flink output alone is ~$((count * 200 / 1000000)) MB)"
