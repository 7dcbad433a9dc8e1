#!/usr/bin/env bash
# Makes sure a PostgreSQL server runs on 127.0.0.1 for the storage tests and prints the JDBC URL
# to use (MIRABELLA_TEST_PG). Installs Debian's postgresql when it is missing. Run as root (CI) or
# as a user who may run initdb.
set -euo pipefail
port="${MIRABELLA_PG_PORT:-55432}"
base="${MIRABELLA_PG_DIR:-${TMPDIR:-/tmp}/mirabella-pg}"

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(pgbin)" ] || [ ! -x "$(pgbin)/initdb" ]; then
  echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q postgresql >&2
fi
bin="$(pgbin)"

as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  if [ ! -f "$base/PG_VERSION" ]; then
    mkdir -p "$base"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$base"
    as_pg "'$bin/initdb' -D '$base' -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null" >&2
  fi
  as_pg "'$bin/pg_ctl' -D '$base' -l '$base/server.log' -o \"-p $port -k '$base' -c listen_addresses=127.0.0.1 -c fsync=off\" -w start" >&2
fi
for _ in $(seq 1 30); do "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='mirabella_test'" | grep -q 1; then
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres mirabella_test
fi
echo "jdbc:postgresql://127.0.0.1:$port/mirabella_test?user=postgres"
