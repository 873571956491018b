#!/usr/bin/env bash
# Durability check (SQLite): "A submission the server has acknowledged survives the server being
# killed (kill -9) right after." Ten times: a demo trainee submits a reflection with curl; the moment
# the 302 arrives the site gets SIGKILL; the row must be in reflections_submissions (read with sqlite3
# while the site is down) and, after a restart, /reflections/{id} must show it handed in (the version's
# text on the page, no editor, work status Submitted).
# usage: bench/kill9-durability.sh [rounds]        (exit 0 only when every acknowledged submission survived)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROUNDS=${1:-10}
PORT=${BENCH_PORT:-5097}
BASE="http://127.0.0.1:$PORT"
PASSWORD='Demo-Academy-2026!'
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }

WORK=$(mktemp -d /tmp/caa-kill9.XXXXXX)
DB="$WORK/k.db"
SITE=""
cleanup() { [ -n "$SITE" ] && kill "$SITE" 2>/dev/null; wait 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT

# A private published copy: another engineer may rebuild src/ while this runs. Retry a failed build.
for attempt in 1 2 3 4 5 6; do
  dotnet publish src/ChangeAgentAcademy.Web -c Release -o "$WORK/site" --nologo -v q > "$WORK/build.log" 2>&1 && break
  [ "$attempt" = 6 ] && { cat "$WORK/build.log"; exit 1; }
  echo "build failed (attempt $attempt), retrying in 30 s"; sleep 30
done

start_site() {
  (cd "$WORK/site" && exec dotnet ChangeAgentAcademy.Web.dll --urls "$BASE" --Site:PublicUrl="$BASE" \
    --Database:Provider=Sqlite --Database:ConnectionString="Data Source=$DB" --Demo:Enabled=true \
    --Mail:PickupFolder="$WORK/mail" --Curriculum:ContentPath="$ROOT/content" \
    --Security:SignInAttemptsPerMinute=1000 --Logging:LogLevel:Default=Warning --Logging:Console:FormatterName=simple) >> "$WORK/site.log" 2>&1 &
  SITE=$!
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ] && return 0
    kill -0 "$SITE" 2>/dev/null || break
    sleep 0.5
  done
  echo "site did not start"; tail -30 "$WORK/site.log"; exit 1
}

# hidden input value by name from an HTML file
hidden() { grep -o "name=\"$1\"[^>]*value=\"[^\"]*\"" "$2" | head -1 | sed 's/.*value="//;s/"$//'; }

sign_in() { # $1 email, $2 cookie jar
  rm -f "$2"
  curl -s -c "$2" "$BASE/account/signin" > "$WORK/signin.html"
  local token; token=$(hidden __RequestVerificationToken "$WORK/signin.html")
  local status; status=$(curl -s -o /dev/null -w '%{http_code}' -b "$2" -c "$2" --data-urlencode "Email=$1" --data-urlencode "Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/signin")
  [ "$status" = 302 ] || { echo "sign-in of $1 answered $status"; exit 1; }
}

start_site

# Ten open work items of trainees who have submitted nothing yet (trainee4 … trainee12), in the
# "to do" section of their /reflections page.
# One item per trainee first, then their second ones: as many different people as possible.
FIRST=(); MORE=()
for n in $(seq 4 12); do
  sign_in "trainee$n@demo.local" "$WORK/jar"
  curl -s -b "$WORK/jar" "$BASE/reflections" > "$WORK/list.html"
  k=0
  for id in $(sed -n '/id="current-heading"/,/<\/section>/p' "$WORK/list.html" | grep -o 'href="/reflections/[0-9]*"' | grep -o '[0-9]*'); do
    if [ $k = 0 ]; then FIRST+=("trainee$n@demo.local $id"); else MORE+=("trainee$n@demo.local $id"); fi
    k=$((k+1))
  done
done
ITEMS=("${FIRST[@]}" "${MORE[@]}")
[ "${#ITEMS[@]}" -ge "$ROUNDS" ] || { echo "only ${#ITEMS[@]} open work items found, need $ROUNDS"; exit 1; }
echo "== $ROUNDS submissions, each followed at once by kill -9 (SQLite $(sqlite3 "$DB" 'PRAGMA journal_mode;') journal, $DB)"

ORDINALS=(first second third fourth fifth sixth seventh eighth ninth tenth)
survived=0
for round in $(seq 1 "$ROUNDS"); do
  read -r email id <<< "${ITEMS[$((round-1))]}"
  # A plain sentence (no names, no numbers, no quotes), different in every round.
  text="I asked my colleagues what they had noticed before I proposed a new routine, and their answers changed my plan for the ${ORDINALS[$(( (round-1) % 10 ))]} time$( [ "$round" -gt 10 ] && printf ' again %s' "$(printf '%s' "$round" | tr '0-9' 'abcdefghij')" || true)."
  sign_in "$email" "$WORK/jar"
  curl -s -b "$WORK/jar" -c "$WORK/jar" "$BASE/reflections/$id" > "$WORK/edit.html"
  af=$(hidden __RequestVerificationToken "$WORK/edit.html")
  token=$(hidden token "$WORK/edit.html")
  [ -n "$af" ] && [ -n "$token" ] || { echo "round $round: no form on /reflections/$id"; exit 1; }

  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar" -c "$WORK/jar" \
    --data-urlencode "__RequestVerificationToken=$af" --data-urlencode "token=$token" \
    --data-urlencode "text=$text" --data-urlencode "confirm=true" "$BASE/reflections/$id/submit")
  kill -9 "$SITE"                                  # the instant the acknowledgement arrived
  wait "$SITE" 2>/dev/null || true
  SITE=""
  [ "$status" = 302 ] || { echo "round $round: submit answered $status, not 302 (not acknowledged)"; tail -20 "$WORK/site.log"; exit 1; }

  rows=$(sqlite3 "$DB" "SELECT COUNT(*) FROM reflections_submissions WHERE WorkId = $id AND SubmitToken = '$token' AND Text = '$text';")
  start_site
  sign_in "$email" "$WORK/jar"
  curl -s -b "$WORK/jar" "$BASE/reflections/$id" > "$WORK/after.html"
  shown=no
  # Handed in, in any of the four languages: the version's text is on the page and the editor form is gone.
  grep -qF "<div class=\"submitted-text\">$text</div>" "$WORK/after.html" && ! grep -q 'id="reflection-form"' "$WORK/after.html" && shown=yes
  status_now=$(sqlite3 "$DB" "SELECT Status FROM reflections_work WHERE Id = $id;")
  [ "$status_now" = Submitted ] || shown=no
  if [ "$rows" = 1 ] && [ "$shown" = yes ]; then
    survived=$((survived+1))
    echo "round $round: $email /reflections/$id acknowledged (302), killed, row in reflections_submissions, shown as handed in after restart"
  else
    echo "round $round: $email /reflections/$id LOST: rows in database $rows, shown after restart: $shown"
  fi
done

echo "$survived/$ROUNDS acknowledged submissions survived kill -9"
[ "$survived" = "$ROUNDS" ]
