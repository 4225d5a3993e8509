# Sourced by the bench scripts: finds the JDK, builds salvo-cli and its libraries when asked, and
# sets SALVO_CP (the class path) and SALVO_JAVA (the java command with the flags Netty wants).
# MVN_ARGS passes extra arguments to the Maven build; SALVO_JAVA_OPTS extra JVM options (e.g. JFR);
# SALVO_HEAP the heap flags. The default, a fixed 256 MiB heap touched at start, matters on this
# kind of VM: with the JVM's default growing heap a load run takes ~12,000 page faults a second
# (fresh and reclaimed young-generation pages), and on a busy host each costs enough to cut
# salvo's requests/s several times; pre-touched, ~450 a second (docs/benchmarks/bench.md).
. bin/find-jdk.sh
salvo_build() {
  echo "Building salvo-cli…" >&2
  # shellcheck disable=SC2086
  mvn -B -q -ntp -DskipTests package -pl salvo-cli -am ${MVN_ARGS:-} >&2
}
SALVO_CP="salvo-cli/target/salvo-cli.jar:salvo-cli/target/lib/*"
# SALVO_JVM_FLAGS (from find-jdk.sh): Netty's native transport and unsafe buffers, without the JDK 24+ warnings.
SALVO_JAVA="$JAVA_HOME/bin/java $SALVO_JVM_FLAGS ${SALVO_HEAP:--Xms256m -Xmx256m -XX:+AlwaysPreTouch} ${SALVO_JAVA_OPTS:-}"
