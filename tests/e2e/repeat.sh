#!/usr/bin/env bash
# Runs the browser end-to-end suite N times in a row (default 10) and stops at the first failing run, keeping
# its output: a scenario that fails once in ten runs is a defect to find, not a timeout to raise.
# Not part of the README's test command (about 4 minutes per run).
#
# Usage: tests/e2e/repeat.sh [N]      (INTERVOXD as for the suite; build first with scripts/build)
set -euo pipefail
runs="${1:-10}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [N]" >&2; exit 2; }
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
log_dir="$(mktemp -d "${TMPDIR:-/tmp}/intervox-e2e-repeat.XXXXXX")"
for ((i = 1; i <= runs; i++)); do
    start=$SECONDS
    if node --test --test-reporter=spec tests/e2e/ >"$log_dir/run-$i.log" 2>&1; then
        echo "run $i/$runs: passed in $((SECONDS - start)) s"
    else
        echo "run $i/$runs: FAILED after $((SECONDS - start)) s — output: $log_dir/run-$i.log (artifacts: tests/e2e/out/)"
        grep -E '^\s*✖' "$log_dir/run-$i.log" | head -20 || true
        exit 1
    fi
done
echo "$runs passed, 0 failed"
rm -rf "$log_dir"
