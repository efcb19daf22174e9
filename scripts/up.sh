#!/usr/bin/env bash
# Starts Chat Grid locally: dependencies (deps-up.sh), the web client build,
# `dotnet build Chat.sln -c Release`, one Silo and N Frontends (ports 5000,
# 5001, ...), in the background with logs in .local/logs and pid files in
# .local/run. Returns once http://127.0.0.1:5000/health/ready answers.
# Running it again restarts the silo and frontends. Stop with scripts/down.sh.
# Options: --frontends N (default 1)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$CHAT_ROOT"

frontends=1
while (($#)); do
  case "$1" in
    --frontends) [[ $# -ge 2 ]] || die "--frontends needs a number"; frontends=$2; shift 2 ;;
    --frontends=*) frontends=${1#*=}; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
done
[[ "$frontends" =~ ^[1-9][0-9]*$ ]] || die "--frontends must be a positive number, got '$frontends'"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

"$CHAT_ROOT/scripts/deps-up.sh"
ensure_local_dirs
stop_app
build_client
dotnet_build

silo_dll="$CHAT_ROOT/src/Silo/bin/Release/net10.0/Chat.Silo.dll"
frontend_dll="$CHAT_ROOT/src/Frontend/bin/Release/net10.0/Chat.Frontend.dll"
[[ -f "$silo_dll" ]] || die "build output not found: $silo_dll"
[[ -f "$frontend_dll" ]] || die "build output not found: $frontend_dll"

# start_process NAME DIR ENV... -- COMMAND...: runs COMMAND in DIR (so the
# project folder is the content root and its appsettings*.json are found),
# detached, logging to .local/logs/NAME.log, pid in .local/run/NAME.pid.
start_process() {
  local name=$1 dir=$2; shift 2
  local envs=()
  while [[ "$1" != -- ]]; do envs+=("$1"); shift; done
  shift
  local logf="$CHAT_LOGS/$name.log"
  : >"$logf"
  (cd "$dir" && exec env "${envs[@]}" setsid nohup "$@" >>"$logf" 2>&1 </dev/null) &
  printf '%s\n' "$!" >"$CHAT_RUN/$name.pid"
}

start_process silo "$CHAT_ROOT/src/Silo" \
  DOTNET_ENVIRONMENT=Development "Turn__Secret=$TURN_SECRET" \
  -- dotnet "$silo_dll"
log "silo: started (pid $(read_pid "$CHAT_RUN/silo.pid"), log .local/logs/silo.log)"

ports=()
for ((i = 0; i < frontends; i++)); do
  port=$((5000 + i))
  port_open "$port" && die "port $port is already in use by another process"
  ports+=("$port")
  start_process "frontend-$port" "$CHAT_ROOT/src/Frontend" \
    ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
    Frontend__CoHostSilo=false "Turn__Secret=$TURN_SECRET" \
    -- dotnet "$frontend_dll" --urls "http://127.0.0.1:$port"
  log "frontend-$port: started (pid $(read_pid "$CHAT_RUN/frontend-$port.pid"), log .local/logs/frontend-$port.log)"
done

all_logs() {
  local p
  printf '%s\n' "$CHAT_LOGS/silo.log"
  for p in "${ports[@]}"; do printf '%s\n' "$CHAT_LOGS/frontend-$p.log"; done
}

fail() {
  local logs
  mapfile -t logs < <(all_logs)
  show_log_tail "${logs[@]}"
  printf 'error: %s\n' "$1" >&2
  printf 'the processes that are still running can be stopped with scripts/down.sh\n' >&2
  exit 1
}

deadline=$((SECONDS + 90))
for port in "${ports[@]}"; do
  until curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$port/health/ready" 2>/dev/null; do
    pid_alive "$(read_pid "$CHAT_RUN/silo.pid")" || fail "the silo exited during startup"
    pid_alive "$(read_pid "$CHAT_RUN/frontend-$port.pid")" || fail "frontend-$port exited during startup"
    ((SECONDS < deadline)) || fail "http://127.0.0.1:$port/health/ready did not answer 200 within 90s"
    sleep 1
  done
done

for port in "${ports[@]:1}"; do log "additional frontend: http://127.0.0.1:$port"; done
log "Chat Grid is running: http://127.0.0.1:5000"
