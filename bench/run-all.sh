#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md, one after another (about 45 minutes on 2 cores).
# Each script prints its own figures; the per-area pages under docs/benchmarks/ say how to read them.
#   ./build bench            all of them
#   ./build bench client     one area: client | netty | server | bench | cli | clients | http2
# (client's all-at-once runs HTTP/1.1 and h2c side by side; http2 adds bench ÷ h2load and the peers on h2c)
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo; echo "######## $1: $2"; shift; bash "$@"; }
area="${1:-all}"
[[ $area == all || $area == client ]]  && run client  bench/client.sh all
[[ $area == all || $area == netty ]]   && run netty   salvo-netty/bench/run.sh 64 10 3 3
[[ $area == all || $area == server ]]  && { run server salvo-server/scripts/bench-vs-nginx.sh 5; run server salvo-server/scripts/bench-strategies.sh 1; }
[[ $area == all || $area == bench ]]   && run bench   bench/compare.sh
[[ $area == all || $area == cli ]]     && run cli     salvo-cli/scripts/fetch-10k.sh
[[ $area == all || $area == clients ]] && run clients bench/clients.sh
[[ $area == all || $area == http2 ]]   && { run http2 bench/compare.sh h2; run http2 bench/clients.sh --http2; }
exit 0
