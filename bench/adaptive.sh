#!/usr/bin/env bash
# Issue 14: adaptive concurrency converging on /capacity/N; writes docs/benchmarks/adaptive.html
# (self-contained SVG) and prints the settled figure. Usage: bench/adaptive.sh [N] [calls] [work]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
mvn -B -q -ntp -o -Pbench -DskipTests -pl salvo-benchmarks -am package >&2
CP="salvo-benchmarks/target/classes:salvo-benchmarks/target/lib/*"
# shellcheck disable=SC2206
JAVA=("$JAVA_HOME/bin/java" $SALVO_JVM_FLAGS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
mkdir -p docs/benchmarks
"${JAVA[@]}" -cp "$CP" dev.salvo.benchmarks.AdaptiveReport "${1:-16}" "${2:-4000}" "${3:-20ms}" docs/benchmarks/adaptive.html
