# Sourced by the bench scripts that run code from salvo-benchmarks: finds the JDK, builds the module
# (profile bench) and sets CP (its class path) and JAVA (an array: the java command with the flags
# Netty wants, logs at warn). EXTRA_JAVA_FLAGS, if set before sourcing, go after those flags.
. bin/find-jdk.sh
mvn -B -q -ntp -Pbench -DskipTests -pl salvo-benchmarks -am package ${BENCH_MVN_ARGS:-} >&2
CP="salvo-benchmarks/target/classes:salvo-benchmarks/target/lib/*"
# shellcheck disable=SC2206
JAVA=("$JAVA_HOME/bin/java" $SALVO_JVM_FLAGS ${EXTRA_JAVA_FLAGS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
