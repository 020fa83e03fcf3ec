#!/usr/bin/env bash
# Installs the Debian packages recsite needs, only when something is missing.
# --bench also installs what `make bench` compares recsite with: Hugo, the
# cmark-gfm command and python3-venv (for the pandas baseline's venv); Hugo
# without its recommended Go toolchain, which only Hugo modules use.
# --bench-serve installs what `make bench-serve` needs: wrk and python3-venv.
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm libjs-bootstrap5 libjemalloc-dev libxml2-utils pkg-config time bc)
bench_packages=()
case "${1:-}" in
  "") ;;
  --bench) bench_packages=(hugo python3-venv) ;;
  --bench-serve) bench_packages=(wrk python3-venv) ;;
  *) echo "usage: scripts/install-deps.sh [--bench | --bench-serve]" >&2; exit 64 ;;
esac
missing_of() {  # prints the packages among "$@" that are not installed
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
  done
}
mapfile -t missing < <(missing_of "${packages[@]}")
mapfile -t missing_bench < <(missing_of "${bench_packages[@]}")
if [ ${#missing[@]} -eq 0 ] && [ ${#missing_bench[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]} ${missing_bench[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]} ${missing_bench[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ${#missing_bench[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq --no-install-recommends "${missing_bench[@]}" >/dev/null
fi
