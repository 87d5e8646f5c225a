#!/usr/bin/env bash
# Set everything up, then run OpenIMR's main job on the bundled sample letters.
source "$(dirname "$0")/_env.sh"
.venv/bin/openimr parse samples/letters/*
