#!/usr/bin/env bash
# Runs every test: unit, API on Azurite, SendGrid against a fake server, crash recovery, the upgrade
# from the previous release in releases.json (it needs that commit: fetch the full history), the
# Functions metadata, the Bicep templates and the browser tests. The tests start their own Azurite
# on free ports and stop it afterwards.
set -euo pipefail
cd "$(dirname "$0")"
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund
if [ ! -x /usr/bin/chromium ] && [ -f .ci/browser-deps.sh ]; then
  echo "Chromium is missing: installing it with .ci/browser-deps.sh" >&2
  bash .ci/browser-deps.sh
fi
dotnet build Experimenten.sln -c Release --nologo -v quiet -clp:ErrorsOnly
set +e
# One test assembly at a time (-m:1): each starts its own self-host and Azurite, and on a two-core
# machine running them side by side starves the browser tests of CPU.
dotnet test Experimenten.sln -c Release --no-build --nologo -m:1 2>&1 | tee .test-output.log
status=${PIPESTATUS[0]}
set -e
passed=$(grep -oE 'Passed: +[0-9]+' .test-output.log | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' .test-output.log | awk '{s+=$2} END {print s+0}')
rm -f .test-output.log
echo "tests: $passed passed, $failed failed"
exit "$status"
