#!/usr/bin/env bash
# Drives a running Salvo server with curl and ab and checks the answers.
#   salvo-server/scripts/interop.sh PORT        (server on 127.0.0.1:PORT, default config)
# Installs curl and apache2-utils (ab) from Debian when missing. Exit 0 when every check passes;
# otherwise prints each failed check and exits 1. Run by InteropScriptTest in CI.
set -uo pipefail
PORT="${1:?usage: interop.sh PORT}"
BASE="http://127.0.0.1:$PORT"

need=()
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v ab >/dev/null 2>&1 || need+=(apache2-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "interop: installing ${need[*]}" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "interop: cannot install ${need[*]}" >&2; exit 1; }
fi

failures=0
check() { # check NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$3]"; failures=$((failures + 1)); fi
}
contains() { # contains NAME NEEDLE HAYSTACK
  if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: [$2] not in [${3:0:300}]"; failures=$((failures + 1)); fi
}
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

# --- curl ---
contains "GET /get echoes the url"        "\"url\":\"$BASE/get?a=1\"" "$(curl -s --max-time 10 "$BASE/get?a=1")"
check    "HEAD /get"                      "200" "$(status -I "$BASE/get")"
check    "POST /get is 405"               "405" "$(status -X POST "$BASE/get")"
contains "POST /post echoes json"         '"json":{"test":"someData"}' \
         "$(curl -s --max-time 10 -H 'Content-Type: application/json' -d '{"test":"someData"}' "$BASE/post")"
contains "POST /post form"                '"form":{"a":"1","b":"two words"}' "$(curl -s --max-time 10 -d 'a=1&b=two+words' "$BASE/post")"
echo "file body" > "$TMP/upload.txt"
contains "POST /post multipart file"      '"files":{"f":"file body\n"}' "$(curl -s --max-time 10 -F "f=@$TMP/upload.txt" "$BASE/post")"
check    "invalid JSON is 400"            "400" "$(status -H 'Content-Type: application/json' -d '{bad' "$BASE/post")"
check    "PUT /anything/x"                "200" "$(status -X PUT -d x "$BASE/anything/x")"
check    "status 418"                     "418" "$(status "$BASE/status/418")"
check    "status out of range is 400"     "400" "$(status "$BASE/status/600")"
check    "delay 0.2"                      "200" "$(status "$BASE/delay/0.2")"
check    "delay over max is 400"          "400" "$(status "$BASE/delay/60")"
check    "bytes/1024 length"              "1024" "$(curl -s --max-time 10 "$BASE/bytes/1024" | wc -c | tr -d ' ')"
check    "stream-bytes/5000 length"       "5000" "$(curl -s --max-time 10 "$BASE/stream-bytes/5000?chunk_size=700" | wc -c | tr -d ' ')"
check    "stream/5 lines"                 "5" "$(curl -s --max-time 10 "$BASE/stream/5" | wc -l | tr -d ' ')"
check    "drip"                           "*****" "$(curl -s --max-time 10 "$BASE/drip?duration=0.3&delay=0&numbytes=5")"
check    "redirect chain ends at /get"    "$BASE/get" "$(curl -s -o /dev/null -L -w '%{url_effective}' --max-time 10 "$BASE/redirect/3")"
contains "gzip decodes"                   '"gzipped":true' "$(curl -s --compressed --max-time 10 "$BASE/gzip")"
contains "deflate decodes"                '"deflated":true' "$(curl -s --compressed --max-time 10 "$BASE/deflate")"
check    "basic auth ok"                  "200" "$(status -u user:pass "$BASE/basic-auth/user/pass")"
check    "basic auth wrong"               "401" "$(status -u user:nope "$BASE/basic-auth/user/pass")"
contains "cookies round trip"             '"k":"v"' "$(curl -s -L -c "$TMP/jar" -b "$TMP/jar" --max-time 10 "$BASE/cookies/set?k=v")"
check    "etag 304"                       "304" "$(status -H 'If-None-Match: "e1"' "$BASE/etag/e1")"
check    "expensive function"             "Howdy!" "$(curl -s --max-time 10 "$BASE/?cost=0.05" | tr -d '\r\n')"
contains "books"                          '"totalItems":1' "$(curl -s --max-time 10 "$BASE/books/v1/volumes?q=isbn:9780930289232")"
check    "books bad q"                    "400" "$(status "$BASE/books/v1/volumes?q=nope")"
KEY=$(curl -s --max-time 10 -d 'username=admin&password=pw' "$BASE/services/auth/login" | sed -n 's:.*<sessionKey>\(.*\)</sessionKey>.*:\1:p')
SID=$(curl -s --max-time 10 -H "Authorization: Splunk $KEY" -d 'search=search * | head 5&exec_mode=blocking' "$BASE/services/search/jobs" | sed -n 's:.*<sid>\(.*\)</sid>.*:\1:p')
check    "search results rows"            "5" "$(curl -s --max-time 10 -H "Authorization: Splunk $KEY" "$BASE/services/search/jobs/$SID/results" | grep -c '<result ')"
check    "search cancel"                  "200" "$(status -H "Authorization: Splunk $KEY" -d action=cancel "$BASE/services/search/jobs/$SID/control")"
check    "search without session is 401"  "401" "$(status -d 'search=x' "$BASE/services/search/jobs")"
check    "headers over 16 KiB is 431"     "431" "$(status -H "X-Big: $(head -c 17000 /dev/zero | tr '\0' a)" "$BASE/get")"
head -c 2000000 /dev/zero > "$TMP/big"
check    "body over max is 413"           "413" "$(status -H 'Content-Type: application/octet-stream' --data-binary "@$TMP/big" "$BASE/post")"

# --- ab ---
ab_check() { # ab_check NAME EXPECTED_COMPLETE AB_ARGS...
  local name="$1" n="$2"; shift 2
  local out; out=$(ab -q "$@" 2>&1)
  contains "$name: complete"  "Complete requests:      $n" "$out"
  contains "$name: no failures" "Failed requests:        0" "$out"
  if [[ "$out" == *"Non-2xx responses"* ]]; then echo "FAIL $name: non-2xx responses"; failures=$((failures + 1)); fi
}
ab_check "ab /get"                     500 -c 10 -n 500 "$BASE/get"
ab_check "ab keep-alive /get"          500 -k -c 10 -n 500 "$BASE/get"
ab_check "ab expensive function"       20  -c 4 -n 20 "$BASE/?cost=0.02"
echo '{"test":"someData"}' > "$TMP/body.json"
ab_check "ab POST json"                100 -c 5 -n 100 -p "$TMP/body.json" -T application/json "$BASE/post"

echo "interop: $failures failure(s)"
[ "$failures" -eq 0 ]
