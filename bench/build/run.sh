#!/usr/bin/env bash
# Build benchmark: `cedule build --threads 4` of a generated project of table models doing real
# work (bench/build/generate_project.py), on DuckDB (a file) and PostgreSQL (a throwaway cluster,
# started as scripts/test.sh does and stopped at the end). The source table (~1M rows) is created
# by `cedule run-operation bench_setup`, outside the timing. One untimed build first (it creates
# every table), then RUNS timed builds (they replace every table), each followed by
# bench/build/analyze.py: wall and CPU time of the process, span of the nodes, critical path,
# work per thread, dispatch delays. Prints one JSON line per build, then the medians.
#
#   bench/build/run.sh [duckdb] [postgres]     (default: both)
#   env: RUNS (3), MODELS (200), WIDTH (4), ROWS (1000000), THREADS (4),
#        CEDULE_BENCH_ARTIFACTS (/tmp/art-bench-engine), CEDULE_BIN (a cedule binary to use instead)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(duckdb postgres); fi
runs="${RUNS:-3}"; models="${MODELS:-200}"; width="${WIDTH:-4}"; rows="${ROWS:-1000000}"; threads="${THREADS:-4}"
artifacts="${CEDULE_BENCH_ARTIFACTS:-/tmp/art-bench-engine}"
log() { printf '[bench/build] %s\n' "$*" >&2; }

if [ -n "${CEDULE_BIN:-}" ]; then
  read -ra cedule <<< "$CEDULE_BIN"   # e.g. "dotnet /path/cedule.dll" or artifacts/linux-x64/cedule
else
  log "building cedule (Release) into $artifacts"
  dotnet build -c Release src/Cedule.Cli/Cedule.Cli.csproj --artifacts-path "$artifacts" -nologo -v quiet -clp:ErrorsOnly >&2
  cedule=(dotnet "$artifacts/bin/Cedule.Cli/release/cedule.dll")
fi

work="$(mktemp -d /tmp/cedule-bench-build.XXXXXX)"
project="$work/project"
pgdata="$work/pg"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
# On any exit: stop the cluster if it runs, remove the project and the cluster (the exit status stays).
finish() {
  [ ! -f "$pgdata/postmaster.pid" ] || "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || :
  rm -rf "$work"
}
trap finish EXIT
trap 'exit 130' INT TERM

/usr/bin/python3 bench/build/generate_project.py --out "$project" --models "$models" --width "$width" --rows "$rows" >&2

# The same kind of throwaway cluster as scripts/test.sh: local, scram password, no fsync (a
# benchmark, not a store). Exports the CEDULE_PG_* variables the generated profiles.yml reads.
start_postgres() {
  CEDULE_PG_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
  CEDULE_PG_PORT="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  export CEDULE_PG_PASSWORD CEDULE_PG_PORT
  local init=(-D "$pgdata" -U postgres --pwfile="$work/pwfile" --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8)
  local server="-p $CEDULE_PG_PORT -c listen_addresses=127.0.0.1 -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
  mkdir -p "$pgdata"
  printf '%s\n' "$CEDULE_PG_PASSWORD" > "$work/pwfile"
  if [ "${#as_pg[@]}" -gt 0 ]; then chown -R postgres "$work"; chmod 700 "$work"; chmod -R a+rX "$project"; fi
  "${as_pg[@]}" "$pgbin/initdb" "${init[@]}" >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; exit 1; }
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -w -l "$work/postgres.log" -o "$server" start >/dev/null || { cat "$work/postgres.log" >&2; exit 1; }
  log "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$CEDULE_PG_PORT"
}

for target in "${targets[@]}"; do
  if [ "$target" = postgres ]; then start_postgres; fi
  common=(--project-dir "$project" --profiles-dir "$project" --target "$target")
  log "$target: creating raw.events ($rows rows), outside the timing"
  "${cedule[@]}" run-operation bench_setup "${common[@]}" >&2
  log "$target: untimed first build (creates the tables)"
  "${cedule[@]}" build --threads "$threads" "${common[@]}" >"$work/build-$target-0.log" || { tail -n 30 "$work/build-$target-0.log" >&2; exit 1; }
  lines=()
  for i in $(seq 1 "$runs"); do
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f '%e %U %S' -o "$work/time" "${cedule[@]}" build --threads "$threads" "${common[@]}" >"$work/build-$target-$i.log" \
      || { tail -n 30 "$work/build-$target-$i.log" >&2; exit 1; }
    read -r wall user sys < "$work/time"
    line="$(/usr/bin/python3 bench/build/analyze.py "$project" --threads "$threads" --wall "$wall" --cpu "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")"
    line="{\"target\": \"$target\", \"run\": $i, \"load_before\": \"$load\", \"load_after\": \"$(cut -d' ' -f1-3 /proc/loadavg)\", ${line#\{}"
    echo "$line"
    lines+=("$line")
  done
  printf '%s\n' "${lines[@]}" | /usr/bin/python3 -c '
import json, statistics, sys
rows = [json.loads(l) for l in sys.stdin if l.strip()]
keys = ["wall_s", "process_cpu_s", "span_s", "critical_path_s", "work_per_thread_s", "node_median_s", "span_over_critical_path", "wall_over_critical_path", "span_over_best_bound", "dispatch_delay_ms_p50", "dispatch_delay_ms_p99"]
print(json.dumps({"target": rows[0]["target"], "runs": len(rows), "median": {k: statistics.median(r[k] for r in rows) for k in keys}}))'
done
