#!/usr/bin/env bash
# Benchmark (issue 18): cold start = process start to the first 200 on a signed-in trainee's lesson page, Release,
# SQLite, an existing database (made, migrated and seeded with the demo by a first run that is not timed; the
# trainee signs in then, and the cookie stays valid because the key ring is in the database).
# Each timed run starts a new process and polls the lesson page with curl every ~10 ms until it answers 200.
# usage: bench/cold-start.sh [runs]     SITE_DIR=<published site> skips the publish;
#        PUBLISH_ARGS="-r linux-x64 --self-contained false -p:PublishReadyToRun=false" changes the publish;
#        SITE_ARGS="--Jobs:RunServer=false" adds settings; DOTNET_* variables reach the site (e.g. DOTNET_TieredPGO=0).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-5}
PORT=${BENCH_PORT:-5098}
WORK=$(mktemp -d /tmp/caa-cold.XXXXXX)
if [ -z "${SITE_DIR:-}" ]; then
  # shellcheck disable=SC2086
  dotnet publish src/ChangeAgentAcademy.Web -c Release -o "$WORK/site" --nologo -v q ${PUBLISH_ARGS:-} >/dev/null
  SITE_DIR="$WORK/site"
fi
SITE=""
start_site() {
  # shellcheck disable=SC2086
  (cd "$SITE_DIR" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet ChangeAgentAcademy.Web.dll --urls "http://127.0.0.1:$PORT" \
    --Site:PublicUrl="http://127.0.0.1:$PORT" \
    --Database:ConnectionString="Data Source=$WORK/academy.db" --Curriculum:ContentPath="$ROOT/content" \
    --Logging:LogLevel:Default=Warning --Security:SignInAttemptsPerMinute=1000 ${SITE_ARGS:-} >> "$WORK/site.log" 2>&1) &
  SITE=$!
}
stop_site() { [ -z "$SITE" ] || { kill "$SITE" 2>/dev/null; wait "$SITE" 2>/dev/null || true; SITE=""; }; }
trap 'stop_site; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

# First run (not timed): database, migrations, demo data, key ring; the trainee signs in.
start_site
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
jar="$WORK/jar"
token=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Email=trainee1@demo.local" --data-urlencode "Password=Demo-Academy-2026!" \
  --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$PORT/account/signin"
COOKIE=$(awk '$6 ~ /^(caa.session|\.AspNetCore\.Culture)$/ {printf "%s=%s; ", $6, $7}' "$jar")
LESSON="http://127.0.0.1:$PORT/learn/m1-role-and-mandate/l1-co-creation"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$LESSON")" = 200 ] || { echo "lesson page not 200 after sign-in"; tail -20 "$WORK/site.log"; exit 1; }
stop_site

echo "== cold start, $RUNS runs; load before: $(uptime | sed 's/.*load average: //') ($(nproc) cores)"
echo "== publish: ${PUBLISH_ARGS:-default}; site: ${SITE_ARGS:-default}; $(env | grep -E '^DOTNET_' | tr '\n' ' ')"
TIMES=()
CPUS=()
for i in $(seq 1 "$RUNS"); do
  sleep 1
  t0=$(date +%s%N)
  start_site
  code=000
  for _ in $(seq 1 3000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$LESSON" || true)
    [ "$code" = 200 ] && break
    [ "$code" = 000 ] || { echo "run $i: answered $code"; tail -5 "$WORK/site.log"; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  rss=$(( $(awk '/VmRSS/ {print $2}' /proc/$SITE/status) / 1024 ))
  # CPU the site had used by then (all threads, user + system): less disturbed than the wall time on a shared machine.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' /proc/$SITE/stat)
  printf "run %d: first 200 on the lesson page after %5d ms (CPU %5d ms; working set then %d MB)\n" "$i" "$ms" "$cpu" "$rss"
  TIMES+=("$ms")
  CPUS+=("$cpu")
  stop_site
done
printf "%s\n" "${TIMES[@]}" | sort -n | awk '{a[NR]=$1} END {printf "== median %d ms, min %d ms, max %d ms\n", a[int((NR+1)/2)], a[1], a[NR]}'
printf "%s\n" "${CPUS[@]}" | sort -n | awk '{a[NR]=$1} END {printf "== CPU to the first 200: median %d ms, min %d ms, max %d ms\n", a[int((NR+1)/2)], a[1], a[NR]}'
echo "== load after: $(uptime | sed 's/.*load average: //')"
