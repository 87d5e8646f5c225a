#!/usr/bin/env bash
# Set everything up, then run the whole test suite (and the linter).
source "$(dirname "$0")/_env.sh"
.venv/bin/ruff check src tests bench
status=0
.venv/bin/python -m pytest -q "$@" || status=$?
# pytest exits 5 when it collected nothing: that is a failure here, not a pass.
exit $status
