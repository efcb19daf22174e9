#!/usr/bin/env bash
# Builds and tests Chat Grid (what .ci/run runs): starts the dependencies it
# needs (deps-up.sh --with-browser), builds the web client and Chat.sln, runs
# `dotnet test`, and always stops the dependencies this run started. Services
# that were already running (e.g. from up.sh) are used and left running.
# Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Accounts).
# Exits with the test exit code.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$CHAT_ROOT"

ensure_local_dirs
# A record of our own, so deps-down stops only what this run started.
export CHAT_DEPS_RECORD="$CHAT_RUN/started-by-test.$$"
cleanup() {
  local rc=$?
  trap - EXIT
  "$CHAT_ROOT/scripts/deps-down.sh" || warn "deps-down.sh failed"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

"$CHAT_ROOT/scripts/deps-up.sh" --with-browser
build_client
dotnet_build

export CHAT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=postgres"
export CHAT_TEST_REDIS="127.0.0.1:$REDIS_PORT"
export CHAT_TEST_S3="127.0.0.1:$S3_PORT"
export CHAT_TEST_TURN_SECRET="$TURN_SECRET"
if [[ -x /usr/bin/chromium ]]; then export CHAT_TEST_CHROMIUM=/usr/bin/chromium; fi
if [[ -x /usr/bin/firefox-esr ]]; then export CHAT_TEST_FIREFOX=/usr/bin/firefox-esr; fi

test_log="$CHAT_LOGS/dotnet-test.log"
log "dotnet test Chat.sln -c Release --no-build $*"
set +e
dotnet test Chat.sln -c Release --no-build \
  --logger "console;verbosity=normal" \
  --blame-hang-timeout 5m \
  --results-directory "$CHAT_LOCAL/TestResults" \
  "$@" 2>&1 | tee "$test_log"
rc=${PIPESTATUS[0]}
set -e

# One closing line 'N passed, N failed, N skipped' summed over test assemblies,
# from either VSTest summary style.
summary=$(awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    line = $0
    gsub(/[^0-9,]/, " ", line)      # keep numbers and commas: "F , P , S , T , ..."
    split(line, n, ",")
    f += n[1]; p += n[2]; s += n[3]; mini = 1; next
  }
  /^ *Total tests: *[0-9]+/ { block = 1; found = 1; next }
  block && /^ *Passed: *[0-9]+/  { bp += $2; next }
  block && /^ *Failed: *[0-9]+/  { bf += $2; next }
  block && /^ *Skipped: *[0-9]+/ { bs += $2; next }
  block && /Total time/ { block = 0 }
  END {
    if (mini) printf "%d passed, %d failed, %d skipped\n", p, f, s
    else if (found) printf "%d passed, %d failed, %d skipped\n", bp, bf, bs
  }' "$test_log")
if [[ -n "$summary" ]]; then
  printf 'tests: %s\n' "$summary"
fi
exit "$rc"
