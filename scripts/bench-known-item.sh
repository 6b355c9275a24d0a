#!/usr/bin/env bash
# Known-item benchmark over the news alone (issue #13): can a reader who remembers a story find it when the
# words typed are in other forms than the article's own? Bahth against plain Xapian and Lucene++, one run.
#
#   corpus   both news corpora (../shared/data/news/ant.jsonl.gz and saudinewsnet.jsonl.gz; 72,716
#            articles, JSONL as the peers take it); nothing else
#   queries  written by scripts/known_item.py (fixed seed; standard library only) for 360 articles drawn at
#            random, one relevant article each. The rule for writing them:
#              3-6 words about the story, taken from the article's title (else its first 60 words), where
#              up to 3 words are rewritten into a form the article never uses and the rest, 1-2 of the
#              title's rarest words, stay as written (1 rewrite + 2 untouched, 2 + 1, 3 + 1). The classes:
#                sound-plural   المعلم→المعلمين, الحكومة→الحكومات, المسلمين→المسلم (by rule, forms the
#                               corpus uses)
#                dual           المرحلة→المرحلتين, ساعتين→ساعة
#                nisba          سوريا→السوريين, المصري→مصر, تركيا→الأتراك
#                verbal-noun    انسحبت→انسحاب, هجوم→هاجم, لاستعادة→استعاد
#                broken-plural  السوق→الأسواق, مدن→مدينة
#                name-spelling  ترمب→ترامب, غوغل→جوجل, سناب شات→سنابشات
#              (tables written by hand in scripts/known_item_tables.py; test data, not Bahth's code). A
#              rewrite counts only when the new form, normalised (diacritics, tatweel, alef forms, ة/ه,
#              ى/ي) and read with any proclitics و ف ب ك ل ال stripped, matches no word of the article read
#              the same way. Articles with an exact or near copy under another id (same title, or half of
#              their 5-word shingles in another article) are skipped, so the known item is unambiguous.
#              The script's header gives the rule in full; breakdown.tsv lists each query's rewrites.
#   control  the same queries with the rewritten words back in the article's own forms (queries-original.tsv),
#            run in the same pass under ids ending in -orig: what each engine loses to the forms alone
#   metrics  MRR@10, Recall@10, Recall@100, overall and per rewrite class (a query counts in every class
#            it has a rewrite of), by the peers' eval.py (trec_eval-compatible: no answer counts 0); and
#            Bahth / Lucene++ on MRR@10
#   peers    xapian-arabic and lucene-arabic via ../shared/bench/peers/run_all.sh (PASSES=1)
#   collapse Bahth runs with --no-collapse, like the peers: no copy of the known item is in the queries'
#            articles' way (they were skipped), and the qrels name one id.
#
# usage: scripts/bench-known-item.sh           (from anywhere; needs ../shared next to the repository)
# env:   BUILD=<dir> (default: <repo>/build-rel)  SHARED=<dir> (default: <repo>/../shared)
#        STEMMER=light|snowball|none (default light)  COUNT=360  SEED=13
# The peers' Debian packages come from ../shared/bench/peers/install_deps.sh, run first (a no-op when they
# are present; installing needs root).
# Output: the table on stdout; queries, runs, indexes and logs under $BUILD/bench/known-item/. Took 22 min
# on the 2-core development machine under load (the peers index beside Bahth; the generator takes 3-5 min).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=$(cd "${SHARED:-$ROOT/../shared}" && pwd)
BUILD=${BUILD:-$ROOT/build-rel}
STEMMER=${STEMMER:-light}
COUNT=${COUNT:-360}
SEED=${SEED:-13}
PY=/usr/bin/python3
OUT=$BUILD/bench/known-item
PEERS_DIR=$SHARED/bench/peers
t_start=$(date +%s)
say() { echo "bench-known-item: $*" >&2; }
source "$ROOT/scripts/bench-common.sh"

say "building Bahth in $BUILD"
rm -rf "$OUT"
mkdir -p "$OUT/data"
bench_build "$ROOT" "$BUILD" "$OUT/build.log"

say "preparing the corpus and writing the queries"
zcat "$SHARED"/data/news/ant.jsonl.gz "$SHARED"/data/news/saudinewsnet.jsonl.gz >"$OUT/data/corpus.jsonl"
$PY "$ROOT/scripts/known_item.py" "$SHARED/data/news" "$OUT/data" --count "$COUNT" --seed "$SEED" \
  2>"$OUT/known_item.log" || { cat "$OUT/known_item.log" >&2; exit 2; }
cat "$OUT/known_item.log" >&2
# the rewritten queries and the control in one file, so each engine runs both in one pass over one index
{ cat "$OUT/data/queries.tsv"; sed 's/\t/-orig\t/' "$OUT/data/queries-original.tsv"; } >"$OUT/data/all-queries.tsv"
{ cat "$OUT/data/qrels.txt"; sed 's/ /-orig /' "$OUT/data/qrels.txt"; } >"$OUT/data/all-qrels.txt"

say "peer dependencies: $PEERS_DIR/install_deps.sh"
"$PEERS_DIR/install_deps.sh" >"$OUT/deps.log" 2>&1 || { cat "$OUT/deps.log" >&2; say "install_deps.sh failed (root needed to install)"; exit 2; }

say "peers: lucene-arabic xapian-arabic (in the background)"
(
  PEERS="lucene-arabic xapian-arabic" PASSES=1 CLEAN=1 PEERS_BUILD="$BUILD/bench/peers-build" \
    "$PEERS_DIR/run_all.sh" "$OUT/data/corpus.jsonl" "$OUT/data/all-queries.tsv" "$OUT/data/all-qrels.txt" "$OUT/peers" \
    >"$OUT/peers.table" 2>"$OUT/peers.log" || echo "run_all exit $?" >>"$OUT/peers.log"
) &
peers_pid=$!

say "indexing with bahth-index --stemmer $STEMMER"
t0=$(date +%s)
# Exit 2 means some documents were skipped (news articles without a body): expected here.
"$BUILD/bahth-index" -q --stemmer "$STEMMER" -i "$OUT/index" "$OUT/data/corpus.jsonl" 2>"$OUT/index.log" || true
index_s=$(( $(date +%s) - t0 ))
say "indexed in ${index_s} s ($(grep -c . "$OUT/index.log" || true) messages in index.log)"
"$BUILD/bahth-search" -i "$OUT/index" --queries "$OUT/data/all-queries.tsv" --format trec -n 100 --no-collapse \
  --run-tag bahth >"$OUT/bahth.run" 2>"$OUT/search.log" || true

say "waiting for the peers"
wait "$peers_pid" || true

# One table: class × engine, from eval.py's JSON on the qrels of each class.
$PY - "$OUT" "$PEERS_DIR/eval.py" <<'EOF'
import json, os, subprocess, sys
out, ev = sys.argv[1], sys.argv[2]
classes = ["sound-plural", "dual", "nisba", "verbal-noun", "broken-plural", "name-spelling"]
qrels = {}
for line in open(os.path.join(out, "data/qrels.txt"), encoding="utf-8"):
    qrels[line.split()[0]] = line
members = {"overall": list(qrels)}
for line in open(os.path.join(out, "data/breakdown.tsv"), encoding="utf-8"):
    if line.startswith("#"):
        continue
    qid, _doc, cls = line.split("\t")[:3]
    for c in cls.split(","):
        members.setdefault(c, []).append(qid)
def score(qrels_path, run):
    if not os.path.exists(run) or os.path.getsize(run) == 0:
        return None
    r = subprocess.run(["/usr/bin/python3", ev, qrels_path, run, "--json"], capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])
runs = [("bahth", os.path.join(out, "bahth.run"))] + [
    (p, os.path.join(out, "peers", p + ".run")) for p in ("lucene-arabic", "xapian-arabic")]
print(f"{'class':<14} {'queries':>7}  {'engine':<14} {'MRR@10':>7} {'R@10':>7} {'R@100':>7}   {'Bahth/Lucene MRR@10':>19}")
for c in ["overall"] + classes:
    qs = members.get(c, [])
    if not qs:
        continue
    path = os.path.join(out, f"data/qrels.{c}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(qrels[q] for q in qs)
    ms = {name: score(path, run) for name, run in runs}
    for i, (name, _run) in enumerate(runs):
        m = ms[name]
        head = f"{c if i == 0 else '':<14} {len(qs) if i == 0 else '':>7}  {name:<14}"
        if m is None:
            print(f"{head} {'failed (see peers.log)':>23}")
            continue
        ratio = ""
        if i == 0 and ms.get("lucene-arabic") and ms["lucene-arabic"]["mrr_10"] > 0:
            ratio = f"{m['mrr_10'] / ms['lucene-arabic']['mrr_10']:.3f}"
        print(f"{head} {m['mrr_10']:7.4f} {m['recall_10']:7.4f} {m['recall_100']:7.4f}   {ratio:>19}")
    print()
orig = os.path.join(out, "data/qrels.control.txt")
with open(orig, "w", encoding="utf-8") as f:
    f.writelines(l.replace(" ", "-orig ", 1) for l in qrels.values())
print("control: the same queries in the article's own forms (MRR@10 / R@10 / R@100), and what the forms cost")
for name, run in runs:
    m, r = score(orig, run), score(os.path.join(out, "data/qrels.overall.txt"), run)
    if m and r:
        print(f"  {name:<14} {m['mrr_10']:.4f} / {m['recall_10']:.4f} / {m['recall_100']:.4f}   "
              f"rewritten: MRR@10 {r['mrr_10'] - m['mrr_10']:+.4f}")
EOF
echo "peers (timings taken while Bahth was indexing beside them):"
cat "$OUT/peers.table" 2>/dev/null || true
echo "bahth: index ${index_s} s, $(du -sh "$OUT/index" | cut -f1); whole benchmark $(( $(date +%s) - t_start )) s"
