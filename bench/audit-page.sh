#!/usr/bin/env bash
# Benchmark: /admin/audit over 1,000,000 audit rows (SQLite, Release, loopback, wrk), signed in as the demo administrator.
# Filters measured: by person, by action, by a date range, and the 5,000th page (keyset: Before = the id that page starts after).
# usage: bench/audit-page.sh [seconds] [connections] [rows]
# BENCH_SITE=path/to/ChangeAgentAcademy.Web.dll uses an existing Release build instead of publishing one.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=${1:-10}
CONNECTIONS=${2:-10}
ROWS=${3:-1000000}
PORT=${BENCH_PORT:-5098}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

WORK=$(mktemp -d /tmp/caa-audit-bench.XXXXXX)
if [ -n "${BENCH_SITE:-}" ]; then DLL=$BENCH_SITE; else
  dotnet publish src/ChangeAgentAcademy.Web -c Release -o "$WORK/site" --nologo -v q >/dev/null; DLL="$WORK/site/ChangeAgentAcademy.Web.dll"; fi
start_site() {
  (cd "$(dirname "$DLL")" && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$DLL" \
    --urls "http://127.0.0.1:$PORT" --Site:PublicUrl="http://127.0.0.1:$PORT" \
    --Database:ConnectionString="Data Source=$WORK/academy.db" --Curriculum:ContentPath="$ROOT/content" \
    --Logging:LogLevel:Default=Warning --Security:SignInAttemptsPerMinute=1000 >> "$WORK/site.log" 2>&1) &
  SITE=$!
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return; sleep 1; done
  echo "site did not start"; tail -20 "$WORK/site.log"; exit 1
}
trap 'kill $SITE 2>/dev/null || true; rm -rf "$WORK"' EXIT
start_site   # creates the database and the demo people

echo "== seeding $ROWS audit rows"
kill $SITE; wait $SITE 2>/dev/null || true
python3 - "$WORK/academy.db" "$ROWS" <<'PY'
import sqlite3, sys, random, datetime
db, rows = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db)
people = [r[0] for r in c.execute("SELECT Id FROM core_users")]
actions = ["account.signed-in"] * 6 + ["account.signed-out", "account.sign-in-failed", "reflections.submitted", "reflections.reviewed",
           "supervision.attendance", "workshops.booked", "workshops.cancelled", "cohorts.enrolled", "privacy.export", "account.role-changed"]
random.seed(7)
start = datetime.datetime(2024, 1, 1)
step = (datetime.datetime(2026, 12, 1) - start) / rows
def batch(n0, n):
    for i in range(n0, n0 + n):
        who = random.choice(people)
        at = (start + step * i).strftime("%Y-%m-%d %H:%M:%S")
        yield (at, who, random.choice(actions), random.choice(people), None)
for n0 in range(0, rows, 100_000):
    c.executemany("INSERT INTO core_audit (AtUtc, ActorId, Action, Subject, Details) VALUES (?, ?, ?, ?, ?)", batch(n0, min(100_000, rows - n0)))
    c.commit()
c.execute("ANALYZE"); c.commit()
print(c.execute("SELECT COUNT(*) FROM core_audit").fetchone()[0], "rows")
PY
start_site

JAR="$WORK/cookies"
TOKEN=$(curl -s -c "$JAR" "http://127.0.0.1:$PORT/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "Email=admin@demo.local" --data-urlencode "Password=Demo-Academy-2026!" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "http://127.0.0.1:$PORT/account/signin"
COOKIE=$(awk '$6 ~ /^(caa.session|\.AspNetCore\.Culture)$/ {printf "%s=%s; ", $6, $7}' "$JAR")
MAX=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT MAX(Id) FROM core_audit').fetchone()[0])" "$WORK/academy.db")
BEFORE=$((MAX - 50 * 4999))
for q in "" "?Person=trainee1%40demo.local" "?ActionId=account.role-changed" "?ActionId=account.signed-in" "?From=2025-03-01&To=2025-03-07" "?Before=$BEFORE" "?ActionId=account.signed-in&Before=$BEFORE"; do
  URL="http://127.0.0.1:$PORT/admin/audit$q"
  STATUS=$(curl -s -o "$WORK/page" -w "%{http_code} %{time_total}" -H "Cookie: $COOKIE" "$URL")
  [ "${STATUS%% *}" = 200 ] || { echo "$URL answered $STATUS"; tail -20 "$WORK/site.log"; exit 1; }
  echo "== /admin/audit$q  (first request ${STATUS#* } s, $(grep -c '<tr' "$WORK/page") table rows)"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $COOKIE" "$URL" | grep -E "Requests/sec|50%|99%|Non-2xx"
done
