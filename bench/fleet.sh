# Sourced by bench/load.sh and bench/earnings.sh: waits for the app they started, registers and signs in
# an operator through the pages (as a browser does), and creates bench/load.sh's fleet through the JSON API
# and the CSV import: 10 sites (flat and time-of-use tariffs, five time zones, some curtailing) and 1,000
# rig groups. Expects BASE, MANAGEMENT_PORT, WORK, JAR, EMAIL and PASS; sets CSRF, SESSION and GROUPS_IMPORTED.

for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null && break
  sleep 1
done

cookie() { awk -v n="$1" '$6==n {print $7}' "$JAR"; }
curl -s -c "$JAR" -b "$JAR" -o /dev/null "$BASE/register"
CSRF=$(cookie hashdesk-csrf)
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "csrf-token=$CSRF" --data-urlencode "email=$EMAIL" \
     --data-urlencode "password=$PASS" --data-urlencode "confirm=$PASS" "$BASE/register"
signin() { # the sign-in form carries the page's CSRF token; a session is two cookies (sealed sign-in + session id)
  curl -s -c "$JAR" -b "$JAR" -o /dev/null "$BASE/login"
  curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "csrf-token=$(cookie hashdesk-csrf)" \
       --data-urlencode "j_username=$EMAIL" --data-urlencode "j_password=$PASS" "$BASE/j_security_check"
  SESSION="hashdesk-session=$(cookie hashdesk-session); hashdesk-sid=$(cookie hashdesk-sid)"
  [ -n "$(cookie hashdesk-session)" ] && [ -n "$(cookie hashdesk-sid)" ] || { echo "could not sign in" >&2; exit 1; }
  CSRF=$(cookie hashdesk-csrf)
}
signin
api() { curl -sf -b "$JAR" -H "X-CSRF-TOKEN: $CSRF" "$@"; }

ZONES=(UTC America/Chicago America/New_York Europe/Oslo Asia/Almaty)
for i in $(seq 0 9); do
  if (( i % 2 == 0 )); then
    TARIFF="{\"type\":\"flat\",\"usdPerKwh\":0.0$((45 + i))}"
  else
    TARIFF='{"type":"tou","bands":[{"days":"Mon-Fri","fromHour":0,"toHour":7,"usdPerKwh":0.035},{"days":"Mon-Fri","fromHour":7,"toHour":17,"usdPerKwh":0.06},{"days":"Mon-Fri","fromHour":17,"toHour":21,"usdPerKwh":0.14},{"days":"Mon-Fri","fromHour":21,"toHour":24,"usdPerKwh":0.05},{"days":"Sat-Sun","fromHour":0,"toHour":24,"usdPerKwh":0.04}]}'
  fi
  CURTAIL=$([ $((i % 3)) -eq 1 ] && echo true || echo false)
  api -o /dev/null -H 'Content-Type: application/json' -d "{\"name\":\"Site $i\",\"tariff\":$TARIFF,\"poolFeePercent\":2,\"hostingUsdPerMonth\":$((20000 + 1000 * i)),\"powerOverhead\":1.05,\"uptimePercent\":97,\"curtail\":$CURTAIL,\"timezone\":\"${ZONES[$((i % 5))]}\"}" \
      "$BASE/api/v1/sites"
done
MODELS=("Antminer S19,95,3250" "Antminer S19 Pro,110,3250" "Antminer S19 XP,140,3010" "Antminer S21,200,3500" \
        "Antminer S21 Pro,234,3510" "Antminer S21 XP,270,3645" "Whatsminer M60S,170,3400" "Whatsminer M66S,298,5513")
{
  echo "site,model,units,terahash,watts,purchaseUsdPerUnit,purchaseDate,notes"
  for g in $(seq 0 999); do
    IFS=, read -r NAME TH W <<< "${MODELS[$((g % 8))]}"
    echo "Site $((g % 10)),$NAME,$((10 + g % 90)),$TH,$W,$((2000 + g)),,group $g"
  done
} > "$WORK/rigs.csv"
api -o /dev/null -H 'Content-Type: text/csv' --data-binary "@$WORK/rigs.csv" "$BASE/api/v1/rigs/import"
GROUPS_IMPORTED=$(api "$BASE/api/v1/rigs" | grep -o '"id"' | wc -l)
echo "fleet: 10 sites, $GROUPS_IMPORTED rig groups"
