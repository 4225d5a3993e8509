#!/usr/bin/env bash
# Benchmark: `salvo fetch` over a long URL list (default 100,000 × /get) against `salvo serve --quiet`
# on loopback, the way a user runs it: -c 64 and -c 256, seed lines to /dev/null and --jsonl to a file.
# Figures per run: Total time, URLs per second, failures, the client's peak RSS (bounded: fetch keeps
# only requests and statuses; the last run caps the heap at 96 MB to show it) and CPU. Side by side in one run, so the ratios compare.
#   salvo-cli/scripts/fetch-list.sh [count=100000] [transport=netty]
set -euo pipefail
count="${1:-100000}"
transport="${2:-netty}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. bin/find-jdk.sh
./salvo --version >/dev/null # builds on first use
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time: apt-get install -y time" >&2; exit 1; }

OUT="$(mktemp -d "${TMPDIR:-/tmp}/salvo-fetch-list.XXXXXX")"
. salvo-cli/scripts/serve-quiet.sh # sets $base; stops the server on exit
awk -v n="$count" -v u="$base/get" 'BEGIN { for (i = 0; i < n; i++) print u }' > "$OUT/urls.txt"

echo "salvo fetch over $count x $base/get, --transport $transport, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %10s %10s %9s %10s %12s\n' "run" "Total" "URLs/s" "failures" "peak RSS" "CPU u+s"
run() { # $1 = label, rest = fetch flags
  local label="$1"; shift
  set +e
  /usr/bin/time -f "%M %U %S" -o "$OUT/time.txt" ./salvo fetch -f "$OUT/urls.txt" --transport "$transport" "$@" \
    >"$OUT/out.txt" 2>"$OUT/err.txt"
  set -e
  local total failures rss user sys
  total=$(sed -n 's/^Total time: //p' "$OUT/out.txt")
  if [ -z "$total" ]; then # --jsonl - replaces the lines: count its objects instead
    total="?"
    failures=$(grep -c '"error":"' "$OUT/out.txt" || true)
  else
    failures=$(grep -c ' error: ' "$OUT/out.txt" || true)
  fi
  read -r rss user sys < <(tail -n 1 "$OUT/time.txt") # (a failed run adds a first line)
  if grep -q OutOfMemoryError "$OUT/err.txt"; then failures="OOM"; fi
  local rate="?"
  [ "$total" != "?" ] && rate=$(awk -v n="$count" -v t="$total" 'BEGIN { printf "%.0f", n / t }')
  printf '%-34s %9ss %10s %9s %8d MB %11.1fs\n' "$label" "$total" "$rate" "$failures" $((rss / 1024)) \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
}
run "-c 64 (seed lines)" -c 64
run "-c 256 (seed lines)" -c 256
run "-c 256 --jsonl FILE" -c 256 --jsonl "$OUT/results.jsonl"
run "-c 256 --max-per-host 16" -c 256 --max-per-host 16
# the JVM's default heap is a quarter of the RAM and it grows into it lazily; a small cap shows what is needed
SALVO_JAVA_OPTS="${SALVO_JAVA_OPTS:-} -Xmx96m" run "-c 256 --jsonl FILE, -Xmx96m" -c 256 --jsonl "$OUT/results.jsonl"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); outputs in $OUT"
