#!/usr/bin/env bash
# `npm test`: every check, in order: install if needed, typecheck, lint, build, unit/component/server tests, e2e.
# The build comes before vitest: the server's tests run the built output (`npm start`, the Dockerfile's steps).
# Ends with "N passed, N failed" (vitest + Playwright) and a non-zero exit if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
T0=$SECONDS
status=0
step() { printf '\n=== %s (t=%ss)\n' "$1" "$((SECONDS - T0))"; }
run() { "$@" || { echo "FAILED: $*"; status=1; }; }

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if ! [ -x "$CHROMIUM_PATH" ]; then
  echo "No Chromium at $CHROMIUM_PATH. Install Debian's: sudo apt-get update && sudo apt-get install -y chromium"
  echo "(or set CHROMIUM_PATH to a Chromium/Chrome binary). Playwright cannot download browsers here."
  exit 1
fi
export CHROMIUM_PATH

if ! [ -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund || exit 1
fi

mkdir -p reports
rm -f reports/vitest.json reports/playwright.json reports/playwright-connected.json

step "typecheck"
run npx tsc -b
step "lint"
run npx eslint . --max-warnings=0
run npx prettier --check . --log-level warn
step "build (the app and the production server)"
run npm run build --silent
step "unit, component and server tests (vitest)"
run npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
step "e2e (Playwright, Debian Chromium, demo mode)"
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json run npx playwright test --reporter=list,json
step "e2e (Playwright, connected mode: proxy and OAuth against npm run sim)"
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright-connected.json run npx playwright test -c playwright.connected.config.ts --reporter=list,json

step "summary (${SECONDS}s)"
node scripts/summary.mjs reports/vitest.json reports/playwright.json reports/playwright-connected.json || status=1
exit $status
