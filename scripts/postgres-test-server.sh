#!/usr/bin/env bash
# A private PostgreSQL server for the tests: Debian's postgresql package
# (installed when missing), a new cluster in a temporary folder, listening on
# 127.0.0.1 at a free port with a random password, stopped and removed when
# the command exits.
#
#   scripts/postgres-test-server.sh run COMMAND…   # COMMAND sees RECSITE_TEST_POSTGRES_URL
#
# The server refuses to run as root, so as root the cluster belongs to the
# `postgres` user the package creates.
set -euo pipefail
if [ "${1:-}" != run ] || [ $# -lt 2 ]; then
  echo "usage: scripts/postgres-test-server.sh run COMMAND..." >&2
  exit 64
fi
shift
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "installing: postgresql" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi
dir=$(mktemp -d /tmp/recsite-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
printf '%s\n' "$password" > "$dir/password"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir/password"
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U recsite --pwfile="$dir/password" --auth=scram-sha-256 \
  --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
PGPASSWORD=$password "$bin/psql" -q -h 127.0.0.1 -p "$port" -U recsite -d postgres -c 'CREATE DATABASE recsite_test' >/dev/null
export RECSITE_TEST_POSTGRES_URL="postgresql://recsite:$password@127.0.0.1:$port/recsite_test"
echo "postgres-test-server: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
