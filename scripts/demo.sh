#!/usr/bin/env bash
# Set everything up, then run OpenIMR's main job on the bundled sample data: review the sample cases
# and letters, and show the engine's agreement with the real reviewers' decisions on them.
source "$(dirname "$0")/_env.sh"
.venv/bin/openimr decide samples/cases.jsonl samples/letters/*
echo
.venv/bin/openimr eval samples/cases.jsonl
