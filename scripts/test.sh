#!/usr/bin/env bash
# Runs every test on a fresh machine: tools, dependencies, database servers, build, then vitest.
# Ends with one plain line "tests: N passed, M failed" (and the exit code of the run).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh || exit 1
bash scripts/ensure-services.sh
pnpm build || exit 1
results="$(mktemp -t dbm-vitest-XXXXXX.json)"
pnpm exec vitest run --reporter=default --reporter=json --outputFile="$results"
status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$results" || echo "tests: 0 passed, 1 failed"
rm -f "$results"
exit $status
