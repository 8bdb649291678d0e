#!/usr/bin/env bash
# Proves that a fresh clone installs and tests with npm 12, which runs a dependency's install
# scripts only when package.json#allowScripts approves them (the node package's preinstall is
# what puts Node 24 at node_modules/.bin/node). Clones the committed HEAD of this repository
# (uncommitted changes are not included) into a temporary folder, runs `npm ci` there with
# --strict-allow-scripts (an install script not covered by allowScripts fails the install),
# checks node_modules/.bin/node is Node 24, runs two test files through `npm test`, and removes
# the folder. The repository's own node_modules is never touched.
#
# Usage: scripts/check-npm12.sh [npm version, default 12]   (e.g. 11 for the same run on npm 11)
# Needs the network: the npm version through npx, about 190 MB of packages, 20-40 s.
set -euo pipefail

npm_version="${1:-12}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$(mktemp -d "${TMPDIR:-/tmp}/npm12-check.XXXXXX")"
cleanup() { rm -rf "$dir"; }
trap cleanup EXIT

step() { printf '\n== %s (%ss so far)\n' "$1" "$SECONDS"; }

step "clone $root at $(git -C "$root" rev-parse --short HEAD) into $dir"
git clone --quiet "$root" "$dir"
cd "$dir"

step "npm@$npm_version ci --strict-allow-scripts (npm $(npx --yes "npm@$npm_version" --version 2>/dev/null), on the machine's node $(node --version))"
npx --yes "npm@$npm_version" ci --strict-allow-scripts

step "node_modules/.bin/node --version"
if [ ! -x node_modules/.bin/node ]; then
  echo "FAIL: no node_modules/.bin/node: the node package's preinstall did not run (is it approved in package.json#allowScripts?)" >&2
  exit 1
fi
version="$(node_modules/.bin/node --version)"
echo "$version"
case "$version" in
  v24.*) ;;
  *) echo "FAIL: node_modules/.bin/node is $version, not Node 24" >&2; exit 1 ;;
esac

step "npm@$npm_version test -- test/unit/project.test.ts test/unit/install-scripts.test.ts"
npx --yes "npm@$npm_version" test -- test/unit/project.test.ts test/unit/install-scripts.test.ts

step "OK: npm $npm_version installs Node $version and runs the tests on it; removing $dir"
