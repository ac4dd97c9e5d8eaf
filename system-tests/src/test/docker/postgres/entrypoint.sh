#!/bin/sh
# The official image's contract, as much of it as the compose file uses: on an empty data directory, a superuser
# POSTGRES_USER with POSTGRES_PASSWORD and a database POSTGRES_DB (both default to postgres).
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  user=${POSTGRES_USER:-postgres}
  database=${POSTGRES_DB:-$user}
  password=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" >"$password"
  # UTF-8 with Unicode letter cases, as the official image's en_US.utf8 has them (a search ignores case by them).
  initdb -D "$PGDATA" -U "$user" --pwfile="$password" -A scram-sha-256 \
    -E UTF8 --locale-provider=builtin --builtin-locale=C.UTF-8 --locale=C >/dev/null
  rm -f "$password"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  if [ "$database" != postgres ]; then
    echo "CREATE DATABASE \"$database\";" | postgres --single -D "$PGDATA" postgres >/dev/null
  fi
fi
exec postgres -D "$PGDATA" -c listen_addresses='*'
