#!/usr/bin/env bash
# The lesson page through nginx with two nodes, and from one node directly, in one run (wrk, 50 connections,
# two rounds alternating). Same setup as tests/two-nodes.sh (the Release build, PostgreSQL, nginx round robin).
# usage: bench/two-nodes.sh [seconds]    (CAA_TEST_PG defaults to the dev cluster on 127.0.0.1:55500)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
export CAA_TEST_PG="${CAA_TEST_PG:-Host=127.0.0.1;Port=55500;Username=postgres;Database=postgres}"
BENCH_SECONDS=${1:-15} exec tests/two-nodes.sh
