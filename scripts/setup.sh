#!/usr/bin/env bash
# Sets up a checkout: installs the workspace's npm dependencies with the
# pnpm version pinned in package.json, then compiles the TypeScript.
# Needs Node.js 20 and npm; everything else is installed here.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p 'require("./package.json").packageManager.split("@")[1]')
# corepack's signature check can fail against npm registry mirrors, so pnpm
# runs through npx at the pinned version instead.
pnpm() { npx --yes "pnpm@${pnpm_version}" "$@"; }

pnpm install --frozen-lockfile
pnpm run build
