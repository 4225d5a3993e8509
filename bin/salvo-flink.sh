#!/usr/bin/env bash
# `salvo flink-fetch`: builds salvo-flink (and the modules it needs) on first use and when sources
# changed, then runs the fetch job: on an embedded MiniCluster, or on a cluster with --jobmanager.
# Flink is not in salvo-cli: it is big, and `salvo demo` should not wait for it.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/bin/find-jdk.sh"
jar="$here/salvo-flink/target/salvo-flink-job.jar"
modules=(salvo-client salvo-netty salvo-flink)
stale() { # no job jar yet, or a pom or main source newer than it
  [ -f "$jar" ] || return 0
  local paths=("$here/pom.xml")
  for m in "${modules[@]}"; do paths+=("$here/$m/pom.xml" "$here/$m/src/main"); done
  [ -n "$(find "${paths[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]
}
if stale; then
  echo "Building salvo-flink (first use or sources changed)…" >&2
  (cd "$here" && mvn -B -q -ntp -Dstyle.color=never -DskipTests -pl salvo-flink -am package 2>&1 | sed 's/\x1b\[0m//g' >&2) \
    || { echo "Build failed; run: mvn -pl salvo-flink -am package" >&2; exit 1; }
  touch "$jar"
fi
# Flink's own launcher opens these JDK packages to its serializers; the embedded MiniCluster needs the same
opens=""
for p in java.base/java.util java.base/java.lang java.base/java.lang.invoke java.base/java.net java.base/java.io \
         java.base/java.nio java.base/sun.nio.ch java.base/java.time java.base/java.util.concurrent \
         java.base/java.util.concurrent.atomic; do opens="$opens --add-opens=$p=ALL-UNNAMED"; done
exec "$JAVA_HOME/bin/java" $SALVO_JVM_FLAGS $opens -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 ${SALVO_JAVA_OPTS:-} \
  -cp "$jar:$here/salvo-flink/target/lib/*" dev.salvo.flink.job.FlinkFetchMain "$@"
