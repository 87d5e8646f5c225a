#!/usr/bin/env bash
# Set everything up, then run OpenIMR's main job on the bundled sample data: review the sample cases
# and letters, and show the engine's agreement with the real reviewers' decisions on them.
source "$(dirname "$0")/_env.sh"

heading() {
  printf '\n==== %s ====\n\n' "$1"
}

heading "Decisions for the sample case files (samples/cases.jsonl)"
.venv/bin/openimr decide samples/cases.jsonl
for letter in samples/letters/*; do
  heading "Decisions for the case this letter describes, read from it ($letter)"
  .venv/bin/openimr decide "$letter"
done
heading "Agreement with the real reviewers' decisions on the sample cases (openimr eval samples/cases.jsonl)"
.venv/bin/openimr eval samples/cases.jsonl
