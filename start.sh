#!/usr/bin/env bash
# Runs Experimenten on its embedded defaults: Azurite (storage) and the self-host with the seeds.
# Installs what it needs on a fresh machine (Azurite from npm), then prints the URLs.
# Ctrl-C stops the self-host and the Azurite this script started. Data stays in .data/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
mkdir -p .data/azurite

[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started_azurite=""
if ! port_open 10000; then
  node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry --location .data/azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 > .data/azurite.log 2>&1 &
  started_azurite=$!
  for _ in $(seq 1 60); do port_open 10000 && port_open 10001 && port_open 10002 && break; sleep 0.5; done
fi

dotnet build functions/Experimenten.SelfHost -c Release --nologo -v quiet -clp:ErrorsOnly

cleanup() {
  [ -n "${host:-}" ] && kill "$host" 2>/dev/null || true
  [ -n "$started_azurite" ] && kill "$started_azurite" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# Development: the outbox at /dev/mail and the generated coordinator password exist in this environment only.
(cd functions/Experimenten.SelfHost && ASPNETCORE_ENVIRONMENT=Development exec dotnet bin/Release/net10.0/Experimenten.SelfHost.dll \
  --SelfHost:DataPath="$root/.data") &
host=$!

for _ in $(seq 1 120); do
  curl -fs http://127.0.0.1:7071/readyz > /dev/null 2>&1 && break
  kill -0 "$host" 2>/dev/null || { echo "The self-host stopped; see the messages above." >&2; exit 1; }
  sleep 0.5
done

cat <<TXT

Experimenten is running (Ctrl-C stops it):
  Application form   http://127.0.0.1:7071/
  Ready (checks)     http://127.0.0.1:7071/readyz  ·  alive: /healthz
  Calls (API)        http://127.0.0.1:7071/api/calls
  Outbox (emails)    http://127.0.0.1:7071/dev/mail   ·  JSON: http://127.0.0.1:7071/dev/mail.json
  Coordinators       http://127.0.0.1:7071/coordinator  (user coordinator, password in .data/coordinator.password)

TXT
wait "$host"
