#!/usr/bin/env bash
# Start to first page: starts the packaged app on the embedded database and times until GET /login answers 200.
#
#   bench/start.sh [RUNS]     (default 5; needs curl; builds the app first if target/quarkus-app is missing)
#
# Each run starts a new JVM with JAVA_OPTS (default: the production run command's, the AppCDS archive included
# when the build made one) on a data directory of its own that the first run creates and migrates, so the
# runs after it time an ordinary restart. PORT= and MANAGEMENT_PORT= (default 18900/19900) keep it apart from
# a running instance. Prints each run's milliseconds and the CPU time the app had used by then (user + system:
# unlike the wall time, it hardly depends on what else the machine runs), then the medians of the restarts.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-5}
PORT=${PORT:-18900}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-19900}
APP=target/quarkus-app
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -f "$APP/quarkus-run.jar" ] || ./mvnw -q -DskipTests package
. bench/jvm.sh
OPTS=$JAVA_OPTS
echo "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX, JAVA_OPTS: $OPTS"

now_ms() { date +%s%3N; }
TICK=$(getconf CLK_TCK)
times=()
cpus=()
for i in $(seq 1 "$RUNS"); do
  t0=$(now_ms)
  # From the package's directory, as the production run command does (the AppCDS archive names the jars so).
  # shellcheck disable=SC2086
  (cd "$APP" && exec java $OPTS -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" \
       -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$WORK/db/hashdesk;WRITE_DELAY=0" \
       -Dhashdesk.backup.directory="$WORK/db/backups" -Dquarkus.datasource.jdbc.acquisition-timeout=60s \
       -Dhashdesk.network.mempool-url=http://127.0.0.1:9 -Dhashdesk.network.esplora-url=http://127.0.0.1:9 \
       -jar quarkus-run.jar) > "$WORK/app-$i.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/login"; do
    kill -0 "$pid" 2>/dev/null || { echo "the app stopped: $WORK/app-$i.log" >&2; cat "$WORK/app-$i.log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(now_ms)
  cpu=$(awk -v t="$TICK" '{printf "%.0f", ($14 + $15) * 1000 / t}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $i: $((t1 - t0)) ms, app CPU $cpu ms$([ "$i" = 1 ] && echo ' (new database: migrations)')"
  times+=($((t1 - t0)))
  cpus+=("$cpu")
done
median() { sort -n | awk '{a[NR]=$1} END {if (NR) printf "median %d ms (min %d, max %d, %d runs)", a[int((NR+1)/2)], a[1], a[NR], NR}'; }
echo "restarts: wall $(printf '%s\n' "${times[@]:1}" | median); app CPU $(printf '%s\n' "${cpus[@]:1}" | median)"
