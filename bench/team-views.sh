#!/usr/bin/env bash
# Benchmark (issue 5): the leader's team view and the trainer's cohort view with 10,000 trainees in
# 1,700 teams and 100 cohorts. Target: p95 under 100 ms, and the same query count as with 10 trainees.
# usage: bench/team-views.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${1:-15}
PORT=${BENCH_PORT:-5098}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d /tmp/caa-bench.XXXXXX)
dotnet publish src/ChangeAgentAcademy.Web -c Release -o "$WORK/site" --nologo -v q >/dev/null
cd "$WORK/site"

# Measurements run with the job server off (JOBS=false): with 10,000 trainees seeded in cohorts that
# started weeks ago, the dispatcher releases ~68,000 assignments and the mail drain then writes their
# notices as e-mails for 20 minutes (about 6 s of CPU a minute on these 2 cores), which would land in
# some measurements and not others. release_all runs the dispatcher once beforehand, so the pages
# read the released work (the assignment columns) all the same.
start_site() { # $1: EF command log level; JOBS=true runs the job server
  ASPNETCORE_ENVIRONMENT=Production dotnet ChangeAgentAcademy.Web.dll --urls "http://127.0.0.1:$PORT" --Site:PublicUrl="http://127.0.0.1:$PORT" --Jobs:RunServer="${JOBS:-false}" \
    --Database:ConnectionString="Data Source=$WORK/academy.db" --Curriculum:ContentPath="$ROOT/content" \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command="$1" \
    --Logging:Console:FormatterName=json --Logging:Console:FormatterOptions:IncludeScopes=true --Security:SignInAttemptsPerMinute=1000 > "$WORK/site.log" 2>&1 &
  SITE=$!
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return; sleep 1; done
  echo "site did not start"; tail -20 "$WORK/site.log"; exit 1
}
stop_site() { kill "$SITE" 2>/dev/null; wait "$SITE" 2>/dev/null || true; }
trap 'stop_site; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

sign_in() { # $1 email -> cookie header
  local jar="$WORK/jar-$1" token
  token=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Email=$1" --data-urlencode "Password=Demo-Academy-2026!" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$PORT/account/signin"
  awk '$6 ~ /^(caa.session|\.AspNetCore\.Culture)$/ {printf "%s=%s; ", $6, $7}' "$jar"
}
# Commands logged inside requests for $1 (json log lines carry the request path in their scope;
# background work such as the curriculum generation refresher has none and is not counted).
count_for() { grep '"EventId":20101' "$WORK/site.log" | grep -c "\"RequestPath\":\"$1\"" || true; }
queries() { # $1 cookie, $2 path -> "warm/after-idle": commands of a repeated request, and of one after 3 s idle
  curl -s -o /dev/null -H "Cookie: $1" "http://127.0.0.1:$PORT$2"
  local before warm; before=$(count_for "$2")
  curl -s -o /dev/null -H "Cookie: $1" "http://127.0.0.1:$PORT$2"
  sleep 0.3
  warm=$(( $(count_for "$2") - before ))
  sleep 3; before=$(count_for "$2")
  curl -s -o /dev/null -H "Cookie: $1" "http://127.0.0.1:$PORT$2"
  sleep 0.3
  echo "$warm/$(( $(count_for "$2") - before ))"
}

start_site Information
SMALL_LEADER=$(sign_in leader1@demo.local); SMALL_TRAINER=$(sign_in trainer1@demo.local)
DEMO_COHORT=/cohorts/8d3c2f1e-0a4b-4c6d-9e8f-000000000001
echo "== queries (repeated request / after 3 s idle) with the demo programme (12 trainees): /team $(queries "$SMALL_LEADER" /team), cohort view $(queries "$SMALL_TRAINER" $DEMO_COHORT)"
stop_site

release_all() { # the dispatcher (every minute) until the released work stops growing
  JOBS=true start_site Warning
  local before=-1 now=0
  while [ "$now" != "$before" ] || [ "$now" = 0 ]; do
    sleep 65; before=$now
    now=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from reflections_work').fetchone()[0])" "$WORK/academy.db")
  done
  stop_site
  echo "released $now work items (assignments per enrolled member) before measuring"
}

python3 "$ROOT/bench/seed-scale.py" "$WORK/academy.db"
release_all
start_site Information
LEADER=$(sign_in leader1@bench.local); TRAINER=$(sign_in trainer1@demo.local)
COHORT_ID=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select lower(Id) from cohorts_cohorts where Name='Scale cohort 001'\").fetchone()[0])" "$WORK/academy.db")
echo "== queries (repeated / after idle) at scale (10,000 trainees): /team $(queries "$LEADER" /team), cohort view (100 members) $(queries "$TRAINER" /cohorts/$COHORT_ID)"
stop_site

start_site Warning
LEADER=$(sign_in leader1@bench.local); TRAINER=$(sign_in trainer1@demo.local)
cat > "$WORK/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("requests/s %.0f  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
# One connection: the page's own latency. Ten: ten people asking at once, non-stop, on 2 cores
# (p50 then approaches 10 / throughput by Little's law).
for target in "/team|$LEADER" "/cohorts/$COHORT_ID|$TRAINER"; do
  path=${target%%|*}; cookie=${target#*|}
  wrk -t2 -c10 -d10s -H "Cookie: $cookie" "http://127.0.0.1:$PORT$path" >/dev/null
  for connections in 1 10; do
    echo "== $path, $connections connection(s), ${DURATION}s"
    wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${DURATION}s" -s "$WORK/p95.lua" -H "Cookie: $cookie" "http://127.0.0.1:$PORT$path" | tail -1
  done
done
