#!/usr/bin/env bash
# Issue 14: adaptive concurrency converging on /capacity/N; writes docs/benchmarks/adaptive.html
# (self-contained SVG) and prints the settled figure. Usage: bench/adaptive.sh [N] [calls] [work]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/benchmarks-java.sh
mkdir -p docs/benchmarks
"${JAVA[@]}" -cp "$CP" dev.salvo.benchmarks.AdaptiveReport "${1:-16}" "${2:-4000}" "${3:-20ms}" docs/benchmarks/adaptive.html
