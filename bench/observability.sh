#!/usr/bin/env bash
# Issue 15: /get at c=64 with Micrometer metrics and OpenTelemetry tracing (SDK, every call sampled, batch
# processor to a counting no-op exporter) on ÷ off, one run (each client in a JVM of its own, one server;
# two 10 s warm-ups of each; rounds alternate which side goes first; ratio of medians; goal >= 0.95).
# Writes docs/benchmarks/observability.txt; with WHAT metrics or tracing, only that one is on, into
# docs/benchmarks/observability-WHAT.txt.
# Usage: bench/observability.sh [transport: netty|jdk] [seconds per round] [rounds] [WHAT: both|metrics|tracing]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/on-off.sh
what="${4:-both}"
on_off ObservabilityOverhead "observability$([[ $what == both ]] || echo "-$what").txt" "${1:-netty}" "${2:-5}" "${3:-5}" "$what"
