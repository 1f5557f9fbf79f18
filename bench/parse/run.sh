#!/usr/bin/env bash
# Parse benchmark: wall time of a cold `cedule parse` process of the published binary (ReadyToRun,
# as scripts/publish.sh builds it) on generated projects of 1,000 and 10,000 models.
#   bench/parse/run.sh [N ...]        (default: 1000 10000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(1000 10000); fi
if [ ! -x artifacts/linux-x64/cedule ]; then scripts/publish.sh linux-x64 >/dev/null; fi
bin="$root/artifacts/linux-x64/cedule"
for n in "${sizes[@]}"; do
  dir="/tmp/cedule-bench-parse-$n"
  /usr/bin/python3 bench/parse/generate_project.py --models "$n" --out "$dir" >/dev/null
  "$bin" parse --project-dir "$dir" --target-type duckdb >/dev/null   # warm the OS file cache, not the process
  best=""; runs=()
  for i in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$bin" parse --project-dir "$dir" --target-type duckdb >/dev/null
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    runs+=("$ms")
  done
  sorted=$(printf '%s\n' "${runs[@]}" | sort -n | tr '\n' ' ')
  median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p)
  echo "N=$n models: cold cedule parse, 5 runs (ms): $sorted-> median ${median} ms"
done
