#!/usr/bin/env bash
# Makes sure the local PostgreSQL used by the storage tests is up and has the
# test database, then prints the TEST_DATABASE_URL to use:
#   export TEST_DATABASE_URL=$(scripts/ensure-postgres.sh)
# Exits non-zero, with the reason on stderr, when PostgreSQL cannot be started.
set -euo pipefail

HOST="${PGHOST_TEST:-127.0.0.1}"
PORT="${PGPORT_TEST:-5432}"
USER_NAME="${PGUSER_TEST:-postgres}"
DB="${PGDATABASE_TEST:-test}"

if ! command -v pg_isready >/dev/null 2>&1; then
  echo "ensure-postgres: pg_isready not found: PostgreSQL is not installed here" >&2
  exit 1
fi

if ! pg_isready -q -h "$HOST" -p "$PORT"; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    for version in $(ls /etc/postgresql); do
      echo "ensure-postgres: starting PostgreSQL $version" >&2
      pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
    done
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h "$HOST" -p "$PORT" && break
    sleep 0.5
  done
  if ! pg_isready -q -h "$HOST" -p "$PORT"; then
    echo "ensure-postgres: PostgreSQL at $HOST:$PORT is not accepting connections" >&2
    exit 1
  fi
fi

exists=$(psql -h "$HOST" -p "$PORT" -U "$USER_NAME" -d postgres -tAc "select 1 from pg_database where datname = '$DB'" 2>/dev/null || true)
if [ "$exists" != "1" ]; then
  echo "ensure-postgres: creating database $DB" >&2
  createdb -h "$HOST" -p "$PORT" -U "$USER_NAME" "$DB" >&2
fi

echo "postgres://$USER_NAME@$HOST:$PORT/$DB"
