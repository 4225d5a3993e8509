#!/usr/bin/env bash
# NettyTransport vs the JDK transport, closed loop on one loopback Netty server, side by side.
#   salvo-netty/bench/run.sh [concurrency seconds warmupSeconds rounds bodyBytes]   (default 64 10 3 3 13)
# Extra JVM flags via JAVA_OPTS, e.g. JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/bench.jfr'.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/find-jdk.sh
command -v mvn >/dev/null 2>&1 || { echo "Maven (mvn) is needed: apt-get install -y maven" >&2; exit 1; }
CP_FILE=salvo-netty/target/bench.classpath
mvn -B -ntp -q -pl salvo-netty -am -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=test >/dev/null 2>&1 || { echo "build failed: run mvn -pl salvo-netty -am test-compile" >&2; exit 1; }
CP="salvo-netty/target/test-classes:salvo-netty/target/classes:salvo-client/target/classes:$(cat "$CP_FILE")"
exec java ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xms512m -Xmx512m -cp "$CP" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn dev.salvo.netty.bench.TransportBenchmark "$@"
