#!/usr/bin/env bash
# Set everything up, then run the whole test suite (and the linter).
# As root on Debian it also installs what the service tests need: a PostgreSQL server (started on
# localhost, for the suite's second database) and Chromium (for the workbench browser tests). Without them
# those tests are skipped with the reason, unless OPENIMR_REQUIRE_POSTGRES=1 / OPENIMR_REQUIRE_BROWSER=1.
source "$(dirname "$0")/_env.sh"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  if ! command -v chromium >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ -z "${OPENIMR_TEST_POSTGRES_URL:-}" ]; then
    OPENIMR_TEST_POSTGRES_URL=$(bash scripts/postgres.sh | tail -n 1)
    export OPENIMR_TEST_POSTGRES_URL
  fi
fi
.venv/bin/ruff check src tests bench
status=0
.venv/bin/python -m pytest -q "$@" || status=$?
# pytest exits 5 when it collected nothing: that is a failure here, not a pass.
exit $status
