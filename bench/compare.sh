#!/usr/bin/env bash
# Load generators side by side in one run, against nginx serving a small static file on loopback:
# wrk, h2load --h1, hey, ab -k and salvo bench, with the same connections and duration.
# Prints requests/s and p99 for each, and salvo's ratios to the others.
#
#   bench/compare.sh                      # 64 connections, 10 s each
#   CONNECTIONS=32 DURATION=5 bench/compare.sh
#   SALVO_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/bench.jfr' bench/compare.sh   # profile salvo
#   bench/compare.sh h2                   # HTTP/2 (issue 13): h2load -c 4 -m 32 vs salvo bench --http2 -c 4 --streams 32
#
# h2 mode: nginx listens with http2 on cleartext (h2c with prior knowledge, as nginx before 1.25
# does on a plain port: no HTTP/1.1 there), the tools are h2load and salvo, CONNECTIONS defaults to
# 4, STREAMS (streams per connection: h2load's -m, salvo bench's --streams) to 32 and salvo's
# WARMUP to 20s: its HTTP/2 path (frame codec, HPACK, a child channel per stream) takes that long
# to reach full speed on a busy 2-core machine, where 2s of HTTP/1.1 warm-up are enough.
#
# Knobs (environment): CONNECTIONS (64), DURATION seconds (10), THREADS for the tools that take a
# thread count (1), NGINX_WORKERS (1), PORT (18080), WARMUP for salvo (2s; the C and Go tools need
# none), TOOLS (the tools to run), ROUNDS (3: every tool runs once per round, each round starting one
# tool later, and the table shows the median of the rounds), MVN_ARGS (extra Maven arguments for the build).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-h1}
case $MODE in
  h1) CONNECTIONS=${CONNECTIONS:-64}; TOOLS=${TOOLS:-"wrk h2load hey ab salvo"} ;;
  h2) CONNECTIONS=${CONNECTIONS:-4}; TOOLS=${TOOLS:-"h2load salvo"}; WARMUP=${WARMUP:-20s} ;;
  *) echo "usage: bench/compare.sh [h1|h2]" >&2; exit 2 ;;
esac
STREAMS=${STREAMS:-32}
DURATION=${DURATION:-10}
THREADS=${THREADS:-1}
NGINX_WORKERS=${NGINX_WORKERS:-1}
PORT=${PORT:-18080}
WARMUP=${WARMUP:-2s}
ROUNDS=${ROUNDS:-3}

install_missing() {
  local need=()
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
  command -v hey >/dev/null 2>&1 || need+=(hey)
  command -v ab >/dev/null 2>&1 || need+=(apache2-utils)
  command -v h2load >/dev/null 2>&1 || need+=(nghttp2-client)
  [ ${#need[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "compare.sh needs: ${need[*]} (Debian packages); install them first." >&2
    exit 1
  fi
  echo "Installing ${need[*]}…" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

. bench/salvo-java.sh

work=$(mktemp -d /tmp/salvo-compare.XXXXXX)
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
stop_nginx() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap stop_nginx EXIT

start_nginx() {
  mkdir -p "$work/www" "$work/tmp"
  chmod 755 "$work" "$work/www"   # nginx workers run as an unprivileged user
  head -c 256 /dev/zero | tr '\0' 'x' > "$work/www/hello.txt"
  cat > "$work/nginx.conf" <<CONF
worker_processes $NGINX_WORKERS;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  keepalive_requests 100000000;
  $nginx_h2
  server { listen 127.0.0.1:$PORT$listen_flags; root $work/www; }
}
CONF
  "$nginx_bin" -c "$work/nginx.conf" -p "$work"
  for _ in $(seq 50); do curl -fs $curl_flags "http://127.0.0.1:$PORT/hello.txt" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "nginx did not start: $(cat "$work/error.log")" >&2
  exit 1
}

# "<value><unit>" (us, ms, s) → milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'; }

url="http://127.0.0.1:$PORT/hello.txt"
if [ "$MODE" = h2 ]; then
  # the server's SETTINGS_MAX_CONCURRENT_STREAMS = STREAMS: salvo's pool, which opens another
  # connection only when the open ones are full, then spreads the load over CONNECTIONS × STREAMS
  # as h2load does (with nginx's default of 128 it would carry 4 × 32 streams on one connection)
  listen_flags=" http2"; curl_flags="--http2-prior-knowledge"; nginx_h2="http2_max_concurrent_streams $STREAMS;"
  h2load_flags="-m $STREAMS"; salvo_flags="--http2 --streams $STREAMS"
else
  listen_flags=""; curl_flags=""; nginx_h2=""; h2load_flags="--h1"; salvo_flags=""
fi
declare -A RPS P99 CMD ALL_RPS ALL_P99 ALL_CPU

# CPU time per request, a figure that a busy machine disturbs far less than requests/s: perf stat
# counts the tool's task-clock over a window in the middle of its run (after salvo's warmup).
# $1 = tool, $2 = a pgrep -f pattern for its process, $3 = seconds to wait before counting.
cpu_window=$(( DURATION > 4 ? DURATION - 3 : 1 ))
sample_cpu() {
  command -v perf >/dev/null 2>&1 || return 0
  ( sleep "$3"
    local pid; pid=$(pgrep -n -f "$2") || exit 0
    perf stat -x, -e task-clock -p "$pid" -- sleep "$cpu_window" 2> "$work/cpu.$1" >/dev/null || true ) &
}
cpu_per_request() { # $1 = tool; prints µs of CPU per request, or n/a
  local ms; ms=$(awk -F, '/task-clock/ { print $1 }' "$work/cpu.$1" 2>/dev/null)
  rm -f "$work/cpu.$1"
  awk -v ms="$ms" -v rps="${RPS[$1]}" -v w="$cpu_window" 'BEGIN { if (ms == "" || rps + 0 <= 0) print "n/a"; else printf "%.1f", ms * 1000 / (rps * w) }'
}

run_wrk() {
  CMD[wrk]="wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency $url"
  local out; out=$(${CMD[wrk]})
  RPS[wrk]=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  P99[wrk]=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
}
run_h2load() {
  CMD[h2load]="h2load $h2load_flags -t$THREADS -c$CONNECTIONS -D $DURATION $url"
  local out; out=$(${CMD[h2load]})
  RPS[h2load]=$(awk '/^finished in/ { gsub(",", "", $4); print $4 }' <<<"$out")
  P99[h2load]="n/a"   # h2load prints min/max/mean/sd, no percentiles
}
run_hey() {
  CMD[hey]="hey -z ${DURATION}s -c $CONNECTIONS $url"
  local out; out=$(${CMD[hey]})
  RPS[hey]=$(awk '/Requests\/sec:/ { print $2 }' <<<"$out")
  P99[hey]=$(awk '$1 == "99%" && $2 == "in" { printf "%.3f", $3 * 1000 }' <<<"$out")
}
run_ab() {
  CMD[ab]="ab -k -q -c $CONNECTIONS -t $DURATION -n 100000000 $url"
  local out; out=$(${CMD[ab]} 2>&1)
  RPS[ab]=$(awk '/^Requests per second:/ { print $4 }' <<<"$out")
  P99[ab]=$(awk '$1 == "99%" { print $2 }' <<<"$out")
}
run_salvo() {
  local java_cmd="$SALVO_JAVA -cp $SALVO_CP dev.salvo.cli.bench.BenchCommand"
  CMD[salvo]="salvo bench${salvo_flags:+ $salvo_flags} -c $CONNECTIONS -d ${DURATION}s --warmup $WARMUP --threads $THREADS $url"
  # shellcheck disable=SC2086
  $java_cmd $salvo_flags -c "$CONNECTIONS" -d "${DURATION}s" --warmup "$WARMUP" --threads "$THREADS" --json "$work/salvo.json" "$url" \
    > "$work/salvo.txt"
  RPS[salvo]=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rps"])' "$work/salvo.json")
  P99[salvo]=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["latency_ms"]["p99"])' "$work/salvo.json")
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (v[1] == "n/a") print "n/a"; else print v[int((NR + 1) / 2)] }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.2f", a / b; else print "n/a" }'; }

install_missing
salvo_build
start_nginx
echo "Target $url (256 bytes, $([ "$MODE" = h2 ] && echo "h2c, $STREAMS streams per connection" || echo HTTP/1.1)), $CONNECTIONS connections, ${DURATION}s each, $THREADS thread(s) where a tool takes a count, nginx $NGINX_WORKERS worker(s), $(nproc) cores" >&2
read -ra tool_list <<<"$TOOLS"
for round in $(seq "$ROUNDS"); do
  # each round starts one tool later, so that no tool always runs first or last
  shift_by=$(( (round - 1) % ${#tool_list[@]} ))
  for tool in "${tool_list[@]:shift_by}" "${tool_list[@]:0:shift_by}"; do
    echo "round $round: $tool…" >&2
    case $tool in
      salvo) sample_cpu salvo "dev.salvo.cli.bench.BenchCommand" "$(( ${WARMUP%s} + 2 ))" ;;
      *) sample_cpu "$tool" "^$tool " 1 ;;
    esac
    "run_$tool"
    wait
    cpu=$(cpu_per_request "$tool")
    ALL_CPU[$tool]="${ALL_CPU[$tool]:-} $cpu"
    echo "  ${RPS[$tool]} req/s, p99 ${P99[$tool]} ms, $cpu µs CPU per request" >&2
    ALL_RPS[$tool]="${ALL_RPS[$tool]:-} $(printf '%.0f' "${RPS[$tool]}")"
    ALL_P99[$tool]="${ALL_P99[$tool]:-} ${P99[$tool]}"
    sleep 1
  done
done
for tool in $TOOLS; do
  RPS[$tool]=$(median <<<"${ALL_RPS[$tool]}")
  P99[$tool]=$(median <<<"${ALL_P99[$tool]}")
done

printf '\nmedian of %s round(s)\n%-8s %12s %10s %14s   %-26s %s\n' "$ROUNDS" tool "requests/s" "p99 (ms)" "CPU µs/req" "all rounds (req/s)" command
for tool in $TOOLS; do
  printf '%-8s %12.0f %10s %14s   %-26s %s\n' "$tool" "${RPS[$tool]}" "${P99[$tool]}" "$(median <<<"${ALL_CPU[$tool]}")" \
    "${ALL_RPS[$tool]# }" "${CMD[$tool]}"
done
if [[ " $TOOLS " == *" salvo "* ]]; then
  echo
  for tool in $TOOLS; do
    [ "$tool" = salvo ] && continue
    echo "salvo / $tool = $(ratio "${RPS[salvo]}" "${RPS[$tool]}")"
  done
  if [ "$MODE" = h2 ]; then
    echo "goal: salvo / h2load >= 0.9"
  else
    echo "goals: salvo / wrk >= 0.9, salvo / hey >= 1.5"
  fi
  echo
  echo "salvo's own report (last round):"
  cat "$work/salvo.txt"
fi
