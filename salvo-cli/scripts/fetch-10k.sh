#!/usr/bin/env bash
# Benchmark: `salvo fetch -f FILE --mode async -c 10000` with 10,000 lines of /delay/1 against
# `salvo serve` on loopback. Goal: printed Total time <= 1.5 s, zero failures.
#   salvo-cli/scripts/fetch-10k.sh [runs=3] [count=10000] [transport=netty]
# Prints one line per run and the median; the raw output of each run goes to $OUT (a temp dir).
set -euo pipefail
runs="${1:-3}"
count="${2:-10000}"
transport="${3:-netty}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

# 10,000 sockets on each side (plus the JVMs' own files): raise the open-files limit as far as allowed.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((count + 1000)) ]; then
  echo "open-files limit $(ulimit -n) is below $((count + 1000)); raise it (ulimit -Hn) to run $count at once" >&2
  exit 1
fi
. bin/find-jdk.sh
java_major=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
if [ "${java_major:-21}" -ge 24 ]; then # Netty's Unsafe and native-library use, without JDK warnings
  export SALVO_JAVA_OPTS="${SALVO_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
fi
./salvo --version >/dev/null # builds on first use

OUT="$(mktemp -d "${TMPDIR:-/tmp}/salvo-fetch-10k.XXXXXX")"
. salvo-cli/scripts/serve-quiet.sh # sets $base; stops the server on exit

urls="$OUT/urls.txt"
for _ in $(seq 1 "$count"); do echo "$base/delay/1"; done > "$urls"

echo "salvo fetch -f urls.txt --mode async -c $count --transport $transport  ($count x $base/delay/1; $(nproc) cores)"
totals=()
for run in $(seq 1 "$runs"); do
  set +e
  ./salvo fetch -f "$urls" --mode async -c "$count" --transport "$transport" >"$OUT/run$run.out" 2>"$OUT/run$run.err"
  code=$?
  set -e
  total=$(sed -n 's/^Total time: //p' "$OUT/run$run.out")
  failures=$(grep -c ' error: ' "$OUT/run$run.out" || true)
  ok=$(tail -n 1 "$OUT/run$run.out" | grep -o '200' | wc -l)
  echo "run $run: Total time: ${total:-?} s, 200s: $ok, failures: $failures, exit code: $code"
  totals+=("${total:-999}")
done
median=$(printf '%s\n' "${totals[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median Total time: $median s (goal <= 1.5 s, zero failures); outputs in $OUT"
