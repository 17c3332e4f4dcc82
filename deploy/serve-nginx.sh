#!/usr/bin/env bash
# `npm run serve:nginx`: serves dist/ with Debian's nginx and deploy/*.conf on
# http://127.0.0.1:$PORT/ (default 8080), in the foreground, until Ctrl-C / SIGTERM.
#
#   PORT=8090 npm run serve:nginx
#   QARI_DIST=/some/dist npm run serve:nginx   # serve another built folder
#   QARI_NGINX_BROTLI=0 npm run serve:nginx    # no brotli module (gzip only)
#   QARI_NGINX_CSP_LOG=/tmp/csp.log npm run serve:nginx
#       # also logs the browser's CSP violation reports (report-uri) to that file
#
# Installs nginx (and libnginx-mod-http-brotli-static when the archive has it) with apt-get
# when nginx is missing and we are root. Builds dist/ when it is missing. Writes the filled-in
# config, pid file, temp files and access log to a temp folder, removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
PORT="${PORT:-8080}"
HOST=127.0.0.1
DIST="$(realpath -m "${QARI_DIST:-$REPO/dist}")"
BROTLI_PACKAGE=libnginx-mod-http-brotli-static
say() { echo "serve-nginx: $*" >&2; }

case "$PORT" in '' | *[!0-9]*) say "PORT must be a number, got '$PORT'"; exit 2 ;; esac

find_nginx() { command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true; }
has_candidate() { apt-cache policy "$1" 2>/dev/null | grep -E 'Candidate: [^(]' >/dev/null; }
modules_dir() {
  local dir
  dir="$("$1" -V 2>&1 | tr ' ' '\n' | sed -n 's/^--modules-path=//p')"
  echo "${dir:-/usr/lib/nginx/modules}"
}

# Installs packages without letting their scripts start the system nginx on port 80.
apt_install() {
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && made_policy=1
  fi
  local status=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2 || status=$?
  [ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  return "$status"
}

NGINX="$(find_nginx)"
want_brotli=0
if [ "${QARI_NGINX_BROTLI:-1}" != 0 ]; then
  if [ -z "$NGINX" ] || [ ! -f "$(modules_dir "$NGINX")/ngx_http_brotli_static_module.so" ]; then
    want_brotli=1
  fi
fi
if [ -z "$NGINX" ] || [ "$want_brotli" = 1 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    if ! has_candidate nginx; then
      say "apt-get update"
      apt-get update -qq >&2
    fi
    if [ -z "$NGINX" ]; then
      say "installing nginx"
      packages=(nginx)
      if [ "$want_brotli" = 1 ] && has_candidate "$BROTLI_PACKAGE"; then packages+=("$BROTLI_PACKAGE"); fi
      apt_install "${packages[@]}"
      NGINX="$(find_nginx)"
    elif has_candidate "$BROTLI_PACKAGE"; then
      say "installing $BROTLI_PACKAGE"
      apt_install "$BROTLI_PACKAGE" || say "could not install $BROTLI_PACKAGE; serving gzip only"
    fi
  elif [ -z "$NGINX" ]; then
    say "nginx is missing: install it (Debian: apt-get install nginx $BROTLI_PACKAGE) or run this as root"
    exit 1
  fi
fi
if [ -z "$NGINX" ]; then
  say "nginx is still missing after apt-get install"
  exit 1
fi

if [ ! -f "$DIST/index.html" ]; then
  if [ -n "${QARI_DIST:-}" ]; then
    say "$DIST/index.html is missing"
    exit 1
  fi
  say "dist/ is missing: npm run build"
  npm run build >&2
fi

RUNTIME="$(mktemp -d "${TMPDIR:-/tmp}/qari-nginx.XXXXXX")"
chmod 755 "$RUNTIME"
CONF="$RUNTIME/conf"
mkdir -p "$CONF"
NGINX_PID=""
cleanup() {
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -TERM "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  rm -rf "$RUNTIME"
}
trap cleanup EXIT

# Brotli: load the module only when its .so is there.
BROTLI_SO="$(modules_dir "$NGINX")/ngx_http_brotli_static_module.so"
if [ "${QARI_NGINX_BROTLI:-1}" != 0 ] && [ -f "$BROTLI_SO" ]; then
  echo "load_module \"$BROTLI_SO\";" >"$CONF/modules.conf"
  echo "brotli_static on;" >"$CONF/brotli.conf"
  encodings="br, gzip"
else
  echo "# brotli_static module not installed" >"$CONF/modules.conf"
  echo "# brotli_static module not installed" >"$CONF/brotli.conf"
  encodings="gzip"
fi

# Workers run as nobody when started as root and dist/ is readable to it, else as us.
USER_LINE=""
if [ "$(id -u)" = 0 ]; then
  if command -v runuser >/dev/null && runuser -u nobody -- test -r "$DIST/index.html" 2>/dev/null &&
    getent group nogroup >/dev/null; then
    USER_LINE="user nobody nogroup;"
  else
    USER_LINE="user root root;"
  fi
fi

# Fills the placeholders of a deploy/ file. Values are escaped for sed's replacement side.
escape() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }
fill() {
  sed -e "s|@ROOT@|$(escape "$DIST")|g" \
    -e "s|@LISTEN@|$HOST:$PORT|g" \
    -e "s|@CONF_DIR@|$(escape "$CONF")|g" \
    -e "s|@RUNTIME_DIR@|$(escape "$RUNTIME")|g" \
    -e "s|@USER@|$USER_LINE|g" \
    "$1" >"$2"
}
for file in nginx.conf site.conf security-headers.conf mime.types; do
  fill "deploy/$file" "$CONF/$file"
done

if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  say "port $PORT on $HOST is in use: choose another with PORT="
  exit 1
fi
# Testing aid: CSP reports (report-uri) are posted to /__csp-report, which logs their body.
if [ -n "${QARI_NGINX_CSP_LOG:-}" ]; then
  CSP_LOG="$(realpath -m "$QARI_NGINX_CSP_LOG")"
  : >>"$CSP_LOG"
  sed -i '/add_header Content-Security-Policy/s|" always;|; report-uri /__csp-report" always;|' \
    "$CONF/security-headers.conf"
  sed -i "s|^\( *\)include \"$(escape "$CONF")/site.conf\";|\1log_format qari_csp escape=json '\$request_body';\n&|" \
    "$CONF/nginx.conf"
  sed -i '$d' "$CONF/site.conf"
  cat >>"$CONF/site.conf" <<EOF
    location = /__csp-report {
        client_max_body_size 64k;
        client_body_buffer_size 64k;
        access_log "$CSP_LOG" qari_csp;
        proxy_pass http://$HOST:$PORT/__csp-sink;
    }
    location = /__csp-sink {
        access_log off;
        return 204;
    }
}
EOF
fi

NGINX_ARGS=(-p "$RUNTIME/" -c "$CONF/nginx.conf" -e stderr)
"$NGINX" "${NGINX_ARGS[@]}" -t -q
"$NGINX" "${NGINX_ARGS[@]}" -g 'daemon off;' &
NGINX_PID=$!

stop() {
  say "stopping"
  kill -TERM "$NGINX_PID" 2>/dev/null || true
}
trap stop INT TERM HUP

# Ready when the port answers (or nginx has died: then its exit code is ours).
for _ in $(seq 1 100); do
  if ! kill -0 "$NGINX_PID" 2>/dev/null; then break; fi
  if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
    echo "Qari on nginx: http://$HOST:$PORT/  (dist: $DIST; precompressed: $encodings; Ctrl-C stops)"
    break
  fi
  sleep 0.1
done

# `wait` returns early when a trapped signal arrives; wait again until nginx is gone.
# nginx exits 0 after a SIGTERM/SIGINT, so a clean stop is a 0 exit.
while :; do
  status=0
  wait "$NGINX_PID" || status=$?
  kill -0 "$NGINX_PID" 2>/dev/null || break
done
NGINX_PID=""
exit "$status"
