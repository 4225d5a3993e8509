#!/usr/bin/env bash
# Requests/s of Salvo's server on /get vs nginx serving a small static file, same machine, one run.
#   salvo-server/scripts/bench-vs-nginx.sh [ROUNDS]      (default 5 rounds, alternating, 10 s each)
# Each round: wrk -t2 -c64 -d10s against nginx, then against Salvo (ASYNC strategy, epoll).
# Prints a markdown table with every round (req/s, ratio, and each server's CPU time per request,
# which shared machines disturb less than req/s), the medians and the ratio Salvo/nginx (goal >= 0.8).
# Installs wrk and nginx from Debian when missing. Loopback only; everything it starts is stopped.
set -euo pipefail
ROUNDS="${1:-5}"
LOAD0="$(cut -d" " -f1-3 /proc/loadavg)"
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/server-launch.sh"
NGINX_PORT=18481
SALVO_PORT=18480

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

WORK="$(mktemp -d)"
NGINX_PID=""
cleanup() {
  set +e   # a failing kill/wait must not abort the cleanup and leave nginx running
  salvo_server_stop
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

salvo_server_build
salvo_server_start "$SALVO_PORT"
# the static file nginx serves: Salvo's own /get answer, so both send the same bytes
curl -s "http://127.0.0.1:$SALVO_PORT/get" > "$WORK/get.json"
mkdir -p "$WORK/logs"
cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
daemon off;
error_log $WORK/logs/error.log warn;
pid $WORK/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  open_file_cache max=16 valid=60s;   # no open/fstat/close per request: a fair, tuned nginx
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /get { default_type application/json; alias $WORK/get.json; }
  }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" >/dev/null 2>&1 &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$NGINX_PORT/get" && break; sleep 0.1; done

# server CPU time (user + system, in clock ticks) of a set of pids
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
HZ=$(getconf CLK_TCK)
NGINX_PIDS=("$NGINX_PID" $(pgrep -P "$NGINX_PID"))
# one measured run: prints "req/s server-cpu-µs-per-request"
measure() { # measure URL DURATION PIDS...
  local url="$1" d="$2"; shift 2
  local c0 c1 out
  c0=$(ticks "$@"); out=$(wrk -t2 -c64 -d"$d" "$url"); c1=$(ticks "$@")
  echo "$out" | awk -v c=$((c1 - c0)) -v hz="$HZ" '
    /requests in/ {n = $1} /Requests\/sec/ {r = $2}
    END {printf "%s %.1f\n", r, c / hz * 1e6 / n}'
}
echo "warming up (JIT) ..." >&2
measure "http://127.0.0.1:$SALVO_PORT/get" 5s "$SALVO_SERVER_PID" >/dev/null
measure "http://127.0.0.1:$NGINX_PORT/get" 2s "${NGINX_PIDS[@]}" >/dev/null

ratios=(); nginx_all=(); salvo_all=()
echo "| round | nginx req/s | salvo req/s | ratio | nginx CPU µs/req | salvo CPU µs/req |"
echo "|---|---|---|---|---|---|"
for r in $(seq 1 "$ROUNDS"); do
  read -r n nc < <(measure "http://127.0.0.1:$NGINX_PORT/get" 10s "${NGINX_PIDS[@]}")
  read -r s sc < <(measure "http://127.0.0.1:$SALVO_PORT/get" 10s "$SALVO_SERVER_PID")
  ratio=$(awk -v a="$s" -v b="$n" 'BEGIN {printf "%.2f", a / b}')
  ratios+=("$ratio"); nginx_all+=("$n"); salvo_all+=("$s")
  echo "| $r | $n | $s | $ratio | $nc | $sc |"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "| median | $(median "${nginx_all[@]}") | $(median "${salvo_all[@]}") | $(median "${ratios[@]}") | | |"
echo
echo "response: $(wc -c < "$WORK/get.json") bytes of JSON; $(nproc) cores; load average before: $LOAD0; $(date -u +%Y-%m-%dT%H:%MZ)"
