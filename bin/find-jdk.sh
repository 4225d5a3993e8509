# Sourced by ./salvo and ./build: sets JAVA_HOME to a JDK >= 21 and puts it first on PATH.
# Order: $JAVA_HOME if suitable, then the `java` on PATH, then the newest JDK under /usr/lib/jvm.
# Prints what to install and returns 1 when none is found.

salvo_java_major() { # $1 = path to a java binary; prints its major version or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

salvo_is_jdk() { # $1 = candidate home; a JDK (has javac) of version >= 21; sets SALVO_JAVA_MAJOR
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  SALVO_JAVA_MAJOR=$(salvo_java_major "$1/bin/java")
  [ -n "$SALVO_JAVA_MAJOR" ] && [ "$SALVO_JAVA_MAJOR" -ge 21 ]
}

salvo_find_jdk() {
  local candidate best="" best_v=0 v
  if [ -n "${JAVA_HOME:-}" ] && salvo_is_jdk "$JAVA_HOME"; then return 0; fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if salvo_is_jdk "$candidate"; then export JAVA_HOME="$candidate"; export PATH="$JAVA_HOME/bin:$PATH"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -d "$candidate" ] || continue
    salvo_is_jdk "$candidate" || continue
    v=$SALVO_JAVA_MAJOR
    if [ "$v" -gt "$best_v" ]; then best="$candidate"; best_v="$v"; fi
  done
  if [ -n "$best" ]; then
    SALVO_JAVA_MAJOR=$best_v; export JAVA_HOME="$best"; export PATH="$JAVA_HOME/bin:$PATH"; return 0
  fi
  cat >&2 <<'MSG'
Salvo needs a JDK 21 or newer, and none was found (checked $JAVA_HOME, PATH and /usr/lib/jvm).
Install one, for example:   apt-get install -y openjdk-21-jdk-headless   (or Temurin 21/25)
or point JAVA_HOME at an existing JDK 21+.
MSG
  return 1
}

salvo_find_jdk || return 1 2>/dev/null || exit 1
# JDK 24+ warns when Netty (native transport) or Maven's libraries use restricted/Unsafe APIs:
# allow them explicitly so users see no noise. Older JDKs do not know the Unsafe flag.
SALVO_JVM_FLAGS="--enable-native-access=ALL-UNNAMED"
if [ "$SALVO_JAVA_MAJOR" -ge 24 ]; then
  SALVO_JVM_FLAGS="$SALVO_JVM_FLAGS --sun-misc-unsafe-memory-access=allow"
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
