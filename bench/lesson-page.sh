#!/usr/bin/env bash
# Benchmark: a signed-in trainee's lesson page, Release build, SQLite, loopback, wrk.
# Target (issue 4): >= 2,000 requests/s and p99 < 25 ms at 200 connections on this 2-core machine.
# usage: bench/lesson-page.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${2:-200}
PORT=${BENCH_PORT:-5099}
URL_PATH=/learn/m1-role-and-mandate/l1-co-creation
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

WORK=$(mktemp -d /tmp/caa-bench.XXXXXX)
dotnet publish src/ChangeAgentAcademy.Web -c Release -o "$WORK/site" --nologo -v q >/dev/null
cd "$WORK/site"
# Production-like: request logs at Warning (one JSON line per request at 2,000 req/s is its own benchmark).
ASPNETCORE_ENVIRONMENT=Production dotnet ChangeAgentAcademy.Web.dll \
  --urls "http://127.0.0.1:$PORT" --Site:PublicUrl="http://127.0.0.1:$PORT" \
  --Database:ConnectionString="Data Source=$WORK/academy.db" \
  --Curriculum:ContentPath="$OLDPWD/content" \
  --Logging:LogLevel:Default=Warning --Security:SignInAttemptsPerMinute=1000 > "$WORK/site.log" 2>&1 &
SITE=$!
trap 'kill $SITE 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done

JAR="$WORK/cookies"
TOKEN=$(curl -s -c "$JAR" "http://127.0.0.1:$PORT/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "Email=trainee1@demo.local" --data-urlencode "Password=Demo-Academy-2026!" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "http://127.0.0.1:$PORT/account/signin"
COOKIE=$(awk '$6 ~ /^(caa.session|\.AspNetCore\.Culture)$/ {printf "%s=%s; ", $6, $7}' "$JAR")
STATUS=$(curl -s -o /dev/null -w "%{http_code}" -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$URL_PATH")
[ "$STATUS" = 200 ] || { echo "lesson page answered $STATUS, not 200"; cat "$WORK/site.log" | tail -20; exit 1; }
BYTES=$(curl -s -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$URL_PATH" | wc -c)

# Tiered JIT and PGO settle after some thousands of requests: measure a warm site.
echo "== warm-up (15 s)"
wrk -t2 -c50 -d15s -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$URL_PATH" >/dev/null
echo "== $URL_PATH ($BYTES bytes), $CONNECTIONS connections, ${DURATION}s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$URL_PATH"
echo "== the same at 20 connections"
wrk -t2 -c20 -d10s --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$URL_PATH" | grep -E "Requests/sec|50%|99%"
