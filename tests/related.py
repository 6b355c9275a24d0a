#!/usr/bin/env python3
"""Related articles (bahth-search --like, issue #13): for each pair of tests/data/related_pairs.tsv (100 pairs
of news articles on the same event from different papers that are not copies: how they were chosen is in
tests/data/make_related_pairs.py), --like on the first article must rank the second in its top 10.

What was read to confirm the set (Arabic titles and openings of both articles): 12 pairs drawn at random
and the 4 that --like misses over all 72k articles. 11 of the 12 are two reports of one event (a play at
Jeddah's literary club, Prince Mutaib's condolences, Trump firing Tillerson, Hajr renewing two contracts, a
surfer escaping a shark, the UAE law on contempt of religion, a training course of Madinah's youth forum,
the Renault Duster Oroch, the Hawaii eruption, Mullah Akhtar chosen to lead the Taliban ...); one is two
reports of the same Saudi clinics at Zaatari on different services. Several SaudiNewsNet pairs (Jaccard
0.2-0.3) are two papers' rewrites of the same SPA dispatch: other wording, same story. Of the 4 misses at
full size, 2 are the selector's mistakes (the headline cliché ترسم البسمة على محيا over two unrelated
stories; Serena Williams' and Sharapova's first rounds at Roland Garros under the same headline), 2 are
real (the Amlaj festival's fourth and closing days; two reports of the Playboy model's claims about Trump).

usage: related.py --index-bin B --search-bin B --root DIR --work DIR [--full | --index DIR] [--min N] [--time]

By default it indexes the 200 pair articles among DISTRACTORS (3,000) other news articles drawn with a fixed
seed from both corpora, and asserts at least --min pairs (default the rate measured there). --full (or
BAHTH_RELATED_FULL=1) indexes all 72k news articles instead and only reports the rate; --index DIR searches an
index already built (never written). --time also prints the p50 of the in-process time (JSON summary) of
/api/related over the 100 ids beside /api/search for 100 questions of arcd, on one warm server.
Exit 0 on success, 1 on failure, 77 when ../shared/data is missing.
"""
import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys

DISTRACTORS = 3000


def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=3600)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def read_pairs(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            a, b = line.rstrip("\n").split("\t")[:2]
            pairs.append((a, b))
    return pairs


def news_lines(shared, wanted, distractors, full):
    """The JSONL lines of the pair articles and of `distractors` others drawn with a fixed seed (all: full)."""
    lines, others = [], []
    for name in ("ant.jsonl.gz", "saudinewsnet.jsonl.gz"):
        with gzip.open(os.path.join(shared, "data", "news", name), "rt", encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                if a.get("text", "").strip():  # the indexer skips an article without text (and exits 2)
                    (lines if full or a["id"] in wanted else others).append(line)
    if not full:
        lines += random.Random(13).sample(others, min(distractors, len(others)))
    return lines


def cluster_key(db, doc_id):
    """The duplicate-cluster key of an article (schema::kSlotDuplicate), read with xapian-delve."""
    rc, out, _ = run(["xapian-delve", "-1", "-t", "Q" + doc_id, db])
    docid = out.split()[-1] if rc == 0 and out.split() else None
    rc, out, _ = run(["xapian-delve", "-r", docid, "-V4", db]) if docid else (1, "", "")
    m = re.search(r"Value 4 for record #\d+: (\S+)", out)
    return m.group(1) if m else None


def like_pass(args, db, pairs):
    """Runs --like on each pair's first article: (partners in the top 10, the pairs missed, elapsed ms each).
    A partner counts as found when it is a hit or when a hit stands for its duplicate cluster: a copy of the
    partner that another paper filed (collapsed hits show one article of each cluster)."""
    found, missed, like_ms = 0, [], []
    for a, b in pairs:
        rc, out, err = run([args.search_bin, "--index", db, "--like", a, "--json"])
        records = [json.loads(line) for line in out.splitlines() if line.strip()]
        ids = [r["id"] for r in records if r["type"] == "hit"]
        if rc not in (0, 1) or a in ids:
            print(f"FAIL: --like {a}: exit {rc}, itself among its hits: {a in ids}; {err.strip()[:300]}", file=sys.stderr)
            sys.exit(1)
        like_ms += [r["elapsed_ms"] for r in records if r["type"] == "summary"]
        if b in ids or (ids and cluster_key(db, b) in {cluster_key(db, i) for i in ids}):
            found += 1
        else:
            missed.append((a, b))
    return found, missed, like_ms


def timing(args, db, pairs):
    """p50 of the in-process time (the JSON summary's elapsed_ms) of /api/related for the 100 first articles
    beside /api/search for 100 arcd questions, top 10 with snippets, on one warm server (second pass)."""
    import http.client
    import urllib.parse
    with open(os.path.join(args.root, "..", "shared", "data", "qa", "arcd", "queries.tsv"), encoding="utf-8") as f:
        questions = [line.rstrip("\n").split("\t", 1)[1] for line in f][:100]
    proc = subprocess.Popen([args.search_bin, "--index", db, "--serve", "127.0.0.1:0", "--quiet", "--threads", "1"],
                            stderr=subprocess.PIPE)
    port = None
    for raw in proc.stderr:
        m = re.search(r"serving .* on http://[^ ]*:(\d+)/", raw.decode("utf-8", "replace"))
        if m:
            port = int(m.group(1))
            break
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

        def ms(path):
            conn.request("GET", path)
            return json.loads(conn.getresponse().read())["summary"]["elapsed_ms"]

        for _ in range(2):
            like = [ms("/api/related/" + urllib.parse.quote(a, safe="")) for a, _ in pairs]
            plain = [ms("/api/search?" + urllib.parse.urlencode({"q": q})) for q in questions]
    finally:
        proc.terminate()
        proc.wait()
    print(f"p50 ms, top 10 with snippets, warm server, one thread: --like {statistics.median(like):.2f} over "
          f"{len(like)} ids, plain queries {statistics.median(plain):.2f} over {len(plain)} arcd questions")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--index-bin", required=True)
    p.add_argument("--search-bin", required=True)
    p.add_argument("--root", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--index", help="search this index (read only) instead of building one")
    p.add_argument("--full", action="store_true", default=os.environ.get("BAHTH_RELATED_FULL") == "1")
    p.add_argument("--min", type=int, default=100, help="pairs that must have the partner in the top 10")
    p.add_argument("--time", action="store_true")
    args = p.parse_args()
    shared = os.path.join(args.root, "..", "shared")
    if not os.path.exists(os.path.join(shared, "data", "news", "ant.jsonl.gz")):
        print("SKIP: ../shared/data not found", file=sys.stderr)
        sys.exit(77)
    pairs = read_pairs(os.path.join(args.root, "tests", "data", "related_pairs.tsv"))
    db = args.index
    if not db:
        db = os.path.join(args.work, "full" if args.full else "sample")
        shutil.rmtree(db, ignore_errors=True)
        os.makedirs(args.work, exist_ok=True)
        lines = news_lines(shared, {i for pair in pairs for i in pair}, DISTRACTORS, args.full)
        rc, _, err = run([args.index_bin, "--index", db, "--threads", "2", "-"], stdin="".join(lines).encode())
        if rc != 0:
            print(f"FAIL: indexing {len(lines)} articles: exit {rc}: {err.strip()[-300:]}", file=sys.stderr)
            sys.exit(1)
        print(f"indexed {len(lines)} news articles", file=sys.stderr)
    found, missed, like_ms = like_pass(args, db, pairs)
    print(f"related: {found}/{len(pairs)} partners in the top 10 of --like ({db})")
    for a, b in missed:
        print(f"  missed: --like {a} did not rank {b}", file=sys.stderr)
    if args.time:
        timing(args, db, pairs)
    if not args.full and not args.index and found < args.min:
        print(f"FAIL: {found} < {args.min} partners found", file=sys.stderr)
        sys.exit(1)
    sys.exit(0)


if __name__ == "__main__":
    main()
