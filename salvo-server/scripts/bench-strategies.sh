#!/usr/bin/env bash
# Seed 003's experiment on Salvo's server: the five strategies under ab, I/O-bound and CPU-bound.
#   salvo-server/scripts/bench-strategies.sh [COST]     (seconds per request, default 1 as in the seed)
# For each kind (io, cpu) and strategy (sync, blocking, async, threads with 5, cpu): start the server,
# run `ab -c 2 -n 10` and `ab -c 10 -n 50` on "/?cost=COST&kind=KIND", and print a markdown table
# of requests/s. Installs ab (apache2-utils) when missing. Takes about 7 minutes with COST=1.
set -euo pipefail
COST="${1:-1}"
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/server-launch.sh"
PORT=18482
if ! command -v ab >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends apache2-utils >/dev/null
fi
trap 'salvo_server_stop' EXIT
salvo_server_build

rps() { ab -q "$@" 2>&1 | awk '/Requests per second/ {print $4} /Failed requests/ && $3 != 0 {print "FAILED:" $3 > "/dev/stderr"}'; }

echo "| kind | strategy | ab -c 2 -n 10 req/s | ab -c 10 -n 50 req/s |"
echo "|---|---|---|---|"
for kind in io cpu; do
  for strategy in sync blocking async threads cpu; do
    salvo_server_start "$PORT" --strategy "$strategy" --threads 5
    url="http://127.0.0.1:$PORT/?cost=$COST&kind=$kind"
    a=$(rps -c 2 -n 10 "$url")
    b=$(rps -c 10 -n 50 "$url")
    salvo_server_stop
    echo "| $kind | $strategy | $a | $b |"
  done
done
echo
echo "cost $COST s per request; $(nproc) cores; threads pool 5; $(date -u +%Y-%m-%dT%H:%MZ)"
