#!/usr/bin/env bash
# Two nodes of the published site on one real PostgreSQL behind nginx (round robin), all on loopback.
# Checks: sign-in through nginx; requests alternate between the nodes (X-Node header); a form fetched from node A
# is accepted by node B (shared data-protection keys); a curriculum publish on node A shows on node B within 3 s; a node killed (kill -9) in the middle of a load of
# hand-ins loses no acknowledged (302) hand-in, and the other node keeps serving.
# Needs CAA_TEST_PG (a maintenance connection string, as test.sh exports) and nginx (nginx-light).
# usage: tests/two-nodes.sh            (exit 0 when every check passed; prints "two-nodes: N passed, N failed")
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PASSWORD='Demo-Academy-2026!'
: "${CAA_TEST_PG:?set CAA_TEST_PG (test.sh does)}"
PGPORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<< "$CAA_TEST_PG")
PGHOST=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<< "$CAA_TEST_PG")
DBNAME="caa_two_nodes_$$"
free_port() { local p=$1; while (echo > /dev/tcp/127.0.0.1/$p) >/dev/null 2>&1; do p=$((p+1)); done; echo $p; }
PORT_A=$(free_port 5301); PORT_B=$(free_port $((PORT_A+1))); PORT_LB=$(free_port $((PORT_B+1)))
LB="http://127.0.0.1:$PORT_LB"
WORK=$(mktemp -d /tmp/caa-two-nodes.XXXXXX)
CS="Host=$PGHOST;Port=$PGPORT;Username=postgres;Database=$DBNAME;Pooling=true;Maximum Pool Size=30"
PIDS=()
passed=0; failed=0
ok() { echo "  ok: $*"; passed=$((passed+1)); }
bad() { echo "  FAILED: $*"; failed=$((failed+1)); }
psql_db() { psql -h "$PGHOST" -p "$PGPORT" -U postgres -d "$DBNAME" -tAq -c "$1"; }
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS \"$DBNAME\" WITH (FORCE)" >/dev/null 2>&1 || true
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
started=$(date +%s)

# The Release build test.sh has just made (a private copy: nobody rebuilds under the running nodes); else publish.
BUILT="$ROOT/src/ChangeAgentAcademy.Web/bin/Release/net10.0"
if [ -f "$BUILT/ChangeAgentAcademy.Web.dll" ]; then
  echo "== two nodes behind nginx: the Release build"
  cp -r "$BUILT" "$WORK/site"
else
  echo "== two nodes behind nginx: publishing the site"
  dotnet publish src/ChangeAgentAcademy.Web -c Release -o "$WORK/site" --nologo -v q > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
fi
psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -q -c "CREATE DATABASE \"$DBNAME\"" >/dev/null

settings() { # $1 node id -> ARGS
  ARGS=(--Database:Provider=PostgreSql "--Database:ConnectionString=$CS" --Jobs:Nodes=2 --Demo:Enabled=true \
    --Site:PublicUrl="$LB" --Site:KnownProxies:0=127.0.0.1 --Site:NodeId="$1" --AllowedHosts='*' \
    --Mail:PickupFolder="$WORK/mail" --Curriculum:ContentPath="$ROOT/content" \
    --Security:SignInAttemptsPerMinute=10000 --Logging:LogLevel:Default=Warning --Logging:Console:FormatterName=simple)
}
# Migrations before start, as in production (docs/DEPLOYMENT.md); it also makes the first data-protection key.
settings migrate
(cd "$WORK/site" && dotnet ChangeAgentAcademy.Web.dll migrate "${ARGS[@]}") > "$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; exit 1; }

start_node() { # $1 id, $2 port
  settings "$1"
  (cd "$WORK/site" && ASPNETCORE_ENVIRONMENT=Production exec dotnet ChangeAgentAcademy.Web.dll --urls "http://127.0.0.1:$2" "${ARGS[@]}") > "$WORK/node-$1.log" 2>&1 &
  PIDS+=($!)
  eval "PID_$1=$!"
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/health" || true)" = 200 ] && return 0
    sleep 0.5
  done
  echo "node $1 did not start"; tail -30 "$WORK/node-$1.log"; exit 1
}
start_node a "$PORT_A"   # the first start imports the demo data; the second finds it there
start_node b "$PORT_B"

# nginx, round robin; the same file as docs/DEPLOYMENT.md's, with loopback ports and no TLS.
mkdir -p "$WORK/nginx/logs"
sed -e "s/@NODE_A@/127.0.0.1:$PORT_A/; s/@NODE_B@/127.0.0.1:$PORT_B/; s/@LISTEN@/127.0.0.1:$PORT_LB/; s#@PREFIX@#$WORK/nginx#g" \
  "$ROOT/tests/two-nodes.nginx.conf" > "$WORK/nginx/nginx.conf"
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" || { echo "nginx did not start"; exit 1; }
echo "== nodes a :$PORT_A and b :$PORT_B, nginx :$PORT_LB, PostgreSQL :$PGPORT/$DBNAME"

hidden() { grep -o "name=\"$1\"[^>]*value=\"[^\"]*\"" "$2" | head -1 | sed 's/.*value="//;s/"$//'; }
sign_in() { # $1 base, $2 email, $3 jar -> status
  rm -f "$3"
  curl -s -c "$3" "$1/account/signin" > "$WORK/signin.html"
  local token; token=$(hidden __RequestVerificationToken "$WORK/signin.html")
  curl -s -o /dev/null -w '%{http_code}' -b "$3" -c "$3" --data-urlencode "Email=$2" --data-urlencode "Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$1/account/signin"
}

echo "== sign in through nginx; requests alternate"
status=$(sign_in "$LB" trainee1@demo.local "$WORK/jar")
[ "$status" = 302 ] && ok "signed in through nginx (302)" || bad "sign-in through nginx answered $status"
nodes=""; codes=""
for _ in $(seq 1 10); do
  line=$(curl -s -o /dev/null -D - -b "$WORK/jar" "$LB/learn" | tr -d '\r' | awk 'NR==1{c=$2} tolower($1)=="x-node:"{n=$2} END{print c" "n}')
  codes+="${line% *} "; nodes+="${line#* }"
done
echo "  nodes answering /learn: $nodes; statuses: $codes"
[ "$codes" = "$(printf '200 %.0s' $(seq 1 10))" ] && ok "10 pages of /learn through nginx, all 200 with one session" || bad "statuses $codes"
[[ "$nodes" == "ababababab" || "$nodes" == "bababababa" ]] && ok "requests alternate between the nodes (round robin)" || bad "nodes did not alternate: $nodes"

echo "== a form fetched from node a, posted to node b"
rm -f "$WORK/jar2"
curl -s -c "$WORK/jar2" "http://127.0.0.1:$PORT_A/account/signin" > "$WORK/form-a.html"
token=$(hidden __RequestVerificationToken "$WORK/form-a.html")
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar2" -c "$WORK/jar2" --data-urlencode "Email=trainee2@demo.local" --data-urlencode "Password=$PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$PORT_B/account/signin")
[ "$status" = 302 ] && ok "sign-in form from node a accepted by node b (302)" || bad "node b answered $status to node a's form"
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar2" "http://127.0.0.1:$PORT_A/learn")
[ "$status" = 200 ] && ok "the session cookie node b issued is valid on node a" || bad "node a answered $status to node b's cookie"
keys=$(psql_db "SELECT COUNT(*) FROM core_data_protection_keys")
[ "$keys" = 1 ] && ok "one data-protection key, in the database" || bad "$keys data-protection keys"

echo "== a curriculum publish on node a shows on node b (stated: within 3 s; each node polls the generation every second)"
LESSON=/learn/m1-role-and-mandate/l1-co-creation
EDIT=/curriculum/admin/edit/m1-role-and-mandate/l1-co-creation/en
B="http://127.0.0.1:$PORT_B"; A="http://127.0.0.1:$PORT_A"
before=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar2" "$B$LESSON")   # node b has the lesson in its snapshot
sign_in "$A" trainer2@demo.local "$WORK/jar-trainer" > /dev/null
curl -s -b "$WORK/jar-trainer" -c "$WORK/jar-trainer" "$A$EDIT" > "$WORK/edit-lesson.html"
af=$(hidden __RequestVerificationToken "$WORK/edit-lesson.html")
revision=$(grep -o 'id="Revision" name="Revision" value="[0-9]*"' "$WORK/edit-lesson.html" | grep -o '[0-9]*"$' | tr -d '"')
marker="Published on node a at $(date +%s%N)"
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar-trainer" -c "$WORK/jar-trainer" --data-urlencode "__RequestVerificationToken=$af"   --data-urlencode "Title=Co-creation" --data-urlencode "ReadingMinutes=4" --data-urlencode "Markdown=$marker"   --data-urlencode "Revision=$revision" --data-urlencode "intent=publish" "$A$EDIT")
published=$(date +%s%N); seen=""
while [ $(( ($(date +%s%N) - published) / 1000000 )) -lt 10000 ]; do
  curl -s -b "$WORK/jar2" "$B$LESSON" | grep -qF "$marker" && { seen=$(( ($(date +%s%N) - published) / 1000000 )); break; }
  sleep 0.1
done
if [ "$before" = 200 ] && [ "$status" = 302 ] && [ -n "$seen" ] && [ "$seen" -le 3000 ]; then
  ok "published on node a (302), shown on node b after $seen ms"
else
  bad "publish on a: before $before, publish $status, seen on b after ${seen:-never (10 s)} ms"
fi

if [ -n "${BENCH_SECONDS:-}" ]; then
  # bench/two-nodes.sh: the lesson page through nginx (two nodes) and from node a directly, in one run.
  URL=/learn/m1-role-and-mandate/l1-co-creation
  COOKIE=$(awk '$6 ~ /^(caa.session|\.AspNetCore\.Culture)$/ {printf "%s=%s; ", $6, $7}' "$WORK/jar")
  for target in "$LB" "http://127.0.0.1:$PORT_A"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$target$URL")
    [ "$code" = 200 ] || { echo "$target$URL answered $code"; exit 1; }
    wrk -t2 -c50 -d5s -H "Cookie: $COOKIE" "$target$URL" > /dev/null
  done
  for round in 1 2; do
    for target in "$LB" "http://127.0.0.1:$PORT_A"; do
      name=$([ "$target" = "$LB" ] && echo "nginx, two nodes" || echo "node a directly")
      echo "== round $round: $name: $URL, 50 connections, ${BENCH_SECONDS}s"
      wrk -t2 -c50 -d"${BENCH_SECONDS}s" --latency -H "Cookie: $COOKIE" "$target$URL" | grep -E "Requests/sec|Non-2xx|  50%|  99%"
    done
  done
  exit 0
fi

echo "== kill -9 node b in the middle of a load of hand-ins through nginx"
ITEMS=()
for n in $(seq 4 12); do
  sign_in "$LB" "trainee$n@demo.local" "$WORK/jar-$n" > /dev/null
  curl -s -b "$WORK/jar-$n" "$LB/reflections" > "$WORK/list-$n.html"
  for id in $(sed -n '/id="current-heading"/,/<\/section>/p' "$WORK/list-$n.html" | grep -o 'href="/reflections/[0-9]*"' | grep -o '[0-9]*' | head -2); do
    ITEMS+=("$n $id")
  done
done
echo "  ${#ITEMS[@]} open work items"
acked=0; lost=0; refused=0; i=0
for item in "${ITEMS[@]}"; do
  read -r n id <<< "$item"; i=$((i+1))
  curl -s -b "$WORK/jar-$n" -c "$WORK/jar-$n" "$LB/reflections/$id" > "$WORK/edit.html"
  af=$(hidden __RequestVerificationToken "$WORK/edit.html"); token=$(hidden token "$WORK/edit.html")
  text="Hand-in number $i of the two-node test, written to be kept."
  if [ "$i" = 4 ]; then kill -9 "$PID_b"; echo "  node b killed before hand-in $i"; fi
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar-$n" -c "$WORK/jar-$n" \
    --data-urlencode "__RequestVerificationToken=$af" --data-urlencode "token=$token" \
    --data-urlencode "text=$text" --data-urlencode "confirm=true" "$LB/reflections/$id/submit" || echo 000)
  if [ "$status" = 302 ]; then
    acked=$((acked+1))
    rows=$(psql_db "SELECT COUNT(*) FROM reflections_submissions WHERE \"WorkId\" = $id AND \"SubmitToken\" = '$token'")
    [ "$rows" = 1 ] || { lost=$((lost+1)); echo "  LOST: /reflections/$id acknowledged but $rows rows"; }
  else
    refused=$((refused+1)); echo "  hand-in $i (/reflections/$id) answered $status (not acknowledged)"
  fi
done
[ "$acked" -gt 0 ] && [ "$lost" = 0 ] && ok "$acked acknowledged hand-ins, 0 lost ($refused not acknowledged)" || bad "$acked acknowledged, $lost lost"
nodes=""; codes=""
for _ in $(seq 1 6); do
  line=$(curl -s -o /dev/null -D - -b "$WORK/jar" "$LB/learn" | tr -d '\r' | awk 'NR==1{c=$2} tolower($1)=="x-node:"{n=$2} END{print c" "n}')
  codes+="${line% *} "; nodes+="${line#* }"
done
[ "$codes" = "200 200 200 200 200 200 " ] && [ "$nodes" = "aaaaaa" ] && ok "node a keeps serving alone (6 x 200 from a)" || bad "after the kill: statuses $codes nodes $nodes"

echo "two-nodes: $passed passed, $failed failed ($(( $(date +%s) - started )) s)"
[ "$failed" = 0 ]
