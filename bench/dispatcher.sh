#!/usr/bin/env bash
# Benchmark (Reflections dispatcher): Dispatcher.RemindAsync on 100,000 due reminders, in the real
# site host (bench/DispatcherBench), Release build, on SQLite and PostgreSQL.
# Target: 100,000 due reminders in under 2 s on SQLite and under 1 s on PostgreSQL, with set-based
# statements and memory growth under 50 MB.
# usage: bench/dispatcher.sh [runs] [extra DispatcherBench arguments, e.g. --count=20000 --Reflections:RemindBeforeDue=2.00:00:00]
# PostgreSQL: CAA_BENCH_PG (a connection string to a maintenance database) if set; otherwise a private
# throw-away cluster on port 55460 (or the next free one) under /tmp, stopped on exit. CAA_BENCH_SKIP_PG=1 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-3}
shift || true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Another engineer may be building src/ at the same time: retry a failed build (half-done change, file locks).
build() {
  for attempt in 1 2 3 4 5 6; do
    if dotnet build "$ROOT/bench/DispatcherBench" -c Release --nologo -v q > /tmp/caa-dispatch-build.log 2>&1; then return 0; fi
    echo "build failed (attempt $attempt), retrying in 30 s:"; grep -E " error " /tmp/caa-dispatch-build.log | sort -u | head -5
    sleep 30
  done
  cat /tmp/caa-dispatch-build.log; exit 1
}
build
BENCH="$ROOT/bench/DispatcherBench/bin/Release/net10.0/DispatcherBench.dll"
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(dotnet --version)"

status=0
dotnet "$BENCH" sqlite --runs="$RUNS" "$@" || status=1

if [ -z "${CAA_BENCH_SKIP_PG:-}" ]; then
  if [ -z "${CAA_BENCH_PG:-}" ]; then
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$PGBIN" ]; then
      SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
      $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
      PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    PGROOT=$(mktemp -d /tmp/caa-bench-pg.XXXXXX)
    PGPORT=${CAA_BENCH_PG_PORT:-55460}
    while (echo > /dev/tcp/127.0.0.1/$PGPORT) >/dev/null 2>&1; do PGPORT=$((PGPORT+1)); done
    stop_pg() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1; rm -rf "$PGROOT"; }
    trap stop_pg EXIT
    chmod 755 "$PGROOT"; chown postgres:postgres "$PGROOT"
    install -d -o postgres -g postgres -m 700 "$PGROOT/data" "$PGROOT/sock"
    runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Default durability (fsync and synchronous_commit on): a benchmark, not a test run.
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w start \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT/sock" >/dev/null || { cat "$PGROOT/log"; exit 1; }
    export CAA_BENCH_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
    echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') (private cluster on port $PGPORT)"
  fi
  dotnet "$BENCH" postgres --runs="$RUNS" "$@" || status=1
fi
exit $status
