#!/usr/bin/env bash
# Issue 14: /get at c=64 with a pass-through interceptor and a non-binding rate limit, on ÷ off, one run
# (alternating rounds, ratio of medians; goal >= 0.97). Writes docs/benchmarks/politeness.txt.
# Usage: bench/politeness.sh [transport: netty|jdk] [seconds per round] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/on-off.sh
on_off PolitenessOverhead politeness.txt "$@"
