#!/usr/bin/env bash
# Crash safety at full size (issue 12): the e2e.crash case of tests/e2e.py on the benchmark's 77,227 documents
# instead of CI's 1,000. kill -9 at KILLS random moments (default 20) of a first build of half the corpus and
# of an update that adds the other half and changes a tenth of the first; after each kill the index opens and
# a search works, and the same command run again gives, id by id, the terms, values and data of a clean build.
# Long: two clean builds, then runs until KILLS kills each (about an hour on 2 cores).
#
# usage: scripts/bench-crash.sh        env: BUILD=<dir> (default <repo>/build-rel)  SHARED=<dir>  KILLS=N
# Output: "crash: ok" or the failed checks on stderr; exit 0 or 1. Work files under $BUILD/bench/crash/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=$(cd "${SHARED:-$ROOT/../shared}" && pwd)
BUILD=${BUILD:-$ROOT/build-rel}
OUT=$BUILD/bench/crash
source "$ROOT/scripts/bench-common.sh"

echo "bench-crash: building Bahth (Release) in $BUILD" >&2
mkdir -p "$OUT"
bench_build "$ROOT" "$BUILD" "$OUT/build.log"
# The case compares the stored data decoded (it is compressed: index/stored_codec.h) with the tests' helper.
{ cmake -S "$ROOT" -B "$BUILD" -DBAHTH_TESTS=ON && cmake --build "$BUILD" -j"$(nproc)" --target bahth_stored_data; } \
  >>"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; exit 2; }
bench_data "$SHARED" "$BUILD/bench/data"
# The case expects every run to index all its input (exit 0): the documents bahth-index skips, those without
# a text (a few of the QA paragraphs' news), are left out first.
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if (json.loads(line).get("text") or "").strip():
        sys.stdout.write(line)' "$BUILD/bench/data/corpus.jsonl" >"$OUT/input.jsonl"
echo "bench-crash: kill -9 at ${KILLS:-20} moments of a first build and of an update of $(wc -l <"$OUT/input.jsonl") documents" >&2
BAHTH_CRASH_INPUT=$OUT/input.jsonl BAHTH_CRASH_KILLS=${KILLS:-20} \
  python3 "$ROOT/tests/e2e.py" --index-bin "$BUILD/bahth-index" --search-bin "$BUILD/bahth-search" \
  --data-bin "$BUILD/tests/bahth_stored_data" --root "$ROOT" --work "$OUT" crash
