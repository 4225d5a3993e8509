#!/usr/bin/env bash
# Issue 11's body benchmarks, one run, against nginx on loopback (run it under `quiet`):
#   1. a 1 GiB file downloaded to a file (on /dev/shm when there is one, see DL) through each transport
#      with -Xmx64m, bytes verified (SHA-256), throughput ÷ `curl -o` of the same file (goal >= 0.9); and
#      the bare JDK HttpClient (BodyHandlers.ofFile) and HttpURLConnection (on a virtual thread, as
#      Transports.blocking runs it): the ceilings of the jdk and blocking transports
#   2. 100 concurrent 10 MiB downloads to files: peak RSS (goal <= 256 MB)
#   3. a 1 GiB upload (PUT, streamed from the file): peak RSS above idle (goal <= 128 MB)
#   4. /get at c=64, Salvo on Netty, buffered: this tree vs the build before issue 11 (BEFORE, default
#      48cccbb, exported with git archive into a temporary directory and built there), ratio (goal >= 0.97);
#      the two sides alternate in six JVMs (B A A B B A) and each JVM's two warm-up rounds are dropped
# Usage: bench/streaming.sh [all|download|many|upload|get] (get needs no nginx; BEFORE_TREE=DIR reuses a built
# tree of BEFORE). Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
what="${1:-all}"
BEFORE="${BEFORE:-48cccbb}"
PORT="${PORT:-18411}"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[[ $what == get || -x "$NGINX" ]] || { echo "nginx is needed: apt-get install -y nginx" >&2; exit 1; }

WORK="$(mktemp -d)"
NGINX_PID=""
DL="${DL:-}"
cleanup() {
  set +e
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null; fi
  rm -rf "$WORK"
  case "$DL" in /dev/shm/salvo-streaming.*) rm -rf "$DL" ;; esac
}
trap cleanup EXIT

EXTRA_JAVA_FLAGS=-Xmx64m . bench/benchmarks-java.sh

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The file benchmarks need nginx and their files; `get` (its own salvo-server per JVM) needs neither.
if [[ $what != get ]]; then
mkdir -p "$WORK/www" "$WORK/logs" "$WORK/put" "$WORK/tmp" "$WORK/out"
# Downloads land on a tmpfs when there is one: on loopback the disk's writeback, not the client, sets the
# pace and swings from run to run (curl -o alone measured 40 to 650 MB/s in one session); DL=DIR overrides.
if [ -z "$DL" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then DL=$(mktemp -d /dev/shm/salvo-streaming.XXXXXX); else DL="$WORK/out"; fi
fi
chmod 755 "$WORK" "$WORK/www"; chmod 777 "$WORK/put" "$WORK/tmp"   # nginx's workers run unprivileged
head -c 1073741824 /dev/urandom > "$WORK/www/1g.bin"
head -c 10485760 /dev/urandom > "$WORK/www/10m.bin"
SHA_1G=$(sha256sum "$WORK/www/1g.bin" | cut -d' ' -f1)
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
daemon off;
error_log $WORK/logs/error.log warn;
pid $WORK/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path $WORK/tmp;
  server {
    listen 127.0.0.1:$PORT;
    root $WORK/www;
    location /put/ { root $WORK; dav_methods PUT; client_max_body_size 0; create_full_put_path on; }
  }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" >/dev/null 2>&1 &
NGINX_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do curl -sf -o /dev/null --max-time 1 "$BASE/10m.bin" && break; sleep 0.1; done
curl -sf -o /dev/null --max-time 2 "$BASE/10m.bin" || { echo "nginx did not start:" >&2; cat "$WORK/logs/error.log" >&2; exit 1; }
fi

if [[ $what == all || $what == download ]]; then
  ROUNDS="${ROUNDS:-3}"
  echo "== 1 GiB download to a file ($DL), -Xmx64m, vs curl -o: $ROUNDS interleaved rounds after a warm-up, best of each"
  curl_run() {
    local bps
    bps=$(curl -sf -o "$DL/curl.bin" -w '%{speed_download}' "$BASE/1g.bin")
    [ "$(sha256sum "$DL/curl.bin" | cut -d' ' -f1)" = "$SHA_1G" ] || { echo "curl got wrong bytes" >&2; exit 1; }
    rm -f "$DL/curl.bin"
    awk -v b="$bps" 'BEGIN { printf "%.1f", b / 1e6 }'
  }
  curl_run >/dev/null # warm-up: nginx, the page cache, the CPU clock
  CONTENDERS=(curl jdk bare-jdk blocking bare-urlconnection-virtual netty netty-nio)
  declare -A best runs
  for contender in "${CONTENDERS[@]}"; do best[$contender]=0; runs[$contender]=""; done
  for round in $(seq 1 "$ROUNDS"); do
    for contender in "${CONTENDERS[@]}"; do
      if [ "$contender" = curl ]; then
        mb=$(curl_run)
      else
        line=$("${JAVA[@]}" -cp "$CP" dev.salvo.benchmarks.StreamingBodies download "$contender" "$BASE/1g.bin" "$DL/1g.bin")
        sha=$(sed 's/.*sha256=\([0-9a-f]*\).*/\1/' <<<"$line")
        [ "$sha" = "$SHA_1G" ] || { echo "$contender: BYTES DIFFER: $line" >&2; exit 1; }
        mb=$(sed 's/.*MBps=\([0-9.]*\).*/\1/' <<<"$line")
        echo "round $round: $(sed "s/ sha256=[0-9a-f]*//; s/transport=bare-urlconnection /transport=$contender /" <<<"$line") (bytes match)"
        rm -f "$DL/1g.bin"
      fi
      runs[$contender]="${runs[$contender]} $mb"
      best[$contender]=$(awk -v a="${best[$contender]}" -v b="$mb" 'BEGIN { print (b > a ? b : a) }')
    done
  done
  for contender in "${CONTENDERS[@]}"; do
    awk -v t="$contender" -v m="${best[$contender]}" -v c="${best[curl]}" -v r="${runs[$contender]}" \
      'BEGIN { printf "%-27s best %7.1f MB/s  / curl = %.2f   (runs:%s)\n", t, m, m / c, r }'
  done
  awk -v j="${best[jdk]}" -v bj="${best[bare-jdk]}" -v b="${best[blocking]}" -v bu="${best[bare-urlconnection-virtual]}" \
    'BEGIN { printf "jdk / bare JDK HttpClient = %.2f; blocking / bare HttpURLConnection (virtual thread) = %.2f\n", j / bj, b / bu }'
fi
if [[ $what == all || $what == many ]]; then
  echo "== 100 concurrent 10 MiB downloads to files, -Xmx64m"
  for transport in netty jdk; do
    "${JAVA[@]}" -cp "$CP" dev.salvo.benchmarks.StreamingBodies many "$transport" "$BASE/10m.bin" 100 "$WORK/out"
    rm -f "$WORK/out"/*
  done
fi
if [[ $what == all || $what == upload ]]; then
  echo "== 1 GiB upload (PUT from the file), -Xmx64m"
  for transport in netty jdk blocking; do
    "${JAVA[@]}" -cp "$CP" dev.salvo.benchmarks.StreamingBodies upload "$transport" "$BASE/put/up.bin" "$WORK/www/1g.bin"
    [ "$(sha256sum "$WORK/put/up.bin" | cut -d' ' -f1)" = "$SHA_1G" ] && echo "  -> nginx stored the same bytes"
    rm -f "$WORK/put/up.bin"
  done
fi
rm -f "$WORK/www/1g.bin"
if [[ $what == all || $what == get ]]; then
  # BEFORE_TREE=DIR reuses a tree of $BEFORE already built with -Pbench (the build alone takes a minute or two)
  # Each side runs in its own JVM (and server process), so they cannot share one: the sides alternate
  # B A A B B A, and each JVM's first two rounds are dropped as warm-up (rates still climb there).
  echo "== /get c=64, Salvo on Netty, buffered: $BEFORE vs this tree (OverheadRatio, 6 processes B A A B B A, 5 rounds of 4 s, rounds 3-5 kept)"
  BTREE="${BEFORE_TREE:-$WORK/before}"
  if [ -z "${BEFORE_TREE:-}" ]; then
    mkdir -p "$BTREE"
    git archive "$BEFORE" | tar -x -C "$BTREE"
    (cd "$BTREE" && mvn -B -q -ntp -Pbench -DskipTests -pl salvo-benchmarks -am package ${BENCH_MVN_ARGS:-} >&2)
  fi
  BJAVA=("$JAVA_HOME/bin/java" $SALVO_JVM_FLAGS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
  : > "$WORK/get-rounds"
  for side in before after after before before after; do
    if [ "$side" = before ]; then
      out=$(cd "$BTREE" && "${BJAVA[@]}" -cp "salvo-benchmarks/target/classes:salvo-benchmarks/target/lib/*" \
        dev.salvo.benchmarks.OverheadRatio 64 4 5 /get netty)
    else
      out=$("${BJAVA[@]}" -cp "$CP" dev.salvo.benchmarks.OverheadRatio 64 4 5 /get netty)
    fi
    echo "$out" | grep '^round' | sed "s/^/$side /" | tee -a "$WORK/get-rounds"
  done
  awk '$3 >= 3 { sub(":", "", $3); n[$1]++; v[$1, n[$1]] = $(NF - 1) }
    function median(side,   i, j, t, a) { for (i = 1; i <= n[side]; i++) a[i] = v[side, i];
      for (i = 1; i <= n[side]; i++) for (j = i + 1; j <= n[side]; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return a[int((n[side] + 1) / 2)] }
    END { b = median("before"); a = median("after");
      printf "salvo req/s, median of %d kept rounds: before %.0f, after %.0f; after / before = %.3f\n", n["after"], b, a, a / b }' \
    "$WORK/get-rounds"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
