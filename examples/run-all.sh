#!/usr/bin/env bash
# Builds this project against the installed dev.salvo artifacts and runs every example against the
# embedded server; fails on the first error. Needs ./build install first (CI does that).
set -euo pipefail
cd "$(dirname "$0")"
. ../bin/find-jdk.sh
# (Maven 3.8 prints bare colour resets even in batch mode: strip them)
mvn -B -q -ntp -Dstyle.color=never compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt 2>&1 \
  | sed 's/\x1b\[0m//g'
cp="target/classes:$(cat target/classpath.txt)"
for example in FirstRequest FanOut Gather Batches BlockingLibrary; do
  echo "== $example"
  "$JAVA_HOME/bin/java" $SALVO_JVM_FLAGS -cp "$cp" "dev.salvo.examples.$example" "$@"
done
echo "all examples ran"
