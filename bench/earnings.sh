#!/usr/bin/env bash
# /earnings at 50 pool accounts against /dashboard and /login of the same operator.
#
#   bench/earnings.sh [PORT]     (needs wrk, curl and python3; builds the app first if target/quarkus-app is missing)
#
# PORT (default 18010), MANAGEMENT_PORT= (PORT + 1000), STUB_PORT= (PORT + 2) for a local stand-in of
# mempool's history endpoints; JAVA_OPTS= as bench/load.sh. Starts the packaged app with an empty database
# of its own and the fleet of bench/load.sh (10 sites, 1,000 rig groups), adds 50 csv pool accounts (five per
# site) with 90 closed UTC days each uploaded through the API, and lets the pool job (every 10 s here) fetch
# those days' network history from the stand-in, as it does in production. Then:
# - cold: an upload (so nothing kept is current), then 32 first views of /earnings?days=90 at once, timed;
# - with wrk (32 connections, 2 threads, each page warmed 10 s, then DURATION= 15 s each), one after the
#   other: GET /login (signed out), /dashboard, /earnings?days=90 (the target), /earnings (30 days) and
#   /api/v1/earnings over the 90 days; each answer's size, the ratios to /login and to /dashboard, and the
#   app's CPU per request.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${1:-${PORT:-18010}}
STUB_PORT=${STUB_PORT:-$((PORT + 2))}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1000))}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
JAR="$WORK/cookies"
PASS='correct horse battery staple for the benchmark'
EMAIL="bench-$(date +%s)@example.com"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
python3 bench/mempool_history_stub.py "$STUB_PORT" > "$WORK/stub.log" 2>&1 &
STUB=$!
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -DskipTests package
. bench/jvm.sh
echo "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX, JAVA_OPTS: $JAVA_OPTS; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"

# From the package's directory, as the production run command does (the AppCDS archive names the jars so).
# shellcheck disable=SC2086
(cd target/quarkus-app && exec java $JAVA_OPTS -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" \
     -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$WORK/db/hashdesk;WRITE_DELAY=0" \
     -Dhashdesk.network.mempool-url=http://127.0.0.1:$STUB_PORT -Dhashdesk.pools.refresh=10s -Dhashdesk.network.esplora-url=http://127.0.0.1:9 \
     -Dquarkus.log.level=WARN -jar quarkus-run.jar) > "$WORK/app.log" 2>&1 &
APP=$!
trap '[ -n "${KEEP:-}" ] || { kill $STUB $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$WORK"; }' EXIT
. bench/fleet.sh

# 50 csv accounts: five per site, each with 90 closed UTC days (credited about what 200 TH/s would earn).
# The last account's id and file stay in ID and pool.csv (the cold run re-uploads them).
SITES=($(api "$BASE/api/v1/sites" | grep -o '"id":[0-9]*' | cut -d: -f2))
YESTERDAY=$(date -u -d yesterday +%F)
FIRST=$(date -u -d "90 days ago" +%F)
for a in $(seq 0 49); do
  ID=$(api -H 'Content-Type: application/json' \
      -d "{\"name\":\"Export $a\",\"kind\":\"csv\",\"siteId\":${SITES[$((a % ${#SITES[@]}))]}}" "$BASE/api/v1/pools" \
      | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  { echo "date,btc"; for d in $(seq 1 90); do printf '%s,0.00%03d\n' "$(date -u -d "$d days ago" +%F)" $((700 + (a * 7 + d) % 200)); done; } \
      > "$WORK/pool.csv"
  api -o /dev/null -H 'Content-Type: text/csv' --data-binary "@$WORK/pool.csv" "$BASE/api/v1/pools/$ID/earnings"
done
echo "pool accounts: $(api "$BASE/api/v1/pools" | grep -o '"kind":"csv"' | wc -l), 90 days each ($FIRST to $YESTERDAY)"
# The pool job (30 s after the start, then every 10 s) fetches the days' network history; wait for it.
for _ in $(seq 1 90); do
  MISSING=$(api "$BASE/api/v1/earnings?from=$FIRST&to=$YESTERDAY" | grep -o '"expectedBtc":null' | wc -l || true)
  [ "$MISSING" -eq 0 ] && break
  sleep 2
done
echo "account-days without network history after the job: $MISSING"
[ -n "${SETUP_ONLY:-}" ] && { echo "app pid $APP, cookie header: $SESSION"; exit 0; }

ms() { # a wrk latency (850.00us, 12.34ms, 1.20s) in ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'
}
TICK=$(getconf CLK_TCK)
cpu() { awk -v t="$TICK" '{printf "%.0f", ($14 + $15) * 1000 / t}' "/proc/$APP/stat"; }
load() { # name, url, wrk args...: keeps requests/s, p99 and app CPU ms per request
  local name=$1 url=$2; shift 2
  local out c0 c1 n
  wrk -t2 -c32 -d10s "$@" "$url" >/dev/null
  c0=$(cpu)
  out=$(wrk -t2 -c32 -d${DURATION:-15}s --latency "$@" "$url")
  c1=$(cpu)
  n=$(awk '/requests in/ {print $1}' <<< "$out")
  printf -v "RPS_$name" '%s' "$(awk '/^Requests\/sec/ {print $2}' <<< "$out")"
  printf -v "P99_$name" '%s' "$(ms "$(awk '$1 == "99%" {print $2}' <<< "$out")")"
  printf -v "CPU_$name" '%s' "$(awk -v c=$((c1 - c0)) -v n="$n" 'BEGIN {printf "%.3f", c / n}')"
  echo "$name: $(eval echo "\$RPS_$name") requests/s, p99 $(eval echo "\$P99_$name") ms, app CPU $(eval echo "\$CPU_$name") ms per request ($(awk '/Non-2xx/ {print}' <<< "$out"))"
}
kb() { # an answer's size in KB, signed in (or not: kb URL signed-out)
  if [ -n "${2:-}" ]; then curl -s -o /dev/null -w '%{size_download}' "$1"
  else curl -s -o /dev/null -w '%{size_download}' -H "Cookie: $SESSION" "$1"; fi | awk '{printf "%.1f", $1 / 1024}'
}
# Cold: a re-uploaded day raises the pool version, so the kept report and contents no longer match; 32 views
# arrive at once, as in the 2026-12-06 run that answered 0.60 requests/s.
api -o /dev/null -H 'Content-Type: text/csv' --data-binary "@$WORK/pool.csv" "$BASE/api/v1/pools/$ID/earnings"
T0=$(date +%s%N)
COLD=$(seq 1 32 | xargs -P 32 -I{} curl -s -o /dev/null -w '%{http_code}\n' -H "Cookie: $SESSION" "$BASE/earnings?days=90" \
       | sort | uniq -c | tr '\n' ' ')
echo "cold: 32 first views of /earnings?days=90 at once answered in $(( ($(date +%s%N) - T0) / 1000000 )) ms (status counts: $COLD)"
echo "sizes: /login $(kb "$BASE/login" signed-out) KB, /dashboard $(kb "$BASE/dashboard") KB, /earnings?days=90 $(kb "$BASE/earnings?days=90") KB, /earnings $(kb "$BASE/earnings") KB, one account's 90 days $(kb "$BASE/earnings?poolId=$ID&days=90") KB, API 90 days $(kb "$BASE/api/v1/earnings?from=$FIRST&to=$YESTERDAY") KB"
echo "== each warmed 10 s, then ${DURATION:-15} s at 32 connections; $(date -u '+%H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
load login "$BASE/login"
load dashboard "$BASE/dashboard" -H "Cookie: $SESSION"
load earnings90 "$BASE/earnings?days=90" -H "Cookie: $SESSION"
load earnings30 "$BASE/earnings" -H "Cookie: $SESSION"
load api90 "$BASE/api/v1/earnings?from=$FIRST&to=$YESTERDAY" -H "Cookie: $SESSION"
echo "done $(date -u '+%H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
for p in dashboard earnings90 earnings30 api90; do
  awk -v n="$p" -v r="$(eval echo "\$RPS_$p")" -v l="$RPS_login" -v d="$RPS_dashboard" -v c="$(eval echo "\$CPU_$p")" \
      -v cd="$CPU_dashboard" 'BEGIN { printf "%s: %.2fx /login, %.2fx /dashboard in requests/s; app CPU %.2fx a /dashboard view\n", n, r / l, r / d, c / cd }'
done
