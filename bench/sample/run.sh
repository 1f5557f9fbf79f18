#!/usr/bin/env bash
# cedule build --threads N of the school-board sample on DuckDB and on PostgreSQL: wall time and
# the ratio to the critical path of its node times (issue 7's goal: <= 1.1).
# Usage: bench/sample/run.sh [small|medium|large] [threads]
# PostgreSQL: set CEDULE_TEST_POSTGRES (as scripts/test.sh exports it) to include it.
set -euo pipefail
size="${1:-medium}"
threads="${2:-4}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d /tmp/cedule-bench-sample.XXXXXX)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/Cedule.Cli" -c Release --artifacts-path "$work/art" -v q -nologo >/dev/null
cedule() { dotnet "$work/art/bin/Cedule.Cli/release/cedule.dll" "$@"; }
cp -r "$root/samples/school-dashboards" "$work/sample"
centre="$work/sample/centre"
cedule deps --project-dir "$centre" >/dev/null

run() {
  local name="$1"
  cedule sample generate --size "$size" --project-dir "$centre" --profiles-dir "$work" | tail -1
  local start end
  start=$(date +%s.%N)
  cedule build --project-dir "$centre" --profiles-dir "$work" --threads "$threads" > "$work/$name.log" || { tail -30 "$work/$name.log"; exit 1; }
  end=$(date +%s.%N)
  echo "$name ($size, --threads $threads, load $(cut -d' ' -f1-3 /proc/loadavg)): $(/usr/bin/python3 "$root/bench/sample/critical_path.py" "$centre" "$(echo "$end - $start" | bc)")"
}

printf 'tdb:\n  target: b\n  outputs:\n    b:\n      type: duckdb\n      path: %s/sample.duckdb\n      threads: %s\n' "$work" "$threads" > "$work/profiles.yml"
run duckdb
if [ -n "${CEDULE_TEST_POSTGRES:-}" ]; then
  eval "$(/usr/bin/python3 - <<'PY'
import os
kv = dict(p.split("=", 1) for p in os.environ["CEDULE_TEST_POSTGRES"].split(";") if p)
print(f'pg_host={kv["Host"]} pg_port={kv["Port"]} pg_user={kv["Username"]} pg_password={kv["Password"]}')
PY
)"
  db="bench_sample_$$"
  PGPASSWORD="$pg_password" psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -qc "create database $db" 
  printf 'tdb:\n  target: b\n  outputs:\n    b:\n      type: postgres\n      host: %s\n      port: %s\n      user: %s\n      password: "%s"\n      dbname: %s\n      schema: public\n      threads: %s\n' \
    "$pg_host" "$pg_port" "$pg_user" "$pg_password" "$db" "$threads" > "$work/profiles.yml"
  run postgres
  PGPASSWORD="$pg_password" psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -qc "drop database $db"
fi
