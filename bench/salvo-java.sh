# Sourced by the bench scripts: finds the JDK, builds salvo-cli and its libraries when asked, and
# sets SALVO_CP (the class path) and SALVO_JAVA (the java command with the flags Netty wants).
# MVN_ARGS passes extra arguments to the Maven build; SALVO_JAVA_OPTS extra JVM options (e.g. JFR).
. bin/find-jdk.sh
salvo_build() {
  echo "Building salvo-cli…" >&2
  # shellcheck disable=SC2086
  mvn -B -q -ntp -DskipTests package -pl salvo-cli -am ${MVN_ARGS:-} >&2
}
SALVO_CP="salvo-cli/target/salvo-cli.jar:salvo-cli/target/lib/*"
# Netty's native transport and unsafe buffers, without the JDK 24+ warnings; older JDKs lack the flags.
SALVO_JAVA="$JAVA_HOME/bin/java"
if "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  SALVO_JAVA="$SALVO_JAVA --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
fi
SALVO_JAVA="$SALVO_JAVA ${SALVO_JAVA_OPTS:-}"
