#!/usr/bin/env bash
# Sets up the workspace and runs the demo on an embedded PGlite database (no server needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
pnpm demo
