#!/usr/bin/env bash
# Requests/s of Salvo's server on /get vs nginx serving a small static file, same machine, one run.
#   salvo-server/scripts/bench-vs-nginx.sh [ROUNDS]      (default 3 rounds, alternating, 10 s each)
# Each round: wrk -t2 -c64 -d10s against nginx, then against Salvo (ASYNC strategy, epoll).
# Prints a markdown table with every round, the medians and the ratio Salvo/nginx (goal >= 0.8).
# Installs wrk and nginx from Debian when missing. Loopback only; everything it starts is stopped.
set -euo pipefail
ROUNDS="${1:-3}"
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
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /get { default_type application/json; alias $WORK/get.json; }
  }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" >/dev/null 2>&1 &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$NGINX_PORT/get" && break; sleep 0.1; done

rps() { wrk -t2 -c64 -d"$2" "$1" | awk '/Requests\/sec/ {print $2}'; }
echo "warming up (JIT) ..." >&2
rps "http://127.0.0.1:$SALVO_PORT/get" 5s >/dev/null
rps "http://127.0.0.1:$NGINX_PORT/get" 2s >/dev/null

nginx_all=(); salvo_all=()
echo "| round | nginx req/s | salvo req/s | ratio |"
echo "|---|---|---|---|"
for r in $(seq 1 "$ROUNDS"); do
  n=$(rps "http://127.0.0.1:$NGINX_PORT/get" 10s)
  s=$(rps "http://127.0.0.1:$SALVO_PORT/get" 10s)
  nginx_all+=("$n"); salvo_all+=("$s")
  echo "| $r | $n | $s | $(awk -v a="$s" -v b="$n" 'BEGIN {printf "%.2f", a / b}') |"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mn=$(median "${nginx_all[@]}"); ms=$(median "${salvo_all[@]}")
echo "| median | $mn | $ms | $(awk -v a="$ms" -v b="$mn" 'BEGIN {printf "%.2f", a / b}') |"
echo
echo "response: $(wc -c < "$WORK/get.json") bytes of JSON; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
