#!/usr/bin/env bash
# Saves a screenshot of the search page of `bahth-search --serve`: a search over the index of corpus/ in
# headless chromium (Debian's; scripts/setup.sh --test-deps installs it with an Arabic font).
#   usage: scripts/screenshot-serve.sh [OUT.png] [QUERY] [WIDTHxHEIGHT]
#   default: scripts/screenshots/serve-page.png, بوتين, 1200x900 (use 390x844 for a phone's width)
#   env: BUILD=<dir> (default <repo>/build, built if needed)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD:-$root/build}
out=$(realpath -m "${1:-$root/scripts/screenshots/serve-page.png}")
query=${2:-بوتين}
size=${3:-1200x900}
say() { echo "screenshot-serve: $*" >&2; }
command -v chromium >/dev/null || { say "needs chromium (scripts/setup.sh --deps-only --test-deps)"; exit 2; }

[[ -x $build/bahth-search ]] || "$root/scripts/setup.sh" "$build"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
"$build/bahth-index" -q --index "$work/index" "$root/corpus"
"$build/bahth-search" --index "$work/index" --serve 127.0.0.1:0 --quiet 2>"$work/serve.log" &
server=$!
for _ in $(seq 50); do grep -q 'serving' "$work/serve.log" && break; sleep 0.1; done
port=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1 | sed 's/.*://')
[[ -n $port ]] || { cat "$work/serve.log" >&2; exit 2; }
hash=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")
mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars --user-data-dir="$work/profile" \
  --virtual-time-budget=10000 --window-size="${size/x/,}" --screenshot="$out" \
  "http://127.0.0.1:$port/#q=$hash" 2>"$work/chromium.log" || { tail -5 "$work/chromium.log" >&2; exit 2; }
say "saved $out ($(du -k "$out" | cut -f1) KB)"
