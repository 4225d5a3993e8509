#!/usr/bin/env bash
# Installs the outside programs the tests drive (curl, ab, h2load, chromium, tmux) when they are missing.
# Debian packages only; runs `apt-get update` once, and only when something is missing.
set -euo pipefail
need=()
command -v curl >/dev/null 2>&1     || need+=(curl)
command -v ab >/dev/null 2>&1       || need+=(apache2-utils)
command -v h2load >/dev/null 2>&1   || need+=(nghttp2-client)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v tmux >/dev/null 2>&1     || need+=(tmux)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Tests want: ${need[*]} (Debian packages); install them, or the tests that drive them will fail." >&2
  exit 0
fi
echo "Installing test tools: ${need[*]}" >&2
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
