#!/usr/bin/env bash
# Load benchmark of `bahth-search --serve`: 32 concurrent clients for 60 s send the benchmark questions to
# /api/search on the 77k index while bahth-index adds 10,000 articles to it.
#
#   index    the 77,227 documents of scripts/bench-speed.sh (both news corpora + the QA paragraphs), built
#            once into $OUT/base and copied for each run (the run adds to the copy)
#   queries  the first 200 questions of arcd, xquad-ar and mlqa-dev-ar (600), as bench-speed.sh; each client
#            walks them in its own shuffled order (seed = its number), top 10 with snippets
#   clients  CLIENTS (32) Python threads, each one kept-alive HTTP connection, for DURATION seconds (60); they run on
#            the same machine as the server and the indexer
#   indexer  starts with the clients: 10,000 articles of the news corpora under new ids, each with the word
#            بنشسرفر in its title, added in place (transactions of --batch 1,000, so they become searchable
#            in steps while the clients run)
#   after    every request's status (failures: anything but 200, or no answer), throughput, p50/p95/p99 of
#            the client-side latency, and whether all 10,000 new articles are found once the indexer ends
#
# usage: scripts/bench-serve.sh      env: BUILD=<dir> (default <repo>/build-rel)  SHARED=<dir>  CLIENTS  DURATION (s)
# Output: a table on stdout; logs under $BUILD/bench/serve/. Exit 1 when a request failed or an article is
# missing. Wall-clock figures on a shared 2-core machine are noisy: say so when quoting them.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=$(cd "${SHARED:-$ROOT/../shared}" && pwd)
BUILD=${BUILD:-$ROOT/build-rel}
CLIENTS=${CLIENTS:-32}
DURATION=${DURATION:-60}
OUT=$BUILD/bench/serve
MARK=بنشسرفر
say() { echo "bench-serve: $*" >&2; }

source "$ROOT/scripts/bench-common.sh"

say "building Bahth (Release) in $BUILD"
mkdir -p "$OUT/data"
bench_build "$ROOT" "$BUILD" "$OUT/build.log"

say "preparing the corpus, the queries and the 10,000 new articles"
bench_data "$SHARED" "$OUT/data"
python3 -c '
import gzip, json, sys
mark, n = sys.argv[1], 0
for line in gzip.open(sys.argv[2], "rt", encoding="utf-8"):
    a = json.loads(line)
    if not (a.get("text") or "").strip():  # the indexer skips these (no text)
        continue
    a["id"] = f"bench-serve-{n}"
    a["title"] = (a.get("title") or "") + " " + mark
    print(json.dumps(a, ensure_ascii=False))
    n += 1
    if n == 10000:
        break
' "$MARK" "$SHARED/data/news/saudinewsnet.jsonl.gz" >"$OUT/data/new.jsonl"

if [[ ! -f $OUT/base/.complete ]]; then
  say "indexing the 77k corpus (once)"
  rm -rf "$OUT/base"
  "$BUILD/bahth-index" -q -i "$OUT/base" "$OUT/data/corpus.jsonl" 2>"$OUT/index-base.log" || true
  touch "$OUT/base/.complete"
fi
rm -rf "$OUT/index"
cp -a "$OUT/base" "$OUT/index"

say "serving, $CLIENTS clients for $DURATION s, indexing 10,000 articles meanwhile"
"$BUILD/bahth-search" -i "$OUT/index" --serve 127.0.0.1:0 --quiet 2>"$OUT/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q serving "$OUT/serve.log" && break; sleep 0.1; done
port=$(grep -o 'http://127.0.0.1:[0-9]*' "$OUT/serve.log" | head -1 | sed 's/.*://')
[[ -n $port ]] || { cat "$OUT/serve.log" >&2; exit 2; }

python3 - "$port" "$OUT" "$CLIENTS" "$DURATION" "$BUILD/bahth-index" "$MARK" <<'PYEOF'
import http.client, json, os, random, statistics, subprocess, sys, threading, time, urllib.parse
port, out, clients, seconds, indexer, mark = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6]
questions = [l.rstrip("\n").split("\t", 1)[-1] for l in open(os.path.join(out, "data", "queries.tsv"), encoding="utf-8") if l.strip()]
lat, failures, lock = [], [], threading.Lock()
stop = time.monotonic() + seconds

def client(n):
    order = questions[:]
    random.Random(n).shuffle(order)
    conn, i = None, 0
    while time.monotonic() < stop:
        path = "/api/search?" + urllib.parse.urlencode({"q": order[i % len(order)], "limit": "10"})
        i += 1
        t0 = time.monotonic()
        try:
            conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path)
            r = conn.getresponse()
            body = r.read()
            ms = (time.monotonic() - t0) * 1000
            with lock:
                (lat.append(ms) if r.status == 200 else failures.append(f"{r.status} {body[:200]!r}"))
        except Exception as e:  # a refused, reset or timed-out request is a failure, and a new connection
            with lock:
                failures.append(repr(e))
            conn = None

t_index = time.monotonic()
proc = subprocess.Popen([indexer, "-q", "-i", os.path.join(out, "index"), "--batch", "1000",
                         os.path.join(out, "data", "new.jsonl")], stderr=open(os.path.join(out, "index-add.log"), "w"))
threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
for t in threads: t.start()
t0 = time.monotonic()
for t in threads: t.join()
elapsed = time.monotonic() - t0
code = proc.wait()
index_s = time.monotonic() - t_index
c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
c.request("GET", "/api/search?" + urllib.parse.urlencode({"q": mark, "limit": "0", "facets": "year"}))
found = json.loads(c.getresponse().read())["summary"]["estimated_matches"]
def pct(v, p):
    v = sorted(v); return v[max(0, -(-len(v) * p // 100) - 1)]
print(f"{clients} clients, {elapsed:.0f} s, 77k index, 600 questions, top 10 with snippets, keep-alive")
print(f"requests      {len(lat) + len(failures)}")
print(f"throughput    {len(lat) / elapsed:.0f} requests/s")
print(f"latency ms    p50 {statistics.median(lat):.1f}   p95 {pct(lat, 95):.1f}   p99 {pct(lat, 99):.1f}   max {max(lat):.1f}")
print(f"failed        {len(failures)}" + (f" (first: {failures[0]})" if failures else ""))
print(f"indexer       exit {code}, 10,000 articles added in {index_s:.0f} s while serving")
print(f"new articles  {found} of 10000 found by /api/search after the indexer ended")
sys.exit(0 if not failures and found == 10000 and code == 0 else 1)
PYEOF
