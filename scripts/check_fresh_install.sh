#!/usr/bin/env bash
# The install checked the hard way, as a new user meets it: a fresh clone of this repository's committed
# HEAD, a brand-new venv from the stock python3 (with the pip that python bundles), no pip cache and an
# empty HOME, then the README's two commands: `make demo` and `make test`.
#
#   scripts/check_fresh_install.sh          # in a temporary folder, removed afterwards
#   scripts/check_fresh_install.sh --keep   # keep the folder, to look around
#   scripts/check_fresh_install.sh --ci     # then also run .ci/run there (integration tests, gates required)
#
# ../shared (the development sets the gates read) is linked beside the clone, as it lies beside this one.
set -euo pipefail
keep=0 ci=0
for arg in "$@"; do
  case "$arg" in
    --keep) keep=1 ;;
    --ci) ci=1 ;;
    *) echo "usage: $0 [--keep] [--ci]" >&2; exit 2 ;;
  esac
done
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-fresh.XXXXXX")
if [ "$keep" = 0 ]; then trap 'rm -rf "$work"' EXIT; fi
[ -d "$repo/../shared" ] && ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"

git clone --quiet "$repo" "$work/newsgraph"
cd "$work/newsgraph"
mkdir -p "$work/home"
export HOME="$work/home" PIP_NO_CACHE_DIR=1
unset VIRTUAL_ENV PYTHONPATH

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) fresh clone of $(git rev-parse --short HEAD) in $work/newsgraph"
echo "== $(python3 --version), bundled $(python3 -m pip --version | cut -d' ' -f1-2), PIP_NO_CACHE_DIR=1, empty HOME"
step() {
  local name=$1; shift
  local t0=$SECONDS
  echo "== $name"
  "$@"
  echo "== $name: ok in $((SECONDS - t0)) s"
}
step "make demo" make demo
step "make test" make test
if [ "$ci" = 1 ]; then step ".ci/run" .ci/run; fi
echo "== fresh install: all green (venv pip: $(.venv/bin/python -m pip --version | cut -d' ' -f1-2))"
