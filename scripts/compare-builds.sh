#!/usr/bin/env bash
# Checks that two builds of Bahth behave the same on real articles: for a change that must not change
# behaviour (a restructuring, a speed-up), run it with the build before and the build after.
#
#   1. bahth-index --dry-run --json on a sample of ../shared/data/news (both sources: Hijri and Gregorian
#      dates) plus corpus/: every article's analysis, dates it mentions, duplicate_of, term count;
#   2. a new index of the sample built by each: every term with its frequencies (xapian-delve -a -vv) and
#      every document's values in every slot but 8, the time it was added (xapian-delve -V<slot>), then an
#      update in place (the sample again, with --prune);
#   3. bahth-search --json --explain --facets on queries made of words of the sample's titles (hits, scores,
#      snippets, highlights, what each term added, facet counts), timings removed.
# Prints one line per check, "same" or "DIFFERENT" with the first lines of the diff, and exits 1 if any differ.
#
# usage: scripts/compare-builds.sh OLD_BUILD_DIR NEW_BUILD_DIR [ARTICLES]   (default 10000 articles)
# env:   SHARED=<dir> (default <repo>/../shared)  WORK=<dir> (default a temporary directory, removed)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
[[ $# -ge 2 ]] || { sed -n '2,14p' "$0" >&2; exit 2; }
OLD=$(cd "$1" && pwd); NEW=$(cd "$2" && pwd); N=${3:-10000}
for b in "$OLD" "$NEW"; do
  [[ -x $b/bahth-index && -x $b/bahth-search ]] || { echo "compare-builds: no bahth-index/bahth-search in $b" >&2; exit 2; }
done
WORK=${WORK:-$(mktemp -d)}
[[ -n ${KEEP:-} ]] || trap 'rm -rf "$WORK"' EXIT
say() { echo "compare-builds: $*" >&2; }
status=0
compare() {  # NAME FILE_OLD FILE_NEW
  if cmp -s "$2" "$3"; then
    echo "same       $1 ($(wc -l <"$2") lines)"
  else
    echo "DIFFERENT  $1"; diff "$2" "$3" | head -10 || true; status=1
  fi
}

mkdir -p "$WORK/in"
# (zcat ends on SIGPIPE when head has enough.)
{ zcat "$SHARED/data/news/ant.jsonl.gz" | head -n $((N / 2)) || true
  zcat "$SHARED/data/news/saudinewsnet.jsonl.gz" | head -n $((N - N / 2)) || true; } >"$WORK/in/sample.jsonl"
cp -r "$ROOT/corpus" "$WORK/in/corpus"
# Queries: two or three words of every 50th title, and single words.
python3 - "$WORK/in/sample.jsonl" >"$WORK/queries.txt" <<'PY'
import json, sys
titles = [json.loads(l).get("title", "") for l in open(sys.argv[1], encoding="utf-8")]
for i, t in enumerate(titles[::50]):
    w = [x for x in t.split() if len(x) > 2]
    if len(w) >= 3: print(" ".join(w[:3]) if i % 2 else f'"{w[0]} {w[1]}"')
    if w: print(w[-1])
PY

for side in old new; do
  bin=$OLD; [[ $side == new ]] && bin=$NEW
  say "$side: dry run, index, update, queries ($bin)"
  (cd "$WORK/in" && "$bin/bahth-index" --quiet --dry-run --json sample.jsonl corpus >"$WORK/$side.dry.jsonl" 2>"$WORK/$side.dry.err") || true
  rm -rf "$WORK/$side.db"
  (cd "$WORK/in" && "$bin/bahth-index" --quiet --index "$WORK/$side.db" sample.jsonl corpus 2>"$WORK/$side.index.err") || true
  xapian-delve -a -vv -1 "$WORK/$side.db" >"$WORK/$side.terms"
  # -a: the MinHash (6), the positions (9) and the stored article (11) are bytes, which grep would not print
  for slot in 0 1 2 3 4 5 6 7 9 10 11; do xapian-delve -V"$slot" -1 "$WORK/$side.db" | grep -av "^UUID = "; done >"$WORK/$side.values"
  (cd "$WORK/in" && "$bin/bahth-index" --quiet --prune --index "$WORK/$side.db" sample.jsonl corpus 2>>"$WORK/$side.index.err") || true
  xapian-delve -a -vv -1 "$WORK/$side.db" >"$WORK/$side.terms2"
  "$bin/bahth-search" --index "$WORK/$side.db" --queries "$WORK/queries.txt" --json --explain --limit 20 \
    --facets year,source,mentioned-year 2>"$WORK/$side.search.err" |
    python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line); r.pop("elapsed_ms", None); print(json.dumps(r, ensure_ascii=False, sort_keys=True))' \
    >"$WORK/$side.search.jsonl" || true
done
compare "dry run (--json)" "$WORK/old.dry.jsonl" "$WORK/new.dry.jsonl"
compare "dry run stderr" "$WORK/old.dry.err" "$WORK/new.dry.err"
compare "index terms and frequencies" "$WORK/old.terms" "$WORK/new.terms"
compare "index values" "$WORK/old.values" "$WORK/new.values"
compare "indexer stderr" "$WORK/old.index.err" "$WORK/new.index.err"
compare "terms after an update in place" "$WORK/old.terms2" "$WORK/new.terms2"
compare "search results ($(wc -l <"$WORK/queries.txt") queries)" "$WORK/old.search.jsonl" "$WORK/new.search.jsonl"
compare "search stderr" "$WORK/old.search.err" "$WORK/new.search.err"
exit $status
