# shellcheck shell=bash
# Shared helpers for the Chat Grid scripts. Source it; do not execute it.
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Everything the local stack writes lives under $CHAT_LOCAL (.local/, gitignored).

CHAT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHAT_LOCAL="$CHAT_ROOT/.local"
CHAT_RUN="$CHAT_LOCAL/run"
CHAT_LOGS="$CHAT_LOCAL/logs"
CHAT_TOOLS="$CHAT_LOCAL/tools"

# Fixed ports and credentials (the C# appsettings use exactly these).
PG_PORT=55432
REDIS_PORT=56379
S3_PORT=59000
S3_BUCKET=chat-files
S3RVER_VERSION=3.7.1
TURN_PORT=3478
TURN_MIN_PORT=49160
TURN_MAX_PORT=49359
TURN_REALM=chatgrid.local
TURN_SECRET="${TURN_SECRET:-dev-turn-secret-change-me}"
export TURN_SECRET

# Which services a deps-up run started; deps-down stops exactly these.
# test.sh points this at its own file so it never stops services that a
# developer's up.sh started.
CHAT_DEPS_RECORD="${CHAT_DEPS_RECORD:-$CHAT_RUN/started-by-us}"

export DEBIAN_FRONTEND=noninteractive

log()  { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

ensure_local_dirs() {
  mkdir -p "$CHAT_RUN" "$CHAT_LOGS" "$CHAT_TOOLS"
}

# Prints the last lines of each existing file given, for error reports.
show_log_tail() {
  local f
  for f in "$@"; do
    if [[ -f "$f" ]]; then
      printf -- '----- last 40 lines of %s -----\n' "$f" >&2
      tail -n 40 "$f" >&2 || true
      printf -- '----- end of %s -----\n' "$f" >&2
    fi
  done
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when PID is a live process (a zombie waiting to be reaped is not).
pid_alive() {
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 1
  local state
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
  [[ "$state" != Z ]]
}

read_pid() {
  [[ -f "$1" ]] && tr -dc '0-9' <"$1" || true
}

# wait_until SECONDS COMMAND...: retries COMMAND every half second.
wait_until() {
  local timeout=$1; shift
  local deadline=$((SECONDS + timeout))
  while ! "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then return 1; fi
    sleep 0.5
  done
}

# Stops PID with SIGTERM, then SIGKILL after GRACE seconds. A PID that is
# already gone is not an error.
stop_pid() {
  local pid=$1 grace=${2:-20}
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + grace))
  while pid_alive "$pid"; do
    if ((SECONDS >= deadline)); then
      warn "pid $pid did not stop after ${grace}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
}

# ---------------------------------------------------------------- packages

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Installs the Debian packages given that are missing; runs apt-get update at
# most once per script run, and only when something is missing.
_CHAT_APT_UPDATED=0
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    pkg_installed "$p" || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then return 0; fi
  log "installing Debian packages: ${missing[*]}"
  local sudo=()
  if ((EUID != 0)); then sudo=(sudo); fi
  if ((_CHAT_APT_UPDATED == 0)); then
    "${sudo[@]}" apt-get update -qq >"$CHAT_LOGS/apt.log" 2>&1 || { show_log_tail "$CHAT_LOGS/apt.log"; die "apt-get update failed"; }
    _CHAT_APT_UPDATED=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
    >>"$CHAT_LOGS/apt.log" 2>&1 || { show_log_tail "$CHAT_LOGS/apt.log"; die "apt-get install ${missing[*]} failed"; }
}

# Directory with the PostgreSQL server binaries (highest installed version).
pg_bin_dir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$d" && -x "$d/pg_ctl" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
  printf '%s\n' "$d"
}

# Sets PG_BIN, PG_HOME (owned by the OS user postgres), PG_DATA, PG_SOCK, PG_LOG.
# Normally PG_HOME is .local/pg. When the OS user postgres cannot reach the
# repo (e.g. a clone under /root) or the socket path would be too long for a
# unix socket, PG_HOME moves to /var/tmp/chat-grid-<hash>/pg and
# .local/pg/LOCATION records where.
pg_paths() {
  PG_BIN=$(pg_bin_dir)
  PG_HOME="$CHAT_LOCAL/pg"
  mkdir -p "$PG_HOME"
  if [[ -f "$PG_HOME/LOCATION" ]]; then
    PG_HOME=$(<"$PG_HOME/LOCATION")
    mkdir -p "$PG_HOME"
  fi
  chown postgres:postgres "$PG_HOME"
  chmod 700 "$PG_HOME"
  if ! runuser -u postgres -- test -w "$PG_HOME" || ((${#PG_HOME} > 80)); then
    local alt
    alt="/var/tmp/chat-grid-$(printf '%s' "$CHAT_ROOT" | md5sum | cut -c1-12)/pg"
    mkdir -p "$alt"
    chmod 755 "$(dirname "$alt")"
    chown postgres:postgres "$alt"
    chmod 700 "$alt"
    printf '%s\n' "$alt" >"$CHAT_LOCAL/pg/LOCATION"
    PG_HOME=$alt
  fi
  PG_DATA="$PG_HOME/data"
  PG_SOCK="$PG_HOME/sock"
  PG_LOG="$PG_HOME/postgres.log"
}

# Runs a pg binary as the OS user postgres (initdb/postgres refuse root).
as_postgres() {
  local tool=$1; shift
  (cd "$PG_HOME" && runuser -u postgres -- "$PG_BIN/$tool" "$@")
}

S3RVER_BIN="$CHAT_TOOLS/node_modules/.bin/s3rver"

ensure_s3rver() {
  local pj="$CHAT_TOOLS/node_modules/s3rver/package.json"
  if [[ -x "$S3RVER_BIN" && -f "$pj" ]] && grep -q "\"version\": \"$S3RVER_VERSION\"" "$pj"; then
    return 0
  fi
  command -v npm >/dev/null || die "npm is required to install s3rver"
  log "installing s3rver@$S3RVER_VERSION into $CHAT_TOOLS"
  npm install --prefix "$CHAT_TOOLS" --no-audit --no-fund --loglevel=error "s3rver@$S3RVER_VERSION" \
    >"$CHAT_LOGS/npm-s3rver.log" 2>&1 || { show_log_tail "$CHAT_LOGS/npm-s3rver.log"; die "npm install s3rver failed"; }
}

# ---------------------------------------------------------------- web client

# Builds src/Frontend/ClientApp (output goes to src/Frontend/wwwroot) when the
# client exists; skipped quietly otherwise. Must run before `dotnet build` so
# the static web assets are part of the build.
build_client() {
  local app="$CHAT_ROOT/src/Frontend/ClientApp"
  if [[ ! -f "$app/package.json" ]]; then
    log "web client: $app/package.json not found, skipping client build"
    return 0
  fi
  command -v npm >/dev/null || die "npm is required to build the web client"
  local clog="$CHAT_LOGS/client-build.log"
  : >"$clog"
  (
    cd "$app"
    if [[ -f package-lock.json ]]; then
      # npm ci wipes node_modules: only when the lock file changed since last install.
      if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
        npm ci --no-audit --no-fund
      fi
    else
      npm install --no-audit --no-fund
    fi
    npm run build
  ) >>"$clog" 2>&1 || { show_log_tail "$clog"; die "web client build failed (full log: $clog)"; }
  log "web client: built into src/Frontend/wwwroot"
}

dotnet_build() {
  command -v dotnet >/dev/null || die "dotnet SDK not found on PATH"
  log "dotnet build Chat.sln -c Release"
  (cd "$CHAT_ROOT" && dotnet build Chat.sln -c Release -nologo -v minimal)
}

# ---------------------------------------------------------------- app processes

# Stops the silo/frontend processes that up.sh started (pid files
# .local/run/frontend-*.pid and .local/run/silo.pid): frontends first.
stop_app() {
  local f pid name
  for f in "$CHAT_RUN"/frontend-*.pid "$CHAT_RUN"/silo.pid; do
    [[ -f "$f" ]] || continue
    name=$(basename "$f" .pid)
    pid=$(read_pid "$f")
    if pid_alive "$pid"; then
      stop_pid "$pid" 20
      log "$name: stopped (pid $pid)"
    fi
    rm -f "$f"
  done
}
