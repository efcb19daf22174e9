#!/usr/bin/env bash
# The send-path cost of search indexing with the other load of a shared machine averaged out: ONE system
# (as sendpath-bench.sh: its own Silo and Frontend on :5711, database search_sendpath, indexer enabled)
# and ONE load run, during which the two triggers on messages are switched every WINDOW seconds, on
# first. With the triggers off nothing is queued and the indexer idles (one empty poll per 250 ms), so
# the windows differ only by indexing. The tool's per-second lines are then split by window (the first
# second after each switch is dropped) and compared: see sendpath-windows.py.
# Usage: RATE=500 DURATION=180 WINDOW=10 [INTERVAL=00:00:00.1] tools/SearchCorpus/sendpath-alternating.sh
# (INTERVAL: Search:IndexerMinRoundInterval; needs the users of a sendpath-bench.sh run)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rate=${RATE:-500}
duration=${DURATION:-180}
window=${WINDOW:-10}
out=${OUT:-$root/.local/search-sendpath}
db=search_sendpath
dburl="postgresql://postgres:postgres@127.0.0.1:55432/$db"
cs="Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Database=$db;Maximum Pool Size=50"
common=(DOTNET_ENVIRONMENT=Development "Postgres__ConnectionString=$cs" Orleans__ClusterId=sendpath Orleans__ServiceId=sendpath
  Search__IndexerEnabled=true "Search__IndexerMinRoundInterval=${INTERVAL:-00:00:00.1}" Turn__Secret=dev-turn-secret-change-me)
(cd "$root/src/Silo" && exec env "${common[@]}" Orleans__SiloPort=11711 Orleans__GatewayPort=30711 \
  setsid nohup dotnet bin/Release/net10.0/Chat.Silo.dll >>"$out/silo.log" 2>&1 </dev/null) &
silo_pid=$!
(cd "$root/src/Frontend" && exec env "${common[@]}" ASPNETCORE_ENVIRONMENT=Development Frontend__CoHostSilo=false \
  Frontend__AuthRequestsPerMinutePerIp=1000000 setsid nohup dotnet bin/Release/net10.0/Chat.Frontend.dll --urls http://127.0.0.1:5711 \
  >>"$out/frontend.log" 2>&1 </dev/null) &
frontend_pid=$!
trap 'kill $silo_pid $frontend_pid 2>/dev/null || true; psql "$dburl" -qc "ALTER TABLE messages ENABLE TRIGGER messages_search_insert; ALTER TABLE messages ENABLE TRIGGER messages_search_update"' EXIT
for _ in $(seq 1 120); do curl -fsS -o /dev/null http://127.0.0.1:5711/health/ready 2>/dev/null && break; sleep 1; done

triggers() { psql "$dburl" -qc "ALTER TABLE messages $1 TRIGGER messages_search_insert; ALTER TABLE messages $1 TRIGGER messages_search_update"; }
triggers ENABLE
log="$out/alternating.log"
: >"$log"
dotnet "$root/tools/LoadTest/bin/Release/net10.0/Chat.LoadTest.dll" --frontends http://127.0.0.1:5711 \
  --users 2000 --group-size 10 --rate "$rate" --duration "$duration" --drain 20 --wait-quiet 0 \
  --silo-pid "$silo_pid" --frontend-pids "$frontend_pid" --users-file "$out/users.json" >"$log" 2>&1 &
load=$!
# The first per-second line marks second 1 of sending; switch on every window boundary after it.
until grep -qE '^ +1 ' "$log"; do sleep 0.2; kill -0 $load 2>/dev/null || break; done
state=ENABLE
for ((w = 1; w * window < duration; w++)); do
  sleep "$window"
  if [[ $state == ENABLE ]]; then state=DISABLE; else state=ENABLE; fi
  triggers $state
done
wait $load || true
python3 "$root/tools/SearchCorpus/sendpath-windows.py" "$log" "$window"
