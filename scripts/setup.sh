#!/usr/bin/env bash
# Installs the Debian 12 packages Bahth needs (when missing; as root, or with sudo) and builds it in Release
# into build/. Safe to run again: it installs nothing twice and rebuilds only what changed.
#   usage: scripts/setup.sh [--deps-only] [--test-deps] [BUILD_DIR]
#   --test-deps: also what only the tests need (a browser for the search page's test; scripts/test.sh)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deps_only=0 test_deps=0
while [[ ${1:-} == --* ]]; do
  case $1 in
    --deps-only) deps_only=1 ;;
    --test-deps) test_deps=1 ;;
    *) echo "setup: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
build=${1:-$root/build}

# Why each package: compiler and build; Xapian (index) and its tools (xapian-delve, xapian-tcpsrv); ICU
# (normalisation, word breaks, Hijri calendar); cxxopts (options); doctest (unit tests); nlohmann-json
# (JSON Lines in and out); zlib (.jsonl.gz input); zstd (the stored text of every article, compressed with a
# dictionary trained on the index's own articles: index/stored_codec.h); gumbo (HTML5 parser for saved .html pages); libedit (line editing for --interactive); python3
# (end-to-end tests, benchmarks); tmux (terminal tests); dpkg-dev (dpkg-shlibdeps: the Depends of the .deb
# that cpack -G DEB builds); python3-jsonschema (checks the JSON Schemas of the output against real runs);
# cpp-httplib (the HTTP server of bahth-search --serve); jemalloc (the programs' allocator: a build in three
# quarters of the time).
# Tests only (--test-deps): chromium and an Arabic font (the search page's test loads it in headless chromium).
packages=(g++ cmake make pkg-config libxapian-dev xapian-tools libicu-dev libcxxopts-dev doctest-dev
          nlohmann-json3-dev zlib1g-dev libzstd-dev libgumbo-dev libedit-dev python3 tmux dpkg-dev python3-jsonschema
          libcpp-httplib-dev libjemalloc-dev)
((test_deps)) && packages+=(chromium fonts-noto-core)
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
