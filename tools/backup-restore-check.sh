#!/usr/bin/env bash
# Backup and restore, tested: makes a site database (migrations + demo data, through the site itself), backs it up
# with pg_dump (custom format, as docs/DEPLOYMENT.md's nightly job does), restores it into a new database with
# pg_restore, compares every table's row count, and starts the site on the restored copy (health 200, a sign-in).
# usage: tools/backup-restore-check.sh     (PG_CONN defaults to the dev cluster: host 127.0.0.1, port 55500, user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-55500}; PGUSER=${PGUSER:-postgres}; export PGHOST PGPORT PGUSER
SOURCE="caa_backup_src_$$"; TARGET="caa_backup_dst_$$"
WORK=$(mktemp -d /tmp/caa-backup.XXXXXX)
PORT=5391; while (echo > /dev/tcp/127.0.0.1/$PORT) >/dev/null 2>&1; do PORT=$((PORT+1)); done
SITE=""
cleanup() {
  [ -n "$SITE" ] && kill "$SITE" 2>/dev/null; wait 2>/dev/null || true
  for db in "$SOURCE" "$TARGET"; do psql -d postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
BUILT="$ROOT/src/ChangeAgentAcademy.Web/bin/Release/net10.0"
if [ -f "$BUILT/ChangeAgentAcademy.Web.dll" ]; then cp -r "$BUILT" "$WORK/site"; else dotnet publish src/ChangeAgentAcademy.Web -c Release -o "$WORK/site" --nologo -v q >/dev/null; fi

run_site() { # $1 database; starts the site, waits for health
  (cd "$WORK/site" && ASPNETCORE_ENVIRONMENT=Production exec dotnet ChangeAgentAcademy.Web.dll --urls "http://127.0.0.1:$PORT" \
    --Database:Provider=PostgreSql "--Database:ConnectionString=Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$1" \
    --Demo:Enabled=true --Site:PublicUrl="http://127.0.0.1:$PORT" --Mail:PickupFolder="$WORK/mail" --Curriculum:ContentPath="$ROOT/content" \
    --Logging:LogLevel:Default=Warning) > "$WORK/site-$1.log" 2>&1 &
  SITE=$!
  for _ in $(seq 1 120); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health" || true)" = 200 ] && return 0; sleep 0.5; done
  echo "site on $1 did not start"; tail -20 "$WORK/site-$1.log"; exit 1
}
stop_site() { kill "$SITE"; wait "$SITE" 2>/dev/null || true; SITE=""; }
counts() { # every table's row count, "schema.table count" lines
  psql -d "$1" -tAq -c "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog','information_schema') ORDER BY 1" |
    while read -r t; do echo "$t $(psql -d "$1" -tAq -c "SELECT COUNT(*) FROM ${t%%.*}.\"${t#*.}\"")"; done
}

psql -d postgres -qc "CREATE DATABASE \"$SOURCE\""
(cd "$WORK/site" && dotnet ChangeAgentAcademy.Web.dll migrate --Database:Provider=PostgreSql "--Database:ConnectionString=Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$SOURCE") > "$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; exit 1; }
run_site "$SOURCE"; stop_site           # the demo data, written by the site itself

started=$(date +%s.%N)
pg_dump -Fc -f "$WORK/academy.dump" "$SOURCE"
dumped=$(date +%s.%N)
psql -d postgres -qc "CREATE DATABASE \"$TARGET\""
pg_restore --no-owner --exit-on-error -d "$TARGET" "$WORK/academy.dump"
restored=$(date +%s.%N)
counts "$SOURCE" > "$WORK/source.txt"; counts "$TARGET" > "$WORK/target.txt"
tables=$(wc -l < "$WORK/source.txt"); rows=$(awk '{s+=$2} END{print s}' "$WORK/source.txt")
if ! diff -u "$WORK/source.txt" "$WORK/target.txt"; then echo "RESTORE DIFFERS"; exit 1; fi

run_site "$TARGET"
token=$(curl -s -c "$WORK/jar" "http://127.0.0.1:$PORT/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
signin=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar" -c "$WORK/jar" --data-urlencode "Email=trainee1@demo.local" --data-urlencode "Password=Demo-Academy-2026!" --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$PORT/account/signin")
learn=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar" "http://127.0.0.1:$PORT/learn")
stop_site
[ "$signin" = 302 ] && [ "$learn" = 200 ] || { echo "restored site: sign-in $signin, /learn $learn"; exit 1; }
printf 'backup-restore: OK. %s tables, %s rows identical after restore; dump %s KB in %.1f s, restore %.1f s; the site on the restored copy: health 200, sign-in 302, /learn 200 (PostgreSQL %s)\n' \
  "$tables" "$rows" "$(( $(stat -c %s "$WORK/academy.dump") / 1024 ))" "$(echo "$dumped - $started" | bc)" "$(echo "$restored - $dumped" | bc)" "$(psql -d postgres -tAq -c 'SHOW server_version')"
