#!/usr/bin/env bash
# Load benchmark for the pages that matter most: an operator with 1,000 rig groups across 10 sites.
#
#   bench/load.sh [PORT]     (needs wrk and curl; builds the app first if target/quarkus-app is missing)
#
# PORT (or PORT=; default 18900) and MANAGEMENT_PORT= (default PORT + 1000) keep it apart from other instances;
# JAVA_OPTS= (default: the documented production flags, see docs/operations.md) is passed to the JVM.
#
# Starts the packaged app on its own port with an empty database of its own (no network: the bundled
# sample snapshot), creates the fleet through the JSON API and the CSV import, then measures
#   - GET /login (signed out) and GET /dashboard with wrk, one after the other: 32 connections, 2 threads,
#     30 s each (DURATION=), after a 10 s warm-up of each; then the ratio of the two, and the app's resident
#     memory (RSS) at its highest during the dashboard run;
#   - GET /api/v1/projection?days=730: 30 other scenarios to warm up (WARM=), then 21 new scenarios
#     (uncached), then 50 repeats (cached), one at a time.
# wrk runs on the same machine as the app, so the figures are a floor for a dedicated server.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${1:-${PORT:-18900}}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1000))}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
JAR="$WORK/cookies"
PASS='correct horse battery staple for the benchmark'
EMAIL="bench-$(date +%s)@example.com"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -DskipTests package
. bench/jvm.sh
echo "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX, JAVA_OPTS: $JAVA_OPTS; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"

# From the package's directory, as the production run command does (the AppCDS archive names the jars so).
# shellcheck disable=SC2086
(cd target/quarkus-app && exec java $JAVA_OPTS -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" \
     -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$WORK/db/hashdesk;WRITE_DELAY=0" \
     -Dhashdesk.network.mempool-url=http://127.0.0.1:9 -Dhashdesk.network.esplora-url=http://127.0.0.1:9 \
     -Dquarkus.log.level=WARN -jar quarkus-run.jar) > "$WORK/app.log" 2>&1 &
APP=$!
trap '[ -n "${KEEP:-}" ] || { kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$WORK"; }' EXIT
. bench/fleet.sh

[ -n "${SETUP_ONLY:-}" ] && { echo "app pid $APP, cookie header: $SESSION"; exit 0; }
# The sign-in page is the yardstick: it does what every page does (session check, CSRF token, layout)
# and nothing else, so "x times /login in the same run" says what a page costs on this machine today.
ms() { # a wrk latency (850.00us, 12.34ms, 1.20s) in ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'
}
# The app's CPU time so far (user + system, ms): per request it does not depend on what else the
# machine runs, unlike requests/s and latency on a shared machine.
TICK=$(getconf CLK_TCK)
cpu() { awk -v t="$TICK" '{printf "%.0f", ($14 + $15) * 1000 / t}' "/proc/$APP/stat"; }
rss() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP/status"; }
load() { # name, url, wrk args...: prints wrk's report, keeps requests/s, p99 and app CPU ms per request
  local name=$1 url=$2; shift 2
  local out c0 c1 n
  c0=$(cpu)
  local peak=0 r sampler
  ( while sleep 1; do rss; echo; done ) > "$WORK/rss-$name" &
  sampler=$!
  out=$(wrk -t2 -c32 -d${DURATION:-30}s --latency "$@" "$url")
  kill $sampler
  c1=$(cpu)
  while read -r r; do if [ -n "$r" ] && (( r > peak )); then peak=$r; fi; done < "$WORK/rss-$name"
  printf -v "RSS_$name" '%s' "$peak"
  echo "$out"
  n=$(awk '/requests in/ {print $1}' <<< "$out")
  printf -v "RPS_$name" '%s' "$(awk '/^Requests\/sec/ {print $2}' <<< "$out")"
  printf -v "P99_$name" '%s' "$(ms "$(awk '$1 == "99%" {print $2}' <<< "$out")")"
  printf -v "CPU_$name" '%s' "$(awk -v c=$((c1 - c0)) -v n="$n" 'BEGIN {printf "%.3f", c / n}')"
  echo "app CPU per request: $(eval echo "\$CPU_$name") ms; resident memory at most $peak MB"
}
echo "== warm-up: /login and /dashboard, 10 s each"
wrk -t2 -c32 -d10s "$BASE/login" >/dev/null
wrk -t2 -c32 -d10s -H "Cookie: $SESSION" "$BASE/dashboard" >/dev/null
echo "== GET /login (signed out), ${DURATION:-30} s at 32 connections"
load login "$BASE/login"
# wrk keeps sending the sign-in cookie it was given, as an outside run does: the cookie is renewed (re-encrypted
# and sent again) once it is older than quarkus.http.auth.form.new-cookie-interval (5 minutes), longer than this
# run. (At 1 minute every request past the first minute re-encrypted one: 0.26 to 0.48x /login, see README.)
echo "== GET /dashboard, ${DURATION:-30} s at 32 connections"
load dashboard "$BASE/dashboard" -H "Cookie: $SESSION"
awk -v rl="$RPS_login" -v rd="$RPS_dashboard" -v pl="$P99_login" -v pd="$P99_dashboard" 'BEGIN {
  printf "/dashboard vs /login: %.0f vs %.0f requests/s = %.2fx (target >= 0.8x); p99 %.1f vs %.1f ms = %.2fx (target <= 1.5x)\n",
         rd, rl, rd / rl, pd, pl, pd / pl }'
awk -v cl="$CPU_login" -v cd="$CPU_dashboard" 'BEGIN {
  printf "app CPU per request: /dashboard %.2f ms, /login %.2f ms: /login costs %.2fx a /dashboard view\n", cd, cl, cl / cd }'
echo "resident memory (RSS) at most: $RSS_dashboard MB under /dashboard, $RSS_login MB under /login (target < 300 MB)"

echo "== GET /api/v1/projection?days=730"
# A new scenario each time for the uncached figure: the fees value changes the cache key.
# Warm-up (other scenarios), so the timed requests run compiled code as a server in steady state does;
# WARM=0 skips it (the figure then includes the JIT compiling the projection and the JSON writer).
for i in $(seq 1 "${WARM:-30}"); do
  curl -s -o /dev/null -b "$JAR" "$BASE/api/v1/projection?days=730&feesPerBlockBtc=0.1$i"
done
C0=$(cpu)
for i in $(seq 10 30); do
  curl -s -o /dev/null -b "$JAR" -w "%{time_total}\n" "$BASE/api/v1/projection?days=730&feesPerBlockBtc=0.0$i"
done > "$WORK/uncached"
echo "uncached: app CPU per request $(( ($(cpu) - C0) / 21 )) ms"
sort -n "$WORK/uncached" | awk '{a[NR]=$1} END {printf "uncached (new scenario), 21 requests: median %.1f ms, p90 %.1f ms, max %.1f ms\n", a[int(NR/2)+1]*1000, a[int(NR*0.9)]*1000, a[NR]*1000}'
C0=$(cpu)
for _ in $(seq 1 50); do
  curl -s -o /dev/null -b "$JAR" -w "%{time_total}\n" "$BASE/api/v1/projection?days=730"
done > "$WORK/cached"
echo "cached: app CPU per request $(( ($(cpu) - C0) / 50 )) ms"
sort -n "$WORK/cached" | awk '{a[NR]=$1} END {printf "cached, 50 requests: median %.1f ms, p90 %.1f ms, max %.1f ms\n", a[int(NR/2)]*1000, a[int(NR*0.9)]*1000, a[NR]*1000}'
