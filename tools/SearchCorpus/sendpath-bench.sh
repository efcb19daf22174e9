#!/usr/bin/env bash
# The send-path cost of search indexing (docs/benchmarks.md "Search"): a Silo and a Frontend of its own
# (cluster "sendpath", Frontend on :5711, database search_sendpath on the running Postgres), groups of 10
# from tools/LoadTest at RATE msg/s, three phases in one session: indexing on, off, on. "Off" is both
# triggers on messages disabled and Search__IndexerEnabled=false. Needs a Release build of Chat.sln.
# Usage: RATE=500 DURATION=30 PHASES="on off on off on off" tools/SearchCorpus/sendpath-bench.sh
# (results in .local/search-sendpath; alternating phases average out other load on a shared machine)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rate=${RATE:-1000}
duration=${DURATION:-60}
warmup=${WARMUP:-10}
out=${OUT:-$root/.local/search-sendpath}
db=search_sendpath
admin="postgresql://postgres:postgres@127.0.0.1:55432/postgres"
cs="Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Database=$db;Maximum Pool Size=50"
mkdir -p "$out"
psql "$admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -qc "CREATE DATABASE $db"
rm -f "$out/users.json"

silo_pid= frontend_pid=
start_system() {
  local indexer=$1
  local common=(DOTNET_ENVIRONMENT=Development "Postgres__ConnectionString=$cs" Orleans__ClusterId=sendpath Orleans__ServiceId=sendpath
    "Search__IndexerEnabled=$indexer" Turn__Secret=dev-turn-secret-change-me)
  (cd "$root/src/Silo" && exec env "${common[@]}" Orleans__SiloPort=11711 Orleans__GatewayPort=30711 \
    setsid nohup dotnet bin/Release/net10.0/Chat.Silo.dll >>"$out/silo.log" 2>&1 </dev/null) &
  silo_pid=$!
  (cd "$root/src/Frontend" && exec env "${common[@]}" ASPNETCORE_ENVIRONMENT=Development Frontend__CoHostSilo=false \
    Frontend__AuthRequestsPerMinutePerIp=1000000 setsid nohup dotnet bin/Release/net10.0/Chat.Frontend.dll --urls http://127.0.0.1:5711 \
    >>"$out/frontend.log" 2>&1 </dev/null) &
  frontend_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null http://127.0.0.1:5711/health/ready 2>/dev/null && return 0
    sleep 1
  done
  echo "the system did not get ready; see $out/*.log" >&2
  return 1
}

stop_system() {
  kill "$silo_pid" "$frontend_pid" 2>/dev/null || true
  wait "$silo_pid" "$frontend_pid" 2>/dev/null || true
}
trap stop_system EXIT

triggers() {
  psql "postgresql://postgres:postgres@127.0.0.1:55432/$db" -qc \
    "ALTER TABLE messages $1 TRIGGER messages_search_insert; ALTER TABLE messages $1 TRIGGER messages_search_update"
}

phase=0
for mode in ${PHASES:-on off on}; do
  phase=$((phase + 1))
  if [[ $mode == on ]]; then indexer=true; else indexer=false; fi
  start_system "$indexer"
  if [[ $mode == on ]]; then triggers ENABLE; else triggers DISABLE; fi
  echo "== phase $phase: indexing $mode, $rate msg/s for $duration s (+$warmup s warm-up) $(date -u +%H:%M:%S)"
  dotnet "$root/tools/LoadTest/bin/Release/net10.0/Chat.LoadTest.dll" --frontends http://127.0.0.1:5711 \
    --users 2000 --group-size 10 --rate "$rate" --duration $((duration + warmup)) --warmup "$warmup" --drain 20 --wait-quiet 0 \
    --silo-pid "$silo_pid" --frontend-pids "$frontend_pid" \
    --users-file "$out/users.json" --json "$out/phase$phase-$mode.json" | tail -25
  echo "queue left: $(psql "postgresql://postgres:postgres@127.0.0.1:55432/$db" -Atc 'SELECT count(*) FROM search_index_queue'), index rows: $(psql "postgresql://postgres:postgres@127.0.0.1:55432/$db" -Atc 'SELECT count(*) FROM message_search')"
  stop_system
done
