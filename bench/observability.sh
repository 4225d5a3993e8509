#!/usr/bin/env bash
# Issue 15: /get at c=64 with Micrometer metrics and OpenTelemetry tracing (SDK, every call sampled, batch
# processor to a counting no-op exporter) on ÷ off, one run (rounds alternate which side goes first, two
# warm-ups; ratio of medians; goal >= 0.95). Writes docs/benchmarks/observability.txt.
# Usage: bench/observability.sh [transport: netty|jdk] [seconds per round] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/benchmarks-java.sh
mkdir -p docs/benchmarks
{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  "${JAVA[@]}" -cp "$CP" dev.salvo.benchmarks.ObservabilityOverhead 64 "${2:-5}" "${3:-5}" /get "${1:-netty}"
} | tee docs/benchmarks/observability.txt
