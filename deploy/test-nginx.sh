#!/usr/bin/env bash
# `npm run test:nginx`: the production checks (@nginx: headers, status codes, one URL per
# page, the app under the CSP through first loads and moves, and the first-tap flows,
# plain and on a slow phone) against dist/ served by
# nginx (deploy/serve-nginx.sh) on a free loopback port. The other flows ran against
# dist/ already in `npm test`: what nginx changes is routing, headers and the CSP. nginx is stopped
# whatever the outcome; the exit code is Playwright's.
#
# The browser's CSP violation reports are collected too (QARI_NGINX_CSP_LOG) and printed at
# the end, for the whole run, not only for the @nginx checks.
#
#   npm run test:nginx
#   npm run test:nginx -- --project=phone      # more Playwright arguments
set -uo pipefail
cd "$(dirname "$0")/.."

# A free port from 8080 up (4173 and below belong to the other test servers).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT="${PORT:-}"
if [ -z "$PORT" ]; then
  for candidate in $(seq 8080 8180); do
    if port_free "$candidate"; then PORT=$candidate; break; fi
  done
fi
if [ -z "$PORT" ]; then
  echo "test-nginx: no free port in 8080-8180" >&2
  exit 1
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/qari-test-nginx.XXXXXX")"
CSP_LOG="$WORK/csp-reports.log"
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  SERVER_PID=""
}
trap 'stop_server; rm -rf "$WORK"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PORT="$PORT" QARI_NGINX_CSP_LOG="$CSP_LOG" bash deploy/serve-nginx.sh >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

# Ready when the server prints its URL (it may install nginx or build dist/ first).
ready=0
for _ in $(seq 1 1800); do
  if grep -q '^Qari on nginx:' "$WORK/server.log"; then ready=1; break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  sleep 0.2
done
cat "$WORK/server.log"
if [ "$ready" != 1 ]; then
  echo "test-nginx: nginx did not start" >&2
  exit 1
fi

BASE="http://127.0.0.1:$PORT"
QARI_NGINX=1 PLAYWRIGHT_BASE_URL="$BASE" npx playwright test --project=desktop \
  --grep "@nginx" "$@"
status=$?

stop_server
echo
if [ -s "$CSP_LOG" ]; then
  echo "test-nginx: CSP violations reported by the browser during the run:"
  cat "$CSP_LOG"
else
  echo "test-nginx: no CSP violation reported by the browser during the run."
fi
exit "$status"
