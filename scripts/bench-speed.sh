#!/usr/bin/env bash
# Speed benchmark: Bahth beside its peers on the same 77,227 real documents and 3,102 questions, one after
# the other (never in parallel), on this machine; the ratios issue #12 sets its bars by.
#
#   corpus   both news corpora (../shared/data/news) + the paragraphs of the four QA sets: 77,227 documents
#   queries  every question of arcd, xquad-ar and mlqa-dev-ar (3,102); QUERIES=600 for the first 200 of each
#   peers    lucene-arabic, xapian-arabic via ../shared/bench/peers/run_all.sh (PASSES=2): top 100 ids a
#            question, one thread; PEERS="..." to choose (sqlite-fts5 adds ~9 minutes at 3,102 questions,
#            postgres-arabic more)
#   Bahth    build wall time and peak RSS (/usr/bin/time), index size (du), per-query latency of the top 10
#            WITH snippets, single thread, warm (2nd pass; in-process time from the JSON summary records),
#            the whole batch as the peers run it (top 100, one thread, process wall time) and with
#            --threads 2, facet latency (whole index, and a query matching about half of it; median of 5),
#            and re-indexing the unchanged corpus
#   rounds   then ROUNDS (default 3) rounds, one after the other, each of a Lucene++ build and a Bahth build
#            (a new index each), Lucene++'s questions (2 passes, the second measured), Bahth's top-10 latency
#            run and its top-100 batch: this machine's speed drifts by a third from minute to minute, so the
#            bars' ratios are the medians of the rounds' ratios (Lucene++ ran minutes before Bahth in the
#            table's own figures)
#
# usage: scripts/bench-speed.sh        env: BUILD=<dir> (default <repo>/build-rel)  SHARED=<dir>  PEERS="..."
#                                          ROUNDS=<n> (default 3; 0: none)
# Output: a table on stdout; everything else under $BUILD/bench/speed/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=$(cd "${SHARED:-$ROOT/../shared}" && pwd)
BUILD=${BUILD:-$ROOT/build-rel}
PEERS=${PEERS:-"lucene-arabic xapian-arabic"}
QUERIES=${QUERIES:-all}
ROUNDS=${ROUNDS:-3}
PY=/usr/bin/python3
OUT=$BUILD/bench/speed
say() { echo "bench-speed: $*" >&2; }

source "$ROOT/scripts/bench-common.sh"

say "building Bahth (Release) in $BUILD"
mkdir -p "$OUT/data"
bench_build "$ROOT" "$BUILD" "$OUT/build.log"

say "preparing the corpus and the queries"
bench_data "$SHARED" "$OUT/data" "$([[ $QUERIES == 600 ]] && echo 200 || echo all)"

say "peer dependencies: $SHARED/bench/peers/install_deps.sh"   # a no-op when present; installing needs root
"$SHARED/bench/peers/install_deps.sh" >"$OUT/deps.log" 2>&1 || { cat "$OUT/deps.log" >&2; say "install_deps.sh failed"; exit 2; }

say "peers: $PEERS"
PEERS="$PEERS" PASSES=2 CLEAN=0 PEERS_BUILD="$BUILD/bench/peers-build" \
  "$SHARED/bench/peers/run_all.sh" "$OUT/data/corpus.jsonl" "$OUT/data/queries.tsv" "$OUT/peers" \
  >"$OUT/peers.table" 2>"$OUT/peers.log" || say "a peer failed (see $OUT/peers.log)"

say "Bahth: indexing"
rm -rf "$OUT/index"
/usr/bin/time -f '%e %M' -o "$OUT/index.time" \
  "$BUILD/bahth-index" -q -i "$OUT/index" "$OUT/data/corpus.jsonl" 2>"$OUT/index.log" || true
say "Bahth: re-indexing the unchanged corpus"
/usr/bin/time -f '%e %M' -o "$OUT/reindex.time" \
  "$BUILD/bahth-index" -q -i "$OUT/index" "$OUT/data/corpus.jsonl" 2>>"$OUT/index.log" || true

say "Bahth: queries"
q=("$BUILD/bahth-search" -i "$OUT/index" --queries "$OUT/data/queries.tsv" --json -n 10)
"${q[@]}" >/dev/null 2>&1 || true                        # pass 1 warms the caches
"${q[@]}" >"$OUT/queries.jsonl" 2>/dev/null || true     # pass 2 is measured
"${q[@]}" --query-threads "$(nproc)" >"$OUT/queries-threads.jsonl" 2>/dev/null || true  # each query on every core
b=("$BUILD/bahth-search" -i "$OUT/index" --queries "$OUT/data/queries.tsv" --format trec -n 100)  # as the peers
/usr/bin/time -f '%e' -o "$OUT/batch1.time" "${b[@]}" --threads 1 >/dev/null 2>&1 || true
/usr/bin/time -f '%e' -o "$OUT/batch2.time" "${b[@]}" --threads 2 >/dev/null 2>&1 || true
for i in 1 2 3 4 5; do
  "$BUILD/bahth-search" -i "$OUT/index" --json -n 10 --facets year,month,source 2>/dev/null | tail -1
done >"$OUT/facets-all.jsonl"
for i in 1 2 3 4 5; do
  "$BUILD/bahth-search" -i "$OUT/index" --json -n 10 --facets year,month,source قال 2>/dev/null | tail -1
done >"$OUT/facets-half.jsonl"

rm -f "$OUT"/round-*
lucene_index="$OUT/peers/work/lucene-arabic/index"
if [[ -d $lucene_index && $ROUNDS -gt 0 ]]; then
  say "rounds: Lucene++ and Bahth in turn, $ROUNDS times"
  for r in $(seq "$ROUNDS"); do
    rm -rf "$OUT/round-lucene-index" "$OUT/round-index"
    /usr/bin/time -f '%e' -o "$OUT/round-$r-lucene-build.time" "$BUILD/bench/peers-build/lucene_arabic" index \
      "$OUT/data/corpus.jsonl" "$OUT/round-lucene-index" >/dev/null 2>>"$OUT/peers.log" || true
    /usr/bin/time -f '%e' -o "$OUT/round-$r-build.time" "$BUILD/bahth-index" -q -i "$OUT/round-index" \
      "$OUT/data/corpus.jsonl" 2>/dev/null || true
    rm -rf "$OUT/round-lucene-index" "$OUT/round-index"
    "$BUILD/bench/peers-build/lucene_arabic" search "$lucene_index" "$OUT/data/queries.tsv" "$OUT/round.run" \
      --passes 2 --depth 100 --tag lucene-arabic >"$OUT/round-$r-lucene.json" 2>>"$OUT/peers.log" || true
    "${q[@]}" >"$OUT/round-$r-queries.jsonl" 2>/dev/null || true
    /usr/bin/time -f '%e' -o "$OUT/round-$r-batch.time" "${b[@]}" --threads 1 >/dev/null 2>&1 || true
  done
  rm -f "$OUT/round.run"
fi
rm -rf "$OUT/peers/work"  # the peers' indexes

$PY - "$OUT" <<'PYEOF'
import json, os, statistics, sys
out = sys.argv[1]
def read(name):  # the last line: /usr/bin/time may first say "Command exited with non-zero status 2"
    with open(os.path.join(out, name)) as f:
        return f.read().strip().splitlines()[-1].split()
def pct(v, p):  # nearest rank, as the peers' harness
    v = sorted(v); return v[max(0, -(-len(v) * p // 100) - 1)]
build_s, rss_kb = map(float, read("index.time"))
rebuild_s = float(read("reindex.time")[0])
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(out, "index")) for f in fs)
corpus = os.path.getsize(os.path.join(out, "data", "corpus.jsonl"))
lat = [json.loads(l)["elapsed_ms"] for l in open(os.path.join(out, "queries.jsonl")) if '"type":"summary"' in l]
lat_n = [json.loads(l)["elapsed_ms"] for l in open(os.path.join(out, "queries-threads.jsonl")) if '"type":"summary"' in l]
b1, b2 = float(read("batch1.time")[0]), float(read("batch2.time")[0])
fa = [json.loads(l)["elapsed_ms"] for l in open(os.path.join(out, "facets-all.jsonl"))]
fh = [json.loads(l) for l in open(os.path.join(out, "facets-half.jsonl"))]
peers = {}
for name in os.listdir(os.path.join(out, "peers")):
    if name.endswith(".json") and not name.startswith("summary"):
        with open(os.path.join(out, "peers", name)) as f:
            peers[name[:-5]] = json.load(f)
print(f"{'engine':16} {'build s':>8} {'index MB':>9} {'idx/input':>9} {'RSS MB':>7} {'q p50 ms':>9} {'q p95 ms':>9} {'batch s':>8} {'batch q/s':>10}")
print(f"{'bahth':16} {build_s:8.1f} {size/1e6:9.1f} {size/corpus:9.2f} {rss_kb/1024:7.0f} {statistics.median(lat):9.2f} {pct(lat,95):9.2f} {b1:8.2f} {len(lat)/b1:10.0f}")
for name, p in sorted(peers.items()):
    if p.get("status") != "ok":
        print(f"{name:16} failed: {p.get('error','')}"); continue
    qps = len(lat) / p["batch_s"] if p.get("batch_s") else 0
    print(f"{name:16} {p['build_s']:8.1f} {p['index_bytes']/1e6:9.1f} {p['index_bytes']/corpus:9.2f} "
          f"{p['index_peak_rss_bytes']/2**20:7.0f} {p['query_p50_ms']:9.2f} {p['query_p95_ms']:9.2f} {p.get('batch_s', 0):8.2f} {qps:10.0f}")
print()
model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"machine: {model}, {os.cpu_count()} cores (the ratios move with the processor: README, Measurements)")
print(f"latency: bahth top 10 with snippets, one thread, warm; peers top 100 ids, no snippets")
print(f"latency with each query scored on {os.cpu_count()} threads (--query-threads): p50 {statistics.median(lat_n):.2f} ms, "
      f"p95 {pct(lat_n, 95):.2f} ms")
print(f"batch: every engine top 100 ids, one thread (bahth: process wall time, TREC output); bahth with --threads 2: {b2:.2f} s")
print(f"bahth re-index of the unchanged corpus: {rebuild_s:.1f} s = {rebuild_s/build_s:.1%} of the first build")
print(f"bahth facets year,month,source: whole index median {statistics.median(fa):.1f} ms; "
      f"query matching {fh[0]['estimated_matches']} documents median {statistics.median([r['elapsed_ms'] for r in fh]):.1f} ms")
if "lucene-arabic" in peers and peers["lucene-arabic"].get("status") == "ok":
    l = peers["lucene-arabic"]
    print(f"ratios to lucene-arabic (issue #12's bars): build wall {build_s/l['build_s']:.2f}x (<= 3.0); "
          f"index/input {size/corpus:.2f} (<= 1.5); batch of {len(lat)}, top 100, one thread {b1/l['batch_s']:.2f}x (<= 1.0); "
          f"p50 top 10 with snippets / Lucene p50 {statistics.median(lat)/l['query_p50_ms']:.2f}x (<= 0.7; "
          f"{statistics.median(lat_n)/l['query_p50_ms']:.2f}x on {os.cpu_count()} threads)")
rounds = []  # (batch ratio, p50 ratio, build ratio) of each round that ran whole
r = 1
while os.path.exists(os.path.join(out, f"round-{r}-lucene.json")):
    try:
        with open(os.path.join(out, f"round-{r}-lucene.json")) as f:
            lr = json.loads(f.read().strip().splitlines()[-1])
        rl = [json.loads(x)["elapsed_ms"] for x in open(os.path.join(out, f"round-{r}-queries.jsonl")) if '"type":"summary"' in x]
        rb = float(read(f"round-{r}-batch.time")[0])
        build = float(read(f"round-{r}-build.time")[0]) / float(read(f"round-{r}-lucene-build.time")[0])
        rounds.append((rb / lr["batch_s"], statistics.median(rl) / lr["query_p50_ms"], build))
    except (OSError, ValueError, KeyError, IndexError, statistics.StatisticsError):
        pass
    r += 1
if rounds:
    print(f"in {len(rounds)} rounds of Lucene++ and Bahth in turn: build "
          f"{' '.join(f'{z:.2f}' for _, _, z in rounds)} (median {statistics.median(z for _, _, z in rounds):.2f}x, <= 3.0); batch "
          f"{' '.join(f'{x:.2f}' for x, _, _ in rounds)} (median {statistics.median(x for x, _, _ in rounds):.2f}x, <= 1.0); "
          f"p50 {' '.join(f'{y:.2f}' for _, y, _ in rounds)} (median {statistics.median(y for _, y, _ in rounds):.2f}x, <= 0.7)")
PYEOF
