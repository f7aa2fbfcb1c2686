#!/usr/bin/env bash
# Runs every test on a fresh machine: tools, dependencies, database servers, build, then vitest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
bash scripts/ensure-services.sh
pnpm test
