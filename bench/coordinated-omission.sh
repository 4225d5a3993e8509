#!/usr/bin/env bash
# Coordinated omission in one picture: salvo bench in the open model (1000 req/s, 4 slots, 5 s)
# against the embedded server's /fault/stall-once/1000, which freezes once for one second.
# Prints the report and writes the latency-by-percentile chart (corrected vs uncorrected) to
# docs/img/coordinated-omission.svg. Needs the jars: ./build package (or MVN_ARGS for the build here).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18082}
. bench/salvo-java.sh
salvo_build
work=$(mktemp -d /tmp/salvo-co.XXXXXX)
$SALVO_JAVA -cp "$SALVO_CP" dev.salvo.server.ServerMain --port "$PORT" --quiet > "$work/server.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$work/server.out" 2>/dev/null && break; sleep 0.1; done
$SALVO_JAVA -cp "$SALVO_CP" dev.salvo.cli.bench.BenchCommand -R 1000 -c 4 -d 5s --warmup 0s \
  --html "$work/co.html" "http://127.0.0.1:$PORT/fault/stall-once/1000?key=$RANDOM"
mkdir -p docs/img
python3 - "$work/co.html" docs/img/coordinated-omission.svg <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
open(sys.argv[2], "w", encoding="utf-8").write('<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n")
PY
echo "wrote docs/img/coordinated-omission.svg" >&2
