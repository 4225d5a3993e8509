#!/usr/bin/env bash
# Issue 14: /get at c=64 with a pass-through interceptor and a non-binding rate limit, on ÷ off, one run
# (alternating rounds, ratio of medians; goal >= 0.97). Writes docs/benchmarks/politeness.txt.
# Usage: bench/politeness.sh [transport: netty|jdk] [seconds per round] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/benchmarks-java.sh
mkdir -p docs/benchmarks
{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  "${JAVA[@]}" -cp "$CP" dev.salvo.benchmarks.PolitenessOverhead 64 "${2:-5}" "${3:-5}" /get "${1:-netty}"
} | tee docs/benchmarks/politeness.txt
