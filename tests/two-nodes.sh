#!/usr/bin/env bash
# Two nodes of the published site on one real PostgreSQL behind nginx (round robin), all on loopback.
# Checks: sign-in through nginx; requests alternate between the nodes (X-Node header); a form fetched from node A
# is accepted by node B (shared data-protection keys); a curriculum publish on node A shows on node B within 3 s; both
# nodes run the dispatcher and the notice mail drain at the same moment for 20 rounds (ROUNDS) with due work seeded
# between rounds, and SQL finds every effect once (0 duplicate, 0 missed); the per-node caches (docs/DEPLOYMENT.md,
# section 6): a sign-out on A is refused by B, a role change on A ends the session on B and the next sign-in has the
# role, a notice written through A shows in B's inbox badge, each within its stated time; a node killed (kill -9)
# while hand-ins are in flight loses no acknowledged (302) hand-in, and the other node keeps serving.
# The nodes run with Jobs:RunNowHook=true (a test-only hook, off by default) so both can run a job at once.
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
ROUNDS=${ROUNDS:-20}
BADGE_SECONDS=5   # the inbox badge's per-person cache (30 s by default): shorter here to keep the test short
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
section() { echo "== [$(( $(date +%s) - started )) s] $*"; }

# The Release build test.sh has just made (a private copy: nobody rebuilds under the running nodes); else publish.
BUILT="$ROOT/src/ChangeAgentAcademy.Web/bin/Release/net10.0"
if [ -f "$BUILT/ChangeAgentAcademy.Web.dll" ]; then
  section "two nodes behind nginx: the Release build"
  cp -r "$BUILT" "$WORK/site"
else
  section "two nodes behind nginx: publishing the site"
  dotnet publish src/ChangeAgentAcademy.Web -c Release -o "$WORK/site" --nologo -v q > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
fi
psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -q -c "CREATE DATABASE \"$DBNAME\"" >/dev/null

settings() { # $1 node id -> ARGS
  ARGS=(--Database:Provider=PostgreSql "--Database:ConnectionString=$CS" --Jobs:Nodes=2 --Demo:Enabled=true \
    --Site:PublicUrl="$LB" --Site:KnownProxies:0=127.0.0.1 --Site:NodeId="$1" --AllowedHosts='*' \
    --Mail:PickupFolder="$WORK/mail" --Curriculum:ContentPath="$ROOT/content" \
    --Security:SignInAttemptsPerMinute=10000 --Jobs:RunNowHook=true --Notifications:BadgeCacheSeconds=$BADGE_SECONDS --Logging:LogLevel:Default=Warning --Logging:Console:FormatterName=simple)
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
section "nodes a :$PORT_A and b :$PORT_B, nginx :$PORT_LB, PostgreSQL :$PGPORT/$DBNAME"

hidden() { grep -o "name=\"$1\"[^>]*value=\"[^\"]*\"" "$2" | head -1 | sed 's/.*value="//;s/"$//'; }
sign_in() { # $1 base, $2 email, $3 jar -> status
  rm -f "$3"
  curl -s -c "$3" "$1/account/signin" > "$WORK/signin.html"
  local token; token=$(hidden __RequestVerificationToken "$WORK/signin.html")
  curl -s -o /dev/null -w '%{http_code}' -b "$3" -c "$3" --data-urlencode "Email=$2" --data-urlencode "Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$1/account/signin"
}

section "sign in through nginx; requests alternate"
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

section "a form fetched from node a, posted to node b"
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

section "a curriculum publish on node a shows on node b (stated: within 3 s; each node polls the generation every second)"
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
  declare -A RPS=()
  for round in 1 2 3; do
    for target in "$LB" "http://127.0.0.1:$PORT_A"; do
      name=$([ "$target" = "$LB" ] && echo "nginx, two nodes" || echo "node a directly")
      key=$([ "$target" = "$LB" ] && echo lb || echo a)
      echo "== round $round ($(cut -d' ' -f1-3 /proc/loadavg) load): $name: $URL, 50 connections, ${BENCH_SECONDS}s"
      wrk -t2 -c50 -d"${BENCH_SECONDS}s" --latency -H "Cookie: $COOKIE" "$target$URL" > "$WORK/wrk.txt"
      grep -E "Requests/sec|Non-2xx|Socket errors|  50%|  99%" "$WORK/wrk.txt"
      RPS[$key]="${RPS[$key]:-} $(awk '/Requests\/sec/{print $2}' "$WORK/wrk.txt")"
    done
  done
  summary() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
  lb=$(echo "${RPS[lb]}" | summary); one=$(echo "${RPS[a]}" | summary)
  echo "== lesson page, median of 3 rounds: nginx + two nodes $lb req/s (rounds:${RPS[lb]}), node a directly $one req/s (rounds:${RPS[a]});" \
    "ratio $(awk -v x="$lb" -v y="$one" 'BEGIN{printf "%.2f", x/y}'); load average now $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
  exit 0
fi

section "both nodes run the dispatcher together for $ROUNDS rounds, due work seeded between rounds"
# Each round: the next unreleased assignment of the demo cohort is made due now (12 work rows, their release
# notices, a before-due reminder each), and two open work items of trainee1-3 are moved 25 h past due (an overdue
# mark and an after-due reminder each); then both nodes run the dispatcher at the same moment through the test
# hook (Jobs:RunNowHook), then both run the notice mail drain at the same moment. Hangfire's own minute runs on
# both nodes carry on meanwhile. Afterwards SQL counts every effect: once each, none missing.
psql_db "CREATE TABLE twonodes_expected (\"WorkId\" bigint NOT NULL, \"Kind\" text NOT NULL)"
T0=$(psql_db "SELECT now()")
runs_ok=0; runs_bad=0; releases_seeded=0
run_both() { # $1 job id: POST the hook on node a and node b at once; counts answers that are 200
  curl -s -o /dev/null -w '%{http_code}\n' -X POST "$A/test-hooks/jobs/$1" > "$WORK/run-a" & local pa=$!
  curl -s -o /dev/null -w '%{http_code}\n' -X POST "$B/test-hooks/jobs/$1" > "$WORK/run-b" & local pb=$!
  wait $pa $pb || true
  for f in "$WORK/run-a" "$WORK/run-b"; do
    if [ "$(cat "$f")" = 200 ]; then runs_ok=$((runs_ok+1)); else runs_bad=$((runs_bad+1)); echo "  $1 on ${f##*-} answered $(cat "$f")"; fi
  done
}
for round in $(seq 1 $ROUNDS); do
  released=$(psql_db "WITH rel AS (UPDATE reflections_schedule SET \"ReleaseUtc\" = now() - interval '1 second', \"DueUtc\" = now() + interval '30 hours', \"DatesMoved\" = true
      WHERE \"Id\" = (SELECT \"Id\" FROM reflections_schedule WHERE \"ReleasedUtc\" IS NULL ORDER BY \"ReleaseUtc\", \"Id\" LIMIT 1) RETURNING \"Id\"),
    pick AS (SELECT w.\"Id\" FROM reflections_work w JOIN core_users u ON u.\"Id\" = w.\"UserId\"
      WHERE u.\"Email\" IN ('trainee1@demo.local', 'trainee2@demo.local', 'trainee3@demo.local') AND w.\"Active\" AND w.\"Status\" = 'Open'
        AND NOT EXISTS (SELECT 1 FROM twonodes_expected e WHERE e.\"WorkId\" = w.\"Id\" AND e.\"Kind\" = 'AfterDue')
        AND NOT EXISTS (SELECT 1 FROM reflections_reminders r WHERE r.\"WorkId\" = w.\"Id\" AND r.\"Kind\" = 'AfterDue')
      ORDER BY w.\"Id\" LIMIT 2),
    moved AS (UPDATE reflections_work w SET \"DueUtc\" = now() - interval '25 hours', \"OverdueUtc\" = NULL FROM pick WHERE w.\"Id\" = pick.\"Id\" RETURNING w.\"Id\"),
    expected AS (INSERT INTO twonodes_expected SELECT \"Id\", 'AfterDue' FROM moved RETURNING 1)
    SELECT (SELECT COUNT(*) FROM rel) + 0 * (SELECT COUNT(*) FROM expected)")
  [ "$released" = 1 ] && releases_seeded=$((releases_seeded+1))
  run_both reflections:dispatch
  run_both notifications:outbox
done
# Release work expects a before-due reminder (due in 30 h); then the last mail: one more drain on both nodes, and
# whatever Hangfire picked up (the dispatcher triggers the drain) is waited for.
psql_db "INSERT INTO twonodes_expected SELECT w.\"Id\", 'BeforeDue' FROM reflections_work w JOIN reflections_schedule s ON s.\"Id\" = w.\"ScheduledId\"
  WHERE s.\"DatesMoved\" AND s.\"ReleasedUtc\" >= '$T0' AND w.\"Status\" = 'Open'"
run_both notifications:outbox
for _ in $(seq 1 40); do
  [ "$(psql_db "SELECT COUNT(*) FROM notifications_outbox WHERE \"SentUtc\" IS NULL OR \"ClaimToken\" IS NOT NULL")" = 0 ] && break
  sleep 0.25
done
NOT_DIGEST="NOT EXISTS (SELECT 1 FROM notifications_preferences p WHERE p.\"UserId\" = i.\"UserId\" AND p.\"Mode\" = 'DailyDigest')"
files=$(find "$WORK/mail" -name '*.eml' 2>/dev/null | wc -l)
# Every count in one query (one psql start instead of twenty): the effects made, then the missed ones (an effect
# that was due and is not there), then the duplicates (one effect written twice).
IFS='|' read -r r_releases r_work r_overdue r_reminders r_notices r_sent m_release m_work m_release_notice m_reminder m_overdue m_reminder_notice m_mail_queue m_mail_row m_sent d_work d_reminder d_notice d_outbox <<< "$(psql_db "SELECT
  (SELECT COUNT(*) FROM reflections_schedule WHERE \"DatesMoved\" AND \"ReleasedUtc\" >= '$T0'),
  (SELECT COUNT(*) FROM reflections_work w JOIN reflections_schedule s ON s.\"Id\" = w.\"ScheduledId\" WHERE s.\"DatesMoved\" AND s.\"ReleasedUtc\" >= '$T0'),
  (SELECT COUNT(*) FROM reflections_work w JOIN twonodes_expected e ON e.\"WorkId\" = w.\"Id\" AND e.\"Kind\" = 'AfterDue' WHERE w.\"OverdueUtc\" IS NOT NULL),
  (SELECT COUNT(*) FROM reflections_reminders WHERE \"CreatedUtc\" >= '$T0'),
  (SELECT COUNT(*) FROM notifications_inbox WHERE \"CreatedUtc\" >= '$T0'),
  (SELECT COUNT(*) FROM notifications_outbox WHERE \"SentUtc\" >= '$T0'),
  (SELECT COUNT(*) FROM reflections_schedule WHERE \"DatesMoved\" AND \"ReleaseUtc\" < now() - interval '1 second' AND \"ReleasedUtc\" IS NULL),
  (SELECT COUNT(*) FROM reflections_schedule s JOIN cohorts_members m ON m.\"CohortId\" = s.\"CohortId\" AND m.\"Status\" = 'Enrolled'   WHERE s.\"ReleasedUtc\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reflections_work w WHERE w.\"ScheduledId\" = s.\"Id\" AND w.\"UserId\" = m.\"UserId\")),
  (SELECT COUNT(*) FROM reflections_work w WHERE NOT EXISTS (SELECT 1 FROM notifications_inbox i WHERE i.\"Key\" = 'reflections:released:' || w.\"Id\")),
  (SELECT COUNT(*) FROM twonodes_expected e WHERE NOT EXISTS (SELECT 1 FROM reflections_reminders r WHERE r.\"WorkId\" = e.\"WorkId\" AND r.\"Kind\" = e.\"Kind\")),
  (SELECT COUNT(*) FROM reflections_work w JOIN twonodes_expected e ON e.\"WorkId\" = w.\"Id\" AND e.\"Kind\" = 'AfterDue' WHERE w.\"OverdueUtc\" IS NULL),
  (SELECT COUNT(*) FROM reflections_reminders r WHERE NOT EXISTS (SELECT 1 FROM notifications_inbox i WHERE i.\"Key\" = 'reflections:remind:' || r.\"WorkId\" || ':' || r.\"Kind\")),
  (SELECT COUNT(*) FROM notifications_inbox i WHERE i.\"Mail\" = 'Pending' AND $NOT_DIGEST),
  (SELECT COUNT(*) FROM notifications_inbox i WHERE i.\"Mail\" = 'Mailed' AND NOT EXISTS (SELECT 1 FROM notifications_outbox o WHERE o.\"Key\" = 'notice:' || replace(i.\"Id\"::text, '-', ''))),
  (SELECT COUNT(*) FROM notifications_outbox WHERE \"SentUtc\" IS NULL),
  (SELECT COUNT(*) - COUNT(DISTINCT (\"ScheduledId\", \"UserId\")) FROM reflections_work),
  (SELECT COUNT(*) - COUNT(DISTINCT (\"WorkId\", \"Kind\")) FROM reflections_reminders),
  (SELECT COUNT(*) - COUNT(DISTINCT \"Key\") FROM notifications_inbox),
  (SELECT COUNT(*) - COUNT(DISTINCT \"Key\") FROM notifications_outbox WHERE \"Key\" IS NOT NULL)")"
psql_db "SELECT replace(\"Id\"::text, '-', '') FROM notifications_outbox WHERE \"SentUtc\" IS NOT NULL" | sort > "$WORK/sent-ids"
find "$WORK/mail" -name '*.eml' -exec grep -hi '^Message-Id:' {} + | sed 's/.*<\([0-9a-f]*\)@.*/\1/' | sort > "$WORK/mail-ids"
m_file=$(comm -23 "$WORK/sent-ids" "$WORK/mail-ids" | wc -l)
# Duplicates: one effect written twice.
d_mail=$(uniq -d "$WORK/mail-ids" | wc -l); d_files=$((files - $(sort -u "$WORK/mail-ids" | wc -l)))
extra_files=$(comm -13 "$WORK/sent-ids" <(sort -u "$WORK/mail-ids") | wc -l)
echo "  $runs_ok hook runs answered 200 ($runs_bad not); $releases_seeded releases seeded"
echo "  effects since the start: $r_releases releases, $r_work work rows, $r_overdue overdue marks, $r_reminders reminders, $r_notices notices, $r_sent mails sent ($files .eml files in the pickup folder)"
echo "  missed: release $m_release, work $m_work, release notice $m_release_notice, reminder $m_reminder, overdue $m_overdue, reminder notice $m_reminder_notice, mail queued $m_mail_queue, outbox row $m_mail_row, unsent $m_sent, mail file $m_file"
echo "  duplicate: work $d_work, reminder $d_reminder, notice $d_notice, outbox $d_outbox, mail $d_mail (+$d_files files), mail not in the outbox $extra_files"
missed=$((m_release + m_work + m_release_notice + m_reminder + m_overdue + m_reminder_notice + m_mail_queue + m_mail_row + m_sent + m_file))
duplicated=$((d_work + d_reminder + d_notice + d_outbox + d_mail + d_files + extra_files))
if [ "$runs_bad" = 0 ] && [ "$runs_ok" = $((ROUNDS * 4 + 2)) ] && [ "$r_releases" -gt 0 ] && [ "$r_reminders" -gt 0 ] && [ "$r_sent" -gt 0 ] && [ "$missed" = 0 ] && [ "$duplicated" = 0 ]; then
  ok "$ROUNDS dispatcher rounds on both nodes: $r_releases releases, $r_reminders reminders, $r_notices notices, $r_sent mails; 0 duplicate, 0 missed"
else
  bad "$ROUNDS dispatcher rounds: $missed missed, $duplicated duplicate, $runs_bad hook runs failed"
fi

section "per-node caches: what one node changes, the other node sees within the stated time (docs/DEPLOYMENT.md, section 6)"
code() { curl -s -o /dev/null -w '%{http_code}' "$@" || echo 000; }
wait_for() { # $1 ms limit, $2 expected status, then the curl arguments: polls every 100 ms -> "ms status"
  local limit=$1 want=$2; shift 2; local t0; t0=$(date +%s%N); local got
  while :; do
    got=$(code "$@"); local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    if [ "$got" = "$want" ] || [ "$ms" -ge "$limit" ]; then echo "$ms $got"; return; fi
    sleep 0.1
  done
}
# The session check: signed out on node a, refused by node b (which had checked and remembered the session).
sign_in "$A" trainee3@demo.local "$WORK/jar-s" > /dev/null
b1=$(code -b "$WORK/jar-s" "$B/learn"); b2=$(code -b "$WORK/jar-s" "$B/learn")
curl -s -b "$WORK/jar-s" "$A/learn" > "$WORK/page-s.html"
so=$(code -b "$WORK/jar-s" --data-urlencode "__RequestVerificationToken=$(hidden __RequestVerificationToken "$WORK/page-s.html")" "$A/account/signout")
read -r ms after <<< "$(wait_for 5000 302 -b "$WORK/jar-s" "$B/learn")"
[ "$b1 $b2 $so $after" = "200 200 302 302" ] && ok "signed out on node a (302): node b refused the session after $ms ms (stated: about 1 s, 5 s at most)" \
  || bad "sign-out on a: b before $b1 $b2, sign-out $so, b after $ms ms: $after"
# Roles and permissions: trainee3 is given the Trainer role on node a; node b ends the old session (a role change ends
# every session of the person) and the next sign-in carries the new role.
sign_in "$B" trainee3@demo.local "$WORK/jar-r" > /dev/null
r_before=$(code -b "$WORK/jar-r" "$B/review")
sign_in "$A" admin@demo.local "$WORK/jar-admin" > /dev/null
IFS='|' read -r pid pname pemail plang pteam <<< "$(psql_db "SELECT \"Id\", \"DisplayName\", \"Email\", COALESCE(\"Language\", 'en'), COALESCE(\"TeamId\"::text, '') FROM core_users WHERE \"Email\" = 'trainee3@demo.local'")"
curl -s -b "$WORK/jar-admin" -c "$WORK/jar-admin" "$A/admin/people/$pid" > "$WORK/person.html"
rc=$(code -b "$WORK/jar-admin" -c "$WORK/jar-admin" --data-urlencode "__RequestVerificationToken=$(hidden __RequestVerificationToken "$WORK/person.html")" \
  --data-urlencode "DisplayName=$pname" --data-urlencode "Email=$pemail" --data-urlencode "Language=$plang" --data-urlencode "TeamId=$pteam" \
  --data-urlencode "Roles=Trainee" --data-urlencode "Roles=Trainer" "$A/admin/people/$pid")
read -r ms r_after <<< "$(wait_for 5000 302 -b "$WORK/jar-r" "$B/review")"
sign_in "$B" trainee3@demo.local "$WORK/jar-r" > /dev/null
r_new=$(code -b "$WORK/jar-r" "$B/review")
[ "$r_before $rc $r_after $r_new" = "403 302 302 200" ] && ok "Trainer role given on node a (302): node b ended the old session after $ms ms; signed in again, the review queue opens (403 before, 200 now)" \
  || bad "role change: b before $r_before, change on a $rc, b after $ms ms: $r_after, after a new sign-in $r_new"
# The inbox badge: a notice written through node a (a trainer gives trainee1 an extension) shows in node b's badge.
badge() { curl -s -b "$WORK/jar" "$B/learn" | grep -o 'class="inbox-count"[^>]*>[0-9]*' | grep -o '[0-9]*$' || echo 0; }
n0=$(badge)
COHORT=$(psql_db "SELECT \"CohortId\" FROM reflections_work w JOIN core_users u ON u.\"Id\" = w.\"UserId\" WHERE u.\"Email\" = 'trainee1@demo.local' AND w.\"Active\" AND w.\"Status\" = 'Open' ORDER BY w.\"Id\" DESC LIMIT 1")
WORKX=$(psql_db "SELECT w.\"Id\" FROM reflections_work w JOIN core_users u ON u.\"Id\" = w.\"UserId\" WHERE u.\"Email\" = 'trainee1@demo.local' AND w.\"Active\" AND w.\"Status\" = 'Open' ORDER BY w.\"Id\" DESC LIMIT 1")
curl -s -b "$WORK/jar-trainer" -c "$WORK/jar-trainer" "$A/schedule/$COHORT" > "$WORK/schedule.html"
ec=$(code -b "$WORK/jar-trainer" -c "$WORK/jar-trainer" --data-urlencode "__RequestVerificationToken=$(hidden __RequestVerificationToken "$WORK/schedule.html")" \
  --data-urlencode "due=$(date -d '+10 days' '+%Y-%m-%dT%H:%M')" "$A/schedule/$COHORT/extend/$WORKX")
unread=$(psql_db "SELECT COUNT(*) FROM notifications_inbox i JOIN core_users u ON u.\"Id\" = i.\"UserId\" WHERE u.\"Email\" = 'trainee1@demo.local' AND i.\"ReadUtc\" IS NULL")
t0=$(date +%s%N); n1=$(badge)
while [ "$n1" != "$unread" ] && [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt $(( (BADGE_SECONDS + 3) * 1000 )) ]; do sleep 0.2; n1=$(badge); done
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$ec" = 302 ] && [ "$unread" = $((n0 + 1)) ] && [ "$n1" = "$unread" ] && ok "a notice written through node a (302): node b's badge went from $n0 to $n1 after $ms ms (stated: Notifications:BadgeCacheSeconds, $BADGE_SECONDS s here)" \
  || bad "inbox badge: extension on a $ec, badge on b $n0 -> $n1 after $ms ms, $unread unread in the database"

section "kill -9 node b in the middle of a load of hand-ins through nginx"
# Two open work items of each of trainee4-12 (signed in through nginx), each item's form fetched first; then the
# hand-ins are posted through nginx in parallel, 60 ms apart, and node b is killed while they are in flight. Every
# hand-in answered 302 must be in the database; node a must have answered hand-ins after the kill, and go on serving.
ITEMS=()
for n in $(seq 4 12); do
  sign_in "$LB" "trainee$n@demo.local" "$WORK/jar-$n" > /dev/null
  curl -s -b "$WORK/jar-$n" "$LB/reflections" > "$WORK/list-$n.html"
  for id in $(sed -n '/id="current-heading"/,/<\/section>/p' "$WORK/list-$n.html" | grep -o 'href="/reflections/[0-9]*"' | grep -o '[0-9]*' | head -2); do
    ITEMS+=("$n $id")
  done
done
echo "  ${#ITEMS[@]} open work items"
i=0
for item in "${ITEMS[@]}"; do
  read -r n id <<< "$item"; i=$((i+1))
  curl -s -b "$WORK/jar-$n" -c "$WORK/jar-$n" "$LB/reflections/$id" > "$WORK/edit-$i.html"
done
i=0; KILL_AT=$(( ${#ITEMS[@]} / 3 )); POSTS=()
for item in "${ITEMS[@]}"; do
  read -r n id <<< "$item"; i=$((i+1))
  af=$(hidden __RequestVerificationToken "$WORK/edit-$i.html"); token=$(hidden token "$WORK/edit-$i.html")
  echo "$id $token" > "$WORK/handin-$i.item"
  # -b only: the hand-ins of one trainee run at once and must not rewrite the cookie jar under each other.
  ( curl -s -o /dev/null -D "$WORK/handin-$i.head" -w '%{http_code}' -b "$WORK/jar-$n" \
      --data-urlencode "__RequestVerificationToken=$af" --data-urlencode "token=$token" \
      --data-urlencode "text=Hand-in number $i of the two-node test, written to be kept." --data-urlencode "confirm=true" \
      "$LB/reflections/$id/submit" > "$WORK/handin-$i.status" || echo 000 > "$WORK/handin-$i.status" ) &
  POSTS+=($!)
  if [ "$i" = "$KILL_AT" ]; then kill -9 "$PID_b"; echo "  node b killed with hand-ins 1-$i in flight or done"; fi
  sleep 0.06
done
wait "${POSTS[@]}" 2>/dev/null || true
acked=0; refused=0; after_kill_a=0; ACKED=""
for i in $(seq 1 ${#ITEMS[@]}); do
  read -r id token < "$WORK/handin-$i.item"
  status=$(cat "$WORK/handin-$i.status")
  node=$(cat "$WORK/handin-$i.head" 2>/dev/null | tr -d '\r' | awk 'tolower($1)=="x-node:"{print $2}' || true)
  if [ "$status" = 302 ]; then
    acked=$((acked+1)); ACKED+="${ACKED:+,}($id, '$token')"
    [ "$i" -gt "$KILL_AT" ] && [ "$node" = a ] && after_kill_a=$((after_kill_a+1))
  else
    refused=$((refused+1)); echo "  hand-in $i (/reflections/$id) answered $status (not acknowledged)"
  fi
done
# Every acknowledged hand-in (work id and the form's one-time token) must have its submission row.
kept=$([ "$acked" -gt 0 ] && psql_db "SELECT COUNT(*) FROM (VALUES $ACKED) AS a(work, token) WHERE EXISTS (SELECT 1 FROM reflections_submissions s WHERE s.\"WorkId\" = a.work AND s.\"SubmitToken\" = a.token)" || echo 0)
lost=$((acked - kept))
[ "$acked" -gt 0 ] && [ "$lost" = 0 ] && ok "$acked acknowledged hand-ins, each in the database, 0 lost ($refused not acknowledged)" || bad "$acked acknowledged, $lost lost"
[ "$after_kill_a" -gt 0 ] && ok "node a acknowledged $after_kill_a hand-ins posted after the kill" || bad "no hand-in after the kill was acknowledged by node a"
nodes=""; codes=""
for _ in $(seq 1 6); do
  line=$(curl -s -o /dev/null -D - -b "$WORK/jar" "$LB/learn" | tr -d '\r' | awk 'NR==1{c=$2} tolower($1)=="x-node:"{n=$2} END{print c" "n}')
  codes+="${line% *} "; nodes+="${line#* }"
done
[ "$codes" = "200 200 200 200 200 200 " ] && [ "$nodes" = "aaaaaa" ] && ok "node a keeps serving alone (6 x 200 from a)" || bad "after the kill: statuses $codes nodes $nodes"

echo "two-nodes: $passed passed, $failed failed ($(( $(date +%s) - started )) s)"
[ "$failed" = 0 ]
