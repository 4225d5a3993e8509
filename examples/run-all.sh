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
run() { "$JAVA_HOME/bin/java" $SALVO_JVM_FLAGS -cp "$cp" "$@"; }
for example in FirstRequest FanOut Gather Batches BlockingLibrary StreamingDownload; do
  echo "== $example"
  run "dev.salvo.examples.$example" "$@"
done
# the README's Hello, against a server of its own (EmbeddedServer serves until its stdin ends)
echo "== Hello (the README's program)"
if [ $# -gt 0 ]; then
  run Hello "$1"
else
  coproc SERVER { run dev.salvo.examples.EmbeddedServer; }
  server_in=${SERVER[1]}
  read -r base <&"${SERVER[0]}"
  run Hello "$base"
  exec {server_in}>&-   # end its stdin: it stops
  wait "$SERVER_PID"
fi
echo "all examples ran"
