#!/usr/bin/env bash
# Self-contained single-file binaries of `cedule` under artifacts/:
#   artifacts/linux-x64/cedule      (ReadyToRun: fast cold start for `cedule parse`)
#   artifacts/win-x64/cedule.exe    (customers' servers are often Windows)
# then a smoke check that the Linux binary runs `--version` without any SDK environment.
#
#   scripts/publish.sh [linux-x64|win-x64 ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rids=("$@")
if [ ${#rids[@]} -eq 0 ]; then rids=(linux-x64 win-x64); fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for rid in "${rids[@]}"; do
  out="artifacts/$rid"
  rm -rf "$out"
  echo "[publish] $rid -> $out"
  dotnet publish src/Cedule.Cli/Cedule.Cli.csproj -c Release -r "$rid" --self-contained true \
    -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:IncludeNativeLibrariesForSelfExtract=true \
    -p:DebugType=none \
    --artifacts-path "artifacts/obj/$rid" -o "$out" -nologo -v quiet
  rm -f "$out"/*.xml   # API docs belong to the libraries, not to the shipped command
  ls -l "$out"
done

if [ -x artifacts/linux-x64/cedule ]; then
  # No DOTNET_* variables, no PATH to the SDK: the binary must stand alone.
  version="$(env -i HOME="$(mktemp -d)" PATH=/usr/bin:/bin artifacts/linux-x64/cedule --version)"
  echo "[publish] smoke: artifacts/linux-x64/cedule --version -> $version"
  [ -n "$version" ]
fi
