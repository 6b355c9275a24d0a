#!/usr/bin/env bash
# Installs the Debian 12 packages Bahth needs (when missing; as root, or with sudo) and builds it in Release
# into build/. Safe to run again: it installs nothing twice and rebuilds only what changed.
#   usage: scripts/setup.sh [--deps-only] [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deps_only=0
if [[ ${1:-} == --deps-only ]]; then deps_only=1; shift; fi
build=${1:-$root/build}

# Why each package: compiler and build; Xapian (index) and its tools (xapian-delve, xapian-tcpsrv); ICU
# (normalisation, word breaks, Hijri calendar); cxxopts (options); doctest (unit tests); nlohmann-json
# (JSON Lines in and out); zlib (.jsonl.gz input); gumbo (HTML5 parser for saved .html pages); libedit (line editing for --interactive); python3
# (end-to-end tests, benchmarks); tmux (terminal tests); dpkg-dev (dpkg-shlibdeps: the Depends of the .deb
# that cpack -G DEB builds); python3-jsonschema (checks the JSON Schemas of the output against real runs).
packages=(g++ cmake make pkg-config libxapian-dev xapian-tools libicu-dev libcxxopts-dev doctest-dev
          nlohmann-json3-dev zlib1g-dev libgumbo-dev libedit-dev python3 tmux dpkg-dev python3-jsonschema)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

((deps_only)) && exit 0
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >&2
cmake --build "$build" -j"$(nproc)" >&2
echo "setup: built $build/bahth-index and $build/bahth-search (cmake --install $build puts them on the PATH)" >&2
