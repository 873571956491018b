#!/usr/bin/env bash
# Benchmark (issue 18): every kind of page side by side in ONE run of one Release site (SQLite, demo data,
# loopback, wrk): a static file, /health, the anonymous sign-in page, the signed-in trainee's lesson page,
# the trainee's start page and /reflections, the trainer's /review with 30 hand-ins waiting, the leader's
# /team. Prints per page: requests/s, p50, p99, the ratio to the static file, and queries per request
# (counted from the JSON log's EF command events, per request path: a repeated request / one after 3 s idle).
# The machine is shared: the load average is printed before and after; compare runs made back to back.
# "CPU ms/req" is the site process's CPU time (user + system, /proc/<pid>/stat) during the measured run divided by
# the requests it answered: unlike requests/s it hardly depends on what else runs on the machine.
# usage: bench/pages.sh [seconds] [connections]        SITE_DIR=<published site> skips the publish;
#        WARMUP=<seconds> warms each page up longer (default 5; the JIT keeps optimising for a while, so a page measured
#        after 30 s of load is cheaper than after 5: compare runs with the same warm-up);
#        PAGES="lesson start" measures only those (names: static health signin lesson start reflections review team)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${1:-10}
CONNECTIONS=${2:-200}
PORT=${BENCH_PORT:-5097}
PAGES=${PAGES:-static health signin lesson start reflections review team}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d /tmp/caa-bench.XXXXXX)
if [ -z "${SITE_DIR:-}" ]; then
  dotnet publish src/ChangeAgentAcademy.Web -c Release -o "$WORK/site" --nologo -v q >/dev/null
  SITE_DIR="$WORK/site"
fi

start_site() { # $1: EF command log level
  (cd "$SITE_DIR" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet ChangeAgentAcademy.Web.dll --urls "http://127.0.0.1:$PORT" \
    --Site:PublicUrl="http://127.0.0.1:$PORT" --Jobs:RunServer=false \
    --Database:ConnectionString="Data Source=$WORK/academy.db" --Curriculum:ContentPath="$ROOT/content" \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command="$1" \
    --Logging:Console:FormatterName=json --Logging:Console:FormatterOptions:IncludeScopes=true \
    --Security:SignInAttemptsPerMinute=1000 > "$WORK/site.log" 2>&1) &
  SITE=$!
  for _ in $(seq 1 480); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return; sleep 0.5; done
  echo "site did not start"; tail -20 "$WORK/site.log"; exit 1
}
stop_site() { kill "$SITE" 2>/dev/null; wait "$SITE" 2>/dev/null || true; }
trap 'stop_site; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

sign_in() { # $1 email -> cookie header
  local jar="$WORK/jar-$1" token
  token=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Email=$1" --data-urlencode "Password=Demo-Academy-2026!" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$PORT/account/signin"
  awk '$6 ~ /^(caa.session|\.AspNetCore\.Culture|\.AspNetCore\.Antiforgery\..*)$/ {printf "%s=%s; ", $6, $7}' "$jar"
}
count_for() { grep '"EventId":20101' "$WORK/site.log" | grep -c "\"RequestPath\":\"$1\"" || true; }
queries() { # $1 cookie, $2 path -> "warm/after-idle"
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

# Each page: name, path, who (none = anonymous).
LESSON=/learn/m1-role-and-mandate/l1-co-creation
path_of() { case $1 in static) echo /css/site.css;; health) echo /health;; signin) echo /account/signin;; lesson) echo $LESSON;;
  start) echo /;; reflections) echo /reflections;; review) echo /review;; team) echo /team;; esac; }
who_of() { case $1 in lesson|start|reflections) echo trainee1;; review) echo trainer1;; team) echo leader1;; *) echo none;; esac; }

start_site Information
# The trainer's queue: 30 hand-ins waiting (the demo has 3; 27 open reflections get a first version); only when /review is measured.
case " $PAGES " in *" review "*) python3 - "$WORK/academy.db" <<'PY'
import sqlite3, sys, datetime, uuid
db = sqlite3.connect(sys.argv[1])
now = datetime.datetime.utcnow()
fmt = lambda d: d.strftime("%Y-%m-%d %H:%M:%S.%f")
waiting = db.execute("select count(*) from reflections_work where Status='Submitted'").fetchone()[0]
rows = db.execute("select Id from reflections_work where Status='Open' and Versions=0 and LessonKey like '%/reflection' order by Id limit ?", (30 - waiting,)).fetchall()
for i, (wid,) in enumerate(rows):
    at = now - datetime.timedelta(hours=2 + i)
    db.execute("insert into reflections_submissions (WorkId, Number, Text, SubmittedUtc, Late, Findings, SubmittedDespiteWarning, SubmitToken) values (?,1,?,?,0,0,0,?)",
               (wid, "A bench reflection: what I tried, what happened, what I will do next.", fmt(at), uuid.uuid4().hex))
    db.execute("update reflections_work set Status='Submitted', Versions=1, LastSubmittedUtc=? where Id=?", (fmt(at), wid))
db.commit()
print("hand-ins waiting for review:", db.execute("select count(*) from reflections_work where Status='Submitted'").fetchone()[0])
PY
;; esac
declare -A COOKIE
COOKIE[none]=""
for person in trainee1 trainer1 leader1; do COOKIE[$person]=$(sign_in "$person@demo.local"); done
declare -A QUERIES BYTES
for page in $PAGES; do
  p=$(path_of "$page"); c=${COOKIE[$(who_of "$page")]}
  status=$(curl -s -o "$WORK/body" -w "%{http_code}" -H "Cookie: $c" "http://127.0.0.1:$PORT$p")
  [ "$status" = 200 ] || { echo "$page ($p) answered $status, not 200"; tail -5 "$WORK/site.log"; exit 1; }
  BYTES[$page]=$(wc -c < "$WORK/body")
  QUERIES[$page]=$(queries "$c" "$p")
done
stop_site

cat > "$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("%.0f %.1f %.1f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
start_site Warning
echo "== load before: $(uptime | sed 's/.*load average: //')  ($(nproc) cores; wrk -t2 -c$CONNECTIONS -d${DURATION}s per page after a ${WARMUP:-5} s warm-up at 50 connections)"
printf "%-12s %-44s %7s %9s %8s %8s %7s %10s %10s %8s\n" page path bytes "req/s" "p50 ms" "p99 ms" ratio "CPU ms/req" "CPU ratio" queries
cpu_ticks() { awk '{print $14 + $15}' /proc/$SITE/stat; }
HZ=$(getconf CLK_TCK)
STATIC_RPS=""
for page in $PAGES; do
  p=$(path_of "$page"); c=${COOKIE[$(who_of "$page")]}
  hdr=(); [ -n "$c" ] && hdr=(-H "Cookie: $c")
  wrk -t2 -c50 -d"${WARMUP:-5}s" "${hdr[@]}" "http://127.0.0.1:$PORT$p" >/dev/null
  t0=$(cpu_ticks)
  read -r rps p50 p99 n errors < <(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WORK/report.lua" "${hdr[@]}" "http://127.0.0.1:$PORT$p" | tail -1)
  cpu=$(python3 -c "print(f'{($(cpu_ticks) - $t0) * 1000 / $HZ / max($n, 1):.3f}')")
  [ "$page" = static ] && STATIC_RPS=$rps && STATIC_CPU=$cpu
  ratio=$([ -n "$STATIC_RPS" ] && python3 -c "print(f'{$rps/$STATIC_RPS:.3f}')" || echo -)
  cpuratio=$([ -n "${STATIC_CPU:-}" ] && python3 -c "print(f'{$STATIC_CPU/max($cpu, 1e-6):.3f}')" || echo -)
  printf "%-12s %-44s %7s %9s %8s %8s %7s %10s %10s %8s%s\n" "$page" "$p" "${BYTES[$page]}" "$rps" "$p50" "$p99" "$ratio" "$cpu" "$cpuratio" "${QUERIES[$page]}" "$([ "$errors" = 0 ] || echo "  ($errors errors)")"
done
echo "== load after: $(uptime | sed 's/.*load average: //')"
echo "== working set after the run: $(( $(awk '/VmRSS/ {print $2}' /proc/$SITE/status) / 1024 )) MB"
