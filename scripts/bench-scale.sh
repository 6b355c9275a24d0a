#!/usr/bin/env bash
# Scale benchmark: Bahth on corpora of N recombined real articles (scripts/make-scale-corpus.sh), one size
# after the other: build wall time and time per article, peak RSS, index size, and per-query latency (top 10
# with snippets, warm: 2nd pass) of the 600 benchmark questions (as in bench-speed.sh), each query scored on
# one thread and on one per core (--query-threads).
#
#   usage: scripts/bench-scale.sh [N...]        (default: 100000 300000 1000000)
#   env:   BUILD=<dir> (default <repo>/build-rel)  SHARED=<dir>  KEEP=1 keeps the corpora and indexes
# Output: a table on stdout; everything else under $BUILD/bench/scale/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=$(cd "${SHARED:-$ROOT/../shared}" && pwd)
BUILD=${BUILD:-$ROOT/build-rel}
OUT=$BUILD/bench/scale
sizes=("$@")
((${#sizes[@]})) || sizes=(100000 300000 1000000)
say() { echo "bench-scale: $*" >&2; }

say "building Bahth (Release) in $BUILD"
mkdir -p "$OUT"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DBAHTH_TESTS=OFF >"$OUT/build.log" 2>&1 ||
  { cat "$OUT/build.log" >&2; exit 2; }
cmake --build "$BUILD" -j"$(nproc)" --target bahth-index bahth-search >>"$OUT/build.log" 2>&1 ||
  { tail -30 "$OUT/build.log" >&2; exit 2; }
: >"$OUT/queries.tsv"
for s in arcd xquad-ar mlqa-dev-ar; do head -200 "$SHARED/data/qa/$s/queries.tsv" >>"$OUT/queries.tsv"; done

cores=$(nproc)
printf '%-9s %8s %10s %9s %10s %7s %9s %9s %11s %11s\n' articles "build s" "ms/article" "index MB" "input MB" "RSS MB" \
  "q p50 ms" "q p95 ms" "p50 ${cores}thr" "p95 ${cores}thr"
for n in "${sizes[@]}"; do
  corpus=$OUT/corpus-$n.jsonl index=$OUT/index-$n
  if [[ ! -s $corpus ]]; then
    say "$n articles: making the corpus"
    SHARED=$SHARED "$ROOT/scripts/make-scale-corpus.sh" "$n" "$corpus"
  fi
  say "$n articles: indexing"
  rm -rf "$index"
  /usr/bin/time -f '%e %M' -o "$OUT/index-$n.time" "$BUILD/bahth-index" -q -i "$index" "$corpus" 2>"$OUT/index-$n.log" || true
  say "$n articles: queries"
  q=("$BUILD/bahth-search" -i "$index" --queries "$OUT/queries.tsv" --json -n 10)
  "${q[@]}" >/dev/null 2>&1 || true
  "${q[@]}" >"$OUT/queries-$n.jsonl" 2>/dev/null || true
  "${q[@]}" --query-threads "$cores" >"$OUT/queries-$n-threads.jsonl" 2>/dev/null || true
  /usr/bin/python3 - "$n" "$OUT" "$corpus" "$index" <<'PY'
import json, os, sys
n, out, corpus, index = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
with open(os.path.join(out, f"index-{n}.time")) as f:
    build_s, rss_kb = map(float, f.read().split()[-2:])
size = sum(os.path.getsize(os.path.join(d, x)) for d, _, fs in os.walk(index) for x in fs)
def latencies(name):
    return sorted(json.loads(l)["elapsed_ms"] for l in open(os.path.join(out, name)) if '"type":"summary"' in l)
def pct(lat, p):
    return lat[max(0, -(-len(lat) * p // 100) - 1)] if lat else float("nan")
one, many = latencies(f"queries-{n}.jsonl"), latencies(f"queries-{n}-threads.jsonl")
print(f"{n:<9} {build_s:8.1f} {1000 * build_s / n:10.2f} {size / 2**20:9.0f} {os.path.getsize(corpus) / 2**20:10.0f} "
      f"{rss_kb / 1024:7.0f} {pct(one, 50):9.2f} {pct(one, 95):9.2f} {pct(many, 50):11.2f} {pct(many, 95):11.2f}")
PY
  [[ ${KEEP:-} == 1 ]] || rm -rf "$index" "$corpus"
done
