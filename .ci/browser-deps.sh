#!/usr/bin/env bash
# Installs what the browser tests (tests/Experimenten.BrowserTests) need on a fresh Debian machine, as root.
# Playwright's own browser download cannot run here, so the tests drive Debian's Chromium at /usr/bin/chromium;
# axe-core comes inside the Deque.AxeCore.Playwright NuGet package, so nothing from npm is needed for it.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
# fonts-dejavu-core: legible text in screenshots; chromium pulls in the rest.
apt-get install -y --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
