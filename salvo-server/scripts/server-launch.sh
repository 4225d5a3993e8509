# Sourced by the benchmark scripts: builds salvo-server once and starts/stops ServerMain.
#   salvo_server_build               compile + package salvo-server, write its runtime classpath
#   salvo_server_start PORT ARGS...  start ServerMain in the background (quiet), wait until it answers
#   salvo_server_stop                stop the server started last (by its pid)
# Needs: bash, curl, a JDK >= 21 (found by bin/find-jdk.sh), Maven.
SALVO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SALVO_SERVER_PID=""

salvo_server_build() {
  ( cd "$SALVO_ROOT" && . bin/find-jdk.sh && \
    mvn -B -ntp -q -pl salvo-server package -DskipTests && \
    mvn -B -ntp -q -pl salvo-server dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime ) \
    || { echo "build of salvo-server failed" >&2; return 1; }
  SALVO_CP="$SALVO_ROOT/salvo-server/target/classes:$(cat "$SALVO_ROOT/salvo-server/target/runtime-classpath.txt")"
  ( cd "$SALVO_ROOT" && . bin/find-jdk.sh && echo "$JAVA_HOME" ) > "$SALVO_ROOT/salvo-server/target/java-home.txt"
  SALVO_JAVA="$(cat "$SALVO_ROOT/salvo-server/target/java-home.txt")/bin/java"
}

salvo_server_start() {
  local port="$1"; shift
  "$SALVO_JAVA" -Xms256m -Xmx512m --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -cp "$SALVO_CP" dev.salvo.server.ServerMain --port "$port" --quiet "$@" \
    >"$SALVO_ROOT/salvo-server/target/bench-server.log" 2>&1 &
  SALVO_SERVER_PID=$!
  for _ in $(seq 1 300); do   # up to 30 s: a loaded 2-core machine starts a JVM slowly
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/get" && return 0
    sleep 0.1
  done
  echo "server on port $port did not start; its output:" >&2
  cat "$SALVO_ROOT/salvo-server/target/bench-server.log" >&2
  salvo_server_stop
  return 1
}

salvo_server_stop() {
  if [ -n "$SALVO_SERVER_PID" ]; then
    kill "$SALVO_SERVER_PID" 2>/dev/null || true
    wait "$SALVO_SERVER_PID" 2>/dev/null || true
    SALVO_SERVER_PID=""
  fi
}
