#!/usr/bin/env bash
# Cross-checks recsite against the independent Python reference of SPEC.md
# (scripts/spec_reference.py) on the sample, an edge-case fixture and dirty
# synthetic sets with seeds recsite's own tests never use.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/recsite}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/spec_check.py "$bin" data 10
python3 scripts/spec_check.py "$bin" Tests/Fixtures/spec-edge 3
for seed in 101 202; do
  "$bin" synth --users 200 --items 120 --events 12000 --seed "$seed" --dirty --out "$work/s$seed" 2>/dev/null
  python3 scripts/spec_check.py "$bin" "$work/s$seed" 15
done
