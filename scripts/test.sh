#!/usr/bin/env bash
# The one test command of Cedule. On a fresh Debian 12 machine it installs what the tests need,
# starts a throwaway PostgreSQL cluster on 127.0.0.1 (stopped at the end, also on failure),
# builds once, runs every test project with its wall time, and ends with one line
# "N passed, N failed[, N skipped]". Exits non-zero when anything failed.
#
#   scripts/test.sh                 # everything
#   scripts/test.sh Cedule.Jinja    # only test projects whose name contains the argument
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
filter="${1:-}"

log() { printf '[test.sh] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- dependencies
# Debian packages the tests use: PostgreSQL (metadata store and warehouse tests), the real Jinja2
# (differential oracle), git (deployments from real repositories).
packages=(postgresql python3-jinja2 python3-yaml git ca-certificates)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  log "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v dotnet >/dev/null 2>&1; then
  log "the .NET SDK 10 is required (dotnet not found on PATH)"
  exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# ---------------------------------------------------------------- PostgreSQL
work="$(mktemp -d /tmp/cedule-test.XXXXXX)"
pgdata="$work/pg"
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi

cleanup() {
  local rc=$?
  if [ -f "$pgdata/postmaster.pid" ]; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
pg_port="$(free_port)"
mkdir -p "$pgdata"
printf '%s\n' "$pg_password" > "$work/pwfile"
if [ "${#as_pg[@]}" -gt 0 ]; then chown -R postgres "$work"; chmod 700 "$work"; fi
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdata" -U postgres --pwfile="$work/pwfile" \
  --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -w -l "$work/postgres.log" \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$work/postgres.log" >&2; exit 1; }
export CEDULE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=postgres"
log "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

# ---------------------------------------------------------------- build once
log "building"
start=$(date +%s)
dotnet build Cedule.slnx -c Debug -nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; echo "0 passed, 1 failed"; exit 1; }
log "built in $(( $(date +%s) - start )) s"

# ---------------------------------------------------------------- run every test project
passed=0; failed=0; skipped=0
results="$work/results"
mkdir -p "$results"
# Each project runs as its own executable (xunit v3) with an xUnit XML report. Engine projects
# (Jinja, Core) run a second time under fr-CA: their output must not depend on the culture.
run_project() { # name dll culture
  local name=$1 dll=$2 culture=$3 label=$1 xml rc t0 t1 secs p f s
  if [ -n "$culture" ]; then label="$name ($culture)"; fi
  xml="$results/$name${culture:+.$culture}.xml"
  t0=$(date +%s.%N)
  set +e
  (cd "$(dirname "$dll")" && dotnet "$dll" -noColor -noLogo -xml "$xml" ${culture:+-culture "$culture"}) \
    >"$work/$name${culture:+.$culture}.log" 2>&1
  rc=$?
  set -e
  t1=$(date +%s.%N)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  p=0; f=0; s=0
  if [ -f "$xml" ]; then
    read -r p f s < <(/usr/bin/python3 - "$xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
a = lambda k: sum(int(x.get(k, 0)) for x in root.iter("assembly"))
print(a("passed"), a("failed") + a("errors"), a("skipped") + a("not-run"))
PY
)
  fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    # The runner failed without reporting a failed test (a crash, a fixture that threw): count it.
    f=1
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  printf '%-40s %7s s  %5d passed  %3d failed  %3d skipped\n' "$label" "$secs" "$p" "$f" "$s"
  if [ "$f" -ne 0 ]; then
    grep -E "\[FAIL\]|Assert|Exception|error" -A 3 "$work/$name${culture:+.$culture}.log" | head -n 80 >&2 || true
    if [ ! -f "$xml" ]; then tail -n 40 "$work/$name${culture:+.$culture}.log" >&2; fi
  fi
}

for proj in tests/*/*.Tests.csproj; do
  name="$(basename "$proj" .csproj)"
  if [ -n "$filter" ] && [[ "$name" != *"$filter"* ]]; then continue; fi
  dll="$root/$(dirname "$proj")/bin/Debug/net10.0/$name.dll"
  run_project "$name" "$dll" ""
  case "$name" in
    Cedule.Jinja.Tests|Cedule.Core.Tests) run_project "$name" "$dll" "fr-CA" ;;
  esac
done

line="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then line="$line, $skipped skipped"; fi
echo "$line"
[ "$failed" -eq 0 ]
