#!/bin/sh
# Browser end-to-end tests of the candidate page against a real intervoxd.
#   tests/e2e/run.sh [test files…]     (default: all)
# Env: INTERVOXD (default build/server/intervoxd), CHROMIUM (default /usr/bin/chromium),
#      INTERVOX_TEST_DATABASE=postgres://… to run on PostgreSQL, INTERVOX_E2E_KEEP=1 to keep server data,
#      INTERVOX_E2E_PAGE_FROM_DISK=1 to try page edits without rebuilding intervoxd (development only).
# Logs and downloaded recordings of each test land in tests/e2e/out/.
set -eu
cd "$(dirname "$0")/../.."
if [ ! -d tests/node_modules/playwright-core ]; then
  (cd tests && npm ci --no-audit --no-fund)
fi
if [ "$#" -eq 0 ]; then
  set -- tests/e2e/*.test.js
fi
# One scenario at a time (node 18 has no --test-concurrency): each runs a server, Chromium and real-time
# audio, and parallel runs on a small machine skew the timings the tests check.
status=0
for file in "$@"; do
  node --test "$file" || status=1
done
exit $status
