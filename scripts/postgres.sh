#!/usr/bin/env bash
# Start a local PostgreSQL server for the test suite (installing Debian's package when it is missing) and
# print the URL of an empty test database. Used by .ci/run; usable by hand:
#   export OPENIMR_TEST_POSTGRES_URL=$(bash scripts/postgres.sh)
set -euo pipefail
# Only the URL goes to standard output: whatever the PostgreSQL tools print ("Removed stale pid file.", notices)
# goes to standard error, so that $(...) captures the URL alone.
exec 3>&1 1>&2
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then echo "PostgreSQL is not installed and this user cannot install it" >&2; exit 1; fi
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | grep "^$version main" | grep -q online; then
  pg_ctlcluster "$version" main start 3>&-  # the server must not hold the URL pipe open
fi
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
  sleep 1
done
su postgres -c "psql -q -h 127.0.0.1 -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='openimr') THEN CREATE ROLE openimr LOGIN PASSWORD 'openimr'; END IF; END \\\$\\\$;\"" >/dev/null 2>&1 ||
  su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='openimr') THEN CREATE ROLE openimr LOGIN PASSWORD 'openimr'; END IF; END \\\$\\\$;\"" >/dev/null
su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS openimr_test'" >/dev/null
su postgres -c "psql -q -c 'CREATE DATABASE openimr_test OWNER openimr'" >/dev/null
echo "postgresql+psycopg://openimr:openimr@127.0.0.1:5432/openimr_test" >&3
