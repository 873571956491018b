#!/usr/bin/env bash
# Runs every test (unit, integration on SQLite and PostgreSQL, browser in Chromium) on a fresh machine:
# installs what it needs, starts a private PostgreSQL cluster, stops it on exit, and ends with
# the line "N passed, N failed". Exit 0 only when nothing failed.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

need=()
for pkg in chromium chromium-driver fonts-liberation fonts-dejavu-core postgresql python3-aiosmtpd nginx-light; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null || { echo "apt-get install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# A private, throw-away PostgreSQL cluster (fsync off: test data only).
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGROOT=$(mktemp -d /tmp/caa-pg.XXXXXX)
PGPORT=${CAA_PG_PORT:-55432}
while (echo > /dev/tcp/127.0.0.1/$PGPORT) >/dev/null 2>&1; do PGPORT=$((PGPORT+1)); done
stop_pg() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate stop >/dev/null 2>&1; rm -rf "$PGROOT"; }
trap stop_pg EXIT
chmod 755 "$PGROOT"; chown postgres:postgres "$PGROOT"
install -d -o postgres -g postgres -m 700 "$PGROOT/data" "$PGROOT/sock"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w start \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT/sock -c fsync=off -c max_connections=300" >/dev/null \
  || { cat "$PGROOT/log"; echo "0 passed, 1 failed"; exit 1; }
export CAA_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=40"
echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PGPORT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
RESULTS="$ROOT/TestResults/run"
rm -rf "$RESULTS" "$RESULTS.two-nodes.log"
mkdir -p "$RESULTS"
began=$(date +%s)

# Build once; every suite then runs on that build (--no-build), so nothing is compiled twice.
echo "== build (Release)"
if ! dotnet build "$ROOT/ChangeAgentAcademy.sln" -c Release --nologo -v q -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"; exit 1
fi
echo "== built in $(( $(date +%s) - began )) s"

# The integration suite, then the browser suite, one after the other: each needs the processor (a site and, for
# the browser suite, Chromium per class) and both have real-time bounds (Playwright's 30 s, a poller's second) that
# a machine running both at once broke (docs/TESTING.md). The unit suite (seconds, no timing) runs beside the
# integration suite. Each suite's output goes to a log, printed whole when it failed.
suite() { # $1 project suffix
  local name=$1 start; start=$(date +%s)
  dotnet test "$ROOT/tests/ChangeAgentAcademy.$name" -c Release --no-build --logger "trx;LogFileName=$name.trx" \
    --logger "console;verbosity=minimal" --results-directory "$RESULTS" > "$RESULTS/$name.log" 2>&1
  local rc=$?
  echo "== $name: $(grep -E '(Passed|Failed)!' "$RESULTS/$name.log" | tail -1 | sed 's/ - .*//') in $(( $(date +%s) - start )) s"
  [ $rc -eq 0 ] || cat "$RESULTS/$name.log"
  return $rc
}
status=0
suite UnitTests & p_unit=$!
suite IntegrationTests || status=1
wait $p_unit || status=1
suite BrowserTests || status=1

# Two nodes of the built site behind nginx on this PostgreSQL (it uses the Release build made above), alone: its
# checks have stated times (a publish seen on the other node within 3 s).
echo "== two nodes behind nginx (tests/two-nodes.sh)"
two_start=$(date +%s)
"$ROOT/tests/two-nodes.sh" > "$RESULTS.two-nodes.log" 2>&1
cat "$RESULTS.two-nodes.log"
echo "== two nodes in $(( $(date +%s) - two_start )) s"
two=$(sed -n 's/^two-nodes: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$RESULTS.two-nodes.log")
[ -n "$two" ] || two="0 1"

echo "== everything in $(( $(date +%s) - began )) s"

python3 - "$RESULTS" "$status" $two <<'PY'
import glob, re, sys
passed, failed = int(sys.argv[3]), int(sys.argv[4])
files = glob.glob(sys.argv[1] + "/*.trx")
for f in files:
    text = open(f, encoding="utf-8").read()
    m = re.search(r'<Counters[^>]*\bpassed="(\d+)"[^>]*', text)
    c = re.search(r'<Counters([^>]*)>', text) or re.search(r'<Counters([^>]*)/>', text)
    attrs = dict(re.findall(r'(\w+)="(\d+)"', c.group(1))) if c else {}
    passed += int(attrs.get("passed", 0))
    failed += int(attrs.get("failed", 0)) + int(attrs.get("error", 0)) + int(attrs.get("timeout", 0)) + int(attrs.get("aborted", 0))
if int(sys.argv[2]) != 0 and failed == 0:
    failed = 1  # the run failed outside a test (build error, crashed host): never report green
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
