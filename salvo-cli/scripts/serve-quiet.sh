# Sourced by the fetch benchmarks: starts `./salvo serve --port 0 --quiet` in the background, sets
# $base to its http://127.0.0.1:PORT, and stops it when the script exits. Needs $OUT (a directory)
# and the repository root as the current directory.
server_pid=""
# SIGTERM: a background job of a non-interactive shell ignores SIGINT; the JVM stops cleanly on both
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap stop_server EXIT

./salvo serve --port 0 --quiet 2>"$OUT/serve.err" &
server_pid=$!
for _ in $(seq 1 200); do
  grep -q '^Serving on ' "$OUT/serve.err" && break
  sleep 0.1
done
base=$(sed -n 's|^Serving on \(http://[^ ]*\)/ .*|\1|p' "$OUT/serve.err" | head -n 1)
[ -n "$base" ] || { echo "salvo serve did not start:" >&2; cat "$OUT/serve.err" >&2; exit 1; }
