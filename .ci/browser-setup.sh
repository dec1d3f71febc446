#!/usr/bin/env bash
# CI: what tests/tui/web needs, installed if missing: Debian's chromium, and playwright-core
# (pinned in tests/tui/web/package-lock.json) with `npm ci`. Idempotent. It never fails the
# run: when something cannot be installed it says why, and the browser test skips with its
# reason. (`npx playwright install` does not work here: playwright-core drives /usr/bin/chromium.)
set -euo pipefail
cd "$(dirname "$0")/.."

note() { echo "browser-setup: $*"; }
chromium=${CHROMIUM:-/usr/bin/chromium}  # the test reads the same variable

if [ -x "$chromium" ]; then
  note "chromium present: $("$chromium" --version 2>/dev/null || echo "$chromium")"
elif ! command -v apt-get >/dev/null 2>&1; then
  note "no $chromium and no apt-get to install it; the browser test will skip"
else
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else sudo="none"; fi
  fi
  if [ "$sudo" = "none" ]; then
    note "not root and no sudo: cannot install chromium; the browser test will skip"
  elif $sudo apt-get update -qq &&
       $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
    note "installed $("$chromium" --version 2>/dev/null || echo chromium)"
  else
    note "apt-get could not install chromium; the browser test will skip"
  fi
fi

if [ -f tests/tui/web/node_modules/playwright-core/package.json ]; then
  note "playwright-core present in tests/tui/web/node_modules"
elif ! command -v npm >/dev/null 2>&1; then
  note "no npm: cannot install playwright-core; the browser test will skip"
elif (cd tests/tui/web && npm ci --no-audit --no-fund); then
  note "installed playwright-core with npm ci"
else
  note "npm ci failed in tests/tui/web; the browser test will skip"
fi
exit 0
