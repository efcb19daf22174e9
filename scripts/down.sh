#!/usr/bin/env bash
# Stops what scripts/up.sh started: the frontends and the silo (SIGTERM, then
# SIGKILL after 20 s), then the dependencies that deps-up.sh started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$CHAT_ROOT"

stop_app
"$CHAT_ROOT/scripts/deps-down.sh"
