#!/usr/bin/env bash
# Issue 6: Salvo's client against the Java peers (JDK HttpClient, AsyncHttpClient, Jetty 12, OkHttp,
# Apache HC5 async, Vert.x WebClient) on Salvo's embedded server, concurrency 1/16/64/256, /get and
# /bytes/1024; writes docs/benchmarks/clients.md. A full run takes about 15 minutes on 2 cores.
# Usage: bench/clients.sh [--quick] [--http2] [--reps N] [--requests N] [--warmup SECONDS] [--clients salvo-netty,ahc,...]
#                         [--levels 1,16,64,256] [--paths /get,/bytes/1024] [--out FILE] [--worker-flag JVMFLAG]...
#   --quick  smoke run: one repetition, a tenth of the requests (about two minutes); writes
#            salvo-benchmarks/target/clients-quick.md unless --out says otherwise
#   --warmup before anything is measured, each client runs each path this long at c=min(64, top level) (default 15)
#   --http2  issue 13: every client on h2c to the same server (Salvo and its bare transport, the JDK
#            HttpClient by Upgrade: h2c, Jetty, OkHttp and Vert.x by prior knowledge), c=64 and
#            c=256 on /get by default; writes docs/benchmarks/clients-h2.md
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
mvn -B -q -ntp -Pbench -DskipTests -pl salvo-benchmarks -am package >&2
CP="salvo-benchmarks/target/classes:salvo-benchmarks/target/lib/*"
exec "$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" dev.salvo.benchmarks.peers.ClientsBenchmark \
  --command "bench/clients.sh${*:+ $*}" "$@"
