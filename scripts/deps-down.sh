#!/usr/bin/env bash
# Stops exactly the services that deps-up.sh recorded in $CHAT_DEPS_RECORD
# (default .local/run/started-by-us), then clears that record. Data is kept
# (postgres: fast shutdown; redis: SHUTDOWN, which saves). A service that has
# already died is not an error.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$CHAT_ROOT"

if [[ ! -s "$CHAT_DEPS_RECORD" ]]; then
  rm -f "$CHAT_DEPS_RECORD"
  exit 0
fi

# cmdline_has PID WORD: the process PID runs a command line containing WORD
# (guards against a pid file whose pid was reused by something else).
cmdline_has() {
  pid_alive "$1" && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q -- "$2"
}

stop_postgres() {
  pg_paths
  if [[ -f "$PG_DATA/postmaster.pid" ]] && as_postgres pg_ctl -D "$PG_DATA" status >/dev/null 2>&1; then
    as_postgres pg_ctl -D "$PG_DATA" stop -m fast -w -t 60 >>"$CHAT_LOGS/pg_ctl.log" 2>&1 ||
      warn "postgres: pg_ctl stop failed (see $CHAT_LOGS/pg_ctl.log)"
  fi
  log "postgres: stopped"
}

stop_redis() {
  local pid
  pid=$(read_pid "$CHAT_RUN/redis.pid")
  if port_open "$REDIS_PORT"; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || true
  fi
  if cmdline_has "$pid" redis-server; then
    wait_until 30 bash -c "! kill -0 $pid" || stop_pid "$pid" 10
  fi
  rm -f "$CHAT_RUN/redis.pid"
  log "redis: stopped"
}

stop_by_pidfile() { # stop_by_pidfile NAME PIDFILE CMDLINE-WORD
  local pid
  pid=$(read_pid "$2")
  if cmdline_has "$pid" "$3"; then
    stop_pid "$pid" 20
  fi
  rm -f "$2"
  log "$1: stopped"
}

# Reverse start order, each name once.
mapfile -t names < <(tac "$CHAT_DEPS_RECORD" | awk 'NF && !seen[$0]++')
for name in "${names[@]}"; do
  case "$name" in
    postgres)   stop_postgres ;;
    redis)      stop_redis ;;
    s3rver)     stop_by_pidfile s3rver "$CHAT_RUN/s3rver.pid" s3rver ;;
    turnserver) stop_by_pidfile turnserver "$CHAT_RUN/turnserver.pid" turnserver ;;
    *)          warn "unknown service '$name' in $CHAT_DEPS_RECORD, ignored" ;;
  esac
done
rm -f "$CHAT_DEPS_RECORD"
