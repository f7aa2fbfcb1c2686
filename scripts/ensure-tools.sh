#!/usr/bin/env bash
# Installs what dbm's workspace needs on a fresh machine: pnpm (through npm) and the dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version | cut -d. -f1)" != "12" ]; then
  echo "==> installing pnpm 12"
  npm install -g pnpm@12 >/dev/null 2>&1 || npm install -g pnpm@12
fi
echo "==> pnpm install"
if [ "${CI:-}" = "true" ]; then pnpm install --frozen-lockfile; else pnpm install; fi
