#!/usr/bin/env bash
# Sets up and builds Bahth, indexes the sample articles in corpus/ into build/demo-index, and runs a sample
# Arabic query. Any arguments replace the sample query.
#   usage: scripts/demo.sh [QUERY...]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$root/build
"$root/scripts/setup.sh" "$build"
index=$build/demo-index
"$build/bahth-index" --index "$index" "$root/corpus"
if (($#)); then query=("$@"); else query=('"شراكة بلا حدود" OR بوتين'); fi
echo "\$ bahth-search --index $index --limit 3 ${query[*]}" >&2
"$build/bahth-search" --index "$index" --limit 3 "${query[@]}"
