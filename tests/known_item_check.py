#!/usr/bin/env python3
"""The known-item query generator (scripts/known_item.py) runs and writes well-formed, honest output.

usage: known_item_check.py --root REPO --work DIR
Runs the generator twice on the first 1,000 articles of each news corpus in ../shared/data/news and checks:
the two runs are identical (fixed seed); queries.tsv is `qid<TAB>query` with unique ids and 3-6 words;
qrels.txt has one `qid 0 docid 1` line per query, naming an article that exists; breakdown.tsv gives each
query known classes and its rewrites, each rewrite's new form is in the query and, folded and with its
proclitics stripped, in no word of the article, and each rewritten article word is in the article.
Exit 0 on success, 1 on failure, 77 when ../shared/data/news is missing.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys

CLASSES = {"sound-plural", "dual", "nisba", "verbal-noun", "broken-plural", "name-spelling"}
WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669\u0670-\u06d3\u06d5\u0610-\u061a\u064b-\u065f\u06d6-\u06ed\w]+")
MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
PROCLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل")


def fold(w):  # written here again, not imported: the check must not share the generator's mistakes
    return MARKS.sub("", w).translate(str.maketrans("أإآٱةى", "ااااهي"))


def readings(w):
    out, todo = {w}, [w]
    while todo:
        x = todo.pop()
        for p in PROCLITICS:
            if x.startswith(p) and len(x) - len(p) >= 2 and x[len(p):] not in out:
                out.add(x[len(p):])
                todo.append(x[len(p):])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    news = os.path.join(a.root, "..", "shared", "data", "news")
    if not os.path.exists(os.path.join(news, "ant.jsonl.gz")):
        print("known_item_check: skipped, no ../shared/data/news", file=sys.stderr)
        return 77
    shutil.rmtree(a.work, ignore_errors=True)
    outs = []
    for k in (1, 2):
        out = os.path.join(a.work, f"run{k}")
        p = subprocess.run([sys.executable, os.path.join(a.root, "scripts", "known_item.py"), news, out,
                            "--max-docs", "1000", "--count", "20"], capture_output=True, text=True)
        if p.returncode != 0:
            print(f"known_item_check: generator exit {p.returncode}: {p.stderr.strip()}", file=sys.stderr)
            return 1
        outs.append(out)
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)
            print("FAIL:", what, file=sys.stderr)

    for name in ("queries.tsv", "qrels.txt", "breakdown.tsv", "queries-original.tsv"):
        check(open(os.path.join(outs[0], name), "rb").read() == open(os.path.join(outs[1], name), "rb").read(),
              f"{name} differs between two runs with the same seed")

    docs = {}
    for name in ("ant.jsonl.gz", "saudinewsnet.jsonl.gz"):
        with gzip.open(os.path.join(news, name), "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= 1000:
                    break
                d = json.loads(line)
                docs[d["id"]] = (d.get("title") or "") + " " + (d.get("text") or "")

    out = outs[0]
    queries = {}
    for line in open(os.path.join(out, "queries.tsv"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        check(len(parts) == 2, f"queries.tsv line {line!r} is not qid<TAB>query")
        if len(parts) != 2:
            continue
        qid, q = parts
        check(qid not in queries, f"{qid} twice in queries.tsv")
        check(3 <= len(q.split()) <= 6, f"{qid}: {len(q.split())} words: {q}")
        queries[qid] = q
    check(len(queries) >= 10, f"only {len(queries)} queries")
    qrels = {}
    for line in open(os.path.join(out, "qrels.txt"), encoding="utf-8"):
        f = line.split()
        check(len(f) == 4 and f[1] == "0" and f[3] == "1", f"qrels line {line!r}")
        check(f[0] not in qrels, f"{f[0]} twice in qrels.txt")
        check(f[2] in docs, f"{f[0]}: {f[2]} is not an article")
        qrels[f[0]] = f[2]
    check(set(qrels) == set(queries), "qrels.txt and queries.tsv name different queries")
    seen = set()
    for line in open(os.path.join(out, "breakdown.tsv"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        check(len(f) == 5, f"breakdown line {line!r} has {len(f)} fields")
        if len(f) != 5 or f[0] not in qrels:
            check(False, f"breakdown names an unknown query: {line!r}")
            continue
        qid, docid, classes, rewrites = f[:4]
        seen.add(qid)
        check(docid == qrels[qid], f"{qid}: breakdown names {docid}, qrels {qrels[qid]}")
        check(classes and set(classes.split(",")) <= CLASSES, f"{qid}: classes {classes!r}")
        article = {fold(w) for w in WORD.findall(docs.get(docid, ""))}
        article_readings = set().union(*(readings(w) for w in article)) if article else set()
        qwords = queries[qid].split()
        for rw in rewrites.split(";"):
            src, _, dst = rw.partition(">")
            check(src and dst, f"{qid}: rewrite {rw!r}")
            for w in src.split():
                check(fold(w) in article, f"{qid}: the article has no {w}")
            for w in dst.split():
                check(w in qwords, f"{qid}: {w} is not in the query {queries[qid]}")
                check(not (readings(fold(w)) - {""}) & {r for r in article_readings if len(r) >= 2},
                      f"{qid}: {w} occurs in the article {docid}")
    check(seen == set(queries), "breakdown.tsv misses queries")
    control = [l.split("\t")[0] for l in open(os.path.join(out, "queries-original.tsv"), encoding="utf-8")]
    check(control == list(queries), "queries-original.tsv does not hold the same queries in the same order")
    print(f"known_item_check: {len(queries)} queries checked, {len(failures)} failures", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
