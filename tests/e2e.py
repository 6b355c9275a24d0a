#!/usr/bin/env python3
"""End-to-end tests: run the real bahth-index and bahth-search binaries and check what a user sees.

usage: e2e.py --index-bin B --search-bin B --root DIR --work DIR CASE [--update]
CASE is one of the functions named case_*; --update rewrites the golden files under tests/golden/.
Exit 0 on success, 1 on failure, 77 when the case is skipped (../shared/data missing).
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time

ARGS = None
FAILURES = []


def run(cmd, stdin=None, env=None, timeout=300):
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    if env:
        e.update(env)
    p = subprocess.run(cmd, input=stdin, capture_output=True, env=e, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def index(*args, **kw):
    return run([ARGS.index_bin, *args], **kw)


def search(*args, **kw):
    return run([ARGS.search_bin, *args], **kw)


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what, file=sys.stderr)


def expect(result, code, stderr_re=None, what=""):
    rc, out, err = result
    check(rc == code, f"{what}: exit {rc}, expected {code}; stderr: {err.strip()[:300]}")
    if stderr_re is not None:
        check(re.search(stderr_re, err) is not None, f"{what}: stderr {err.strip()[:300]!r} does not match {stderr_re!r}")
    return result


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def fresh(name):
    path = os.path.join(ARGS.work, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


def write(path, data, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(data)
    return path


def doccount(db):
    rc, out, _ = run(["xapian-delve", db])
    m = re.search(r"number of documents = (\d+)", out)
    return int(m.group(1)) if m else -1


def corpus_index():
    db = fresh("corpus-index")
    expect(index("--index", db, os.path.join(ARGS.root, "corpus")), 0, r"5 added, 0 replaced, 0 skipped", "index corpus")
    return db


def golden(name, actual):
    path = os.path.join(ARGS.root, "tests", "golden", name)
    if ARGS.update:
        write(path, actual)
        print("updated", path, file=sys.stderr)
        return
    if not os.path.exists(path):
        check(False, f"golden file {path} missing (run with --update)")
        return
    with open(path) as f:
        expected = f.read()
    if expected != actual:
        import difflib
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "expected", "actual", n=1))
        check(False, f"output differs from golden {name}:\n{diff[:3000]}")


def untimed(text):
    """Output with timings masked: they vary run to run."""
    text = re.sub(r'"elapsed_ms":[0-9.e+-]+', '"elapsed_ms":0', text)
    return re.sub(r" in [0-9.]+ ms$", " in N ms", text, flags=re.M)


# ---------------------------------------------------------------------------------------------------------
GOLDEN_QUERIES = [
    ("phrase", ['"شراكة بلا حدود"']),
    ("putin-diacritics", ["بُوتِين"]),
    ("title-field", ["title:الصين"]),
    ("boolean", ["بوتين AND الصين -أوكرانيا"]),
    ("date-range", ["--from", "2022", "--to", "2022-12", "بوتين"]),
]


def case_golden():
    db = corpus_index()
    for name, q in GOLDEN_QUERIES:
        rc, out, err = search("--index", db, "--json", *q)
        golden(f"search-{name}.jsonl", untimed(out))
    rc, out, err = search("--index", db, "--color=never", "--limit", "3", "بوتين الصين")
    golden("search-human.txt", untimed(out))
    p = subprocess.run([ARGS.index_bin, "--dry-run", "--json", "corpus"], cwd=ARGS.root, capture_output=True)
    golden("dry-run.jsonl", p.stdout.decode())


def case_seeds():
    """The acceptance checks of the foundation issue, on corpus/."""
    db = corpus_index()
    rc, out, err = expect(search("--index", db, "--json", '"شراكة بلا حدود"'), 0, None, "phrase")
    recs = jsonl(out)
    hits = [r for r in recs if r["type"] == "hit"]
    check(recs[0]["type"] == "begin" and recs[-1]["type"] == "summary", "JSON envelope begin ... summary")
    check(hits and hits[0]["id"] == "003_75c0f02aeffcf6cd.txt", f"France 24 seed first for the phrase: {[h['id'] for h in hits]}")
    check(hits and hits[0]["source"] == "france24" and hits[0]["date"] == "2022-02-05", "France 24 seed has source and date")

    ids = None
    for variant in ["بوتين", "بُوتِين", "بـوتـيـن", "بوتين\u200f", "ﺑﻮﺗﻴﻦ"]:
        rc, out, err = expect(search("--index", db, "--json", variant), 0, None, f"query {variant!r}")
        recs = jsonl(out)
        got = sorted(r["id"] for r in recs if r["type"] == "hit")
        if ids is None:
            ids = got
        check(got == ids, f"{variant!r} finds the same articles as بوتين: {got} vs {ids}")
        for h in (r for r in recs if r["type"] == "hit"):
            check(h["highlights"], f"{variant!r}: hit {h['id']} has highlights")
            for s, e in h["highlights"]:
                word = h["snippet"][s:e]
                plain = re.sub("[\u064b-\u0652\u0640]", "", word)
                check(plain.endswith("بوتين"), f"highlight {word!r} is the matched word")
            for bad in ["LEAVE A REPLY", "HAKAIA", "اترك تعليق", "جميع الحقوق", "شارك القصة", "تابع القراءة", "gmail"]:
                check(bad not in h["snippet"] and bad not in h["title"], f"no boilerplate {bad!r} in {h['id']}")
    for seed in ["000_1c21489d73f88a25.txt", "002_7885229fa645d1c2.txt", "003_75c0f02aeffcf6cd.txt", "004_736099e99802e8d7.txt"]:
        check(seed in ids, f"seed {seed} about Putin and Xi is found for بوتين")

    # Colour only when asked or on a terminal; NO_COLOR wins over auto.
    rc, out, _ = search("--index", db, "--color=always", "بوتين")
    check("\x1b[" in out, "--color=always colours")
    rc, out, _ = search("--index", db, "بوتين")
    check("\x1b[" not in out, "no colour when stdout is not a terminal")
    rc, out, _ = search("--index", db, "--color=auto", "بوتين", env={"NO_COLOR": "1"})
    check("\x1b[" not in out, "NO_COLOR respected")
    # Re-indexing the same input replaces, never duplicates.
    expect(index("--index", db, os.path.join(ARGS.root, "corpus")), 0, r"0 added, 5 replaced", "re-index")
    check(doccount(db) == 5, "still 5 documents after re-indexing")


def case_bad_input():
    work = fresh("bad")
    db = os.path.join(work, "db")
    good = write(os.path.join(work, "in", "good.txt"), "عنوان المقال\nقال الرئيس الروسي فلاديمير بوتين إن العلاقات جيدة.\n")
    cases = [
        ("missing path", [os.path.join(work, "nope.txt")], r"nope\.txt: no such file or directory"),
        ("empty file", [write(os.path.join(work, "in2", "empty.txt"), "")], r"empty\.txt: empty file; skipped"),
        ("binary file", [write(os.path.join(work, "in2", "bin.txt"), b"\x7fELF\x00\x00\x01\x02" * 64, "wb")], r"bin\.txt: binary data, not text; skipped"),
        ("invalid UTF-8", [write(os.path.join(work, "in2", "latin1.txt"), b"caf\xe9 au lait", "wb")], r"latin1\.txt: invalid UTF-8 at byte 3; skipped"),
        ("malformed JSON line", [write(os.path.join(work, "in2", "bad.jsonl"), '{"id":"j1","text":"نص"}\n{"id":\n{"id":"j2","text":"نص"}\n')], r"bad\.jsonl:2: malformed JSON"),
        ("JSON without text", [write(os.path.join(work, "in2", "notext.jsonl"), '{"id":"j3","title":"عنوان"}\n')], r'notext\.jsonl:1: document "j3" has no "text"; skipped'),
        ("id too long", [write(os.path.join(work, "in2", "longid.jsonl"), json.dumps({"id": "x" * 300, "text": "نص"}) + "\n")], r"longid\.jsonl:1: id is 300 bytes, longer than the 240-byte limit; skipped"),
    ]
    for what, inputs, err_re in cases:
        shutil.rmtree(db, ignore_errors=True)
        # the bad input and a good one: the good one is still indexed, the exit code says something was skipped
        rc, out, err = expect(index("--index", db, *inputs, good), 2, err_re, what)
        check(len([l for l in err.splitlines() if "skipped" in l or "no such" in l]) >= 1, f"{what}: one line on stderr")
        check(doccount(db) >= 1, f"{what}: the good input is still indexed")

    # A second writer gets a clear error naming the first writer; the index is untouched.
    shutil.rmtree(db, ignore_errors=True)
    expect(index("--index", db, good), 0, None, "index before lock test")
    holder = subprocess.Popen([ARGS.index_bin, "--index", db, "-"], stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            if os.path.exists(os.path.join(db, "flintlock")):
                break
            time.sleep(0.05)
        time.sleep(0.3)
        rc, out, err = expect(index("--index", db, os.path.join(ARGS.root, "corpus")), 2,
                              rf"is being written by process {holder.pid}\b", "locked index")
        check(len(err.strip().splitlines()) == 1, f"locked index: one line on stderr, got {err!r}")
    finally:
        holder.stdin.write(json.dumps({"id": "from-stdin", "text": "نص من المدخل القياسي"}).encode() + b"\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    check(holder.returncode == 0, "the first writer finished normally")
    check(doccount(db) == 2, f"index holds the first writer's documents only: {doccount(db)}")

    # Searcher: missing index, bad queries.
    expect(search("--index", os.path.join(work, "no-such-index"), "بوتين"), 2, r"cannot open index .*no-such-index", "missing index")
    for what, q, err_re in [
        ("empty query", "", r"empty query"),
        ("only punctuation", "،،، ؟!", r"query has no searchable words"),
        ("only diacritics", "ًٌٍَُِّْ", r"query has no searchable words"),
        ("only excluded", "-بوتين", r"only excludes words"),  # a "-word" argument is a query word
    ]:
        rc, out, err = expect(search("--index", db, q), 2, err_re, what)
        check(out == "", f"{what}: nothing on stdout")
        check(len(err.strip().splitlines()) == 1, f"{what}: one line on stderr")
    rc, out, err = expect(search("--index", db, "--json", '"بوتين إن'), 0, r"unbalanced quote", "unbalanced quote")
    check(any(r["type"] == "hit" for r in jsonl(out)), "unbalanced quote still searches")
    expect(search("--index", db, "--from", "2022-13", "بوتين"), 2, r"not a valid", "bad --from")
    expect(search("--index", db, "--format", "xml", "بوتين"), 2, r"human, json, tsv or trec", "bad --format")
    expect(index("--index", db, "--stemmer", "porter", good), 2, r"unknown stemmer 'porter' \(valid: ", "bad --stemmer")


def case_queries():
    db = corpus_index()
    rc, out, err = expect(search("--index", db, "--json", "--from", "٢٠٢٢", "--to", "2022-02-05", "بوتين"), 0, None, "date range")
    hits = [r for r in jsonl(out) if r["type"] == "hit"]
    check([h["id"] for h in hits] == ["003_75c0f02aeffcf6cd.txt"], f"only the 2022 article: {[h['id'] for h in hits]}")
    expect(search("--index", db, "--from", "2030", "بوتين"), 1, None, "no hits in the future")
    expect(search("--index", db, "كلمةغيرموجودة"), 1, None, "no hits")

    rc, out, _ = search("--index", db, "--json", "--limit", "2", "بوتين")
    first = [r["id"] for r in jsonl(out) if r["type"] == "hit"]
    rc, out, _ = search("--index", db, "--json", "--limit", "2", "--offset", "2", "بوتين")
    second = jsonl(out)
    check(len(first) == 2 and not set(first) & {r["id"] for r in second if r["type"] == "hit"}, "pages do not overlap")
    check([r["rank"] for r in second if r["type"] == "hit"][:1] == [3], "ranks continue across pages")

    rc, out, _ = search("--index", db, "--json", "بوتين", "-الكرملين")
    for h in (r for r in jsonl(out) if r["type"] == "hit"):
        check(h["id"] not in ("000_1c21489d73f88a25.txt", "001_005e2f9528a27951.txt"), f"-الكرملين excludes {h['id']}")
    rc, out, _ = search("--index", db, "--json", "بوتين", "source:france24")
    check([r["id"] for r in jsonl(out) if r["type"] == "hit"] == ["003_75c0f02aeffcf6cd.txt"], "source: filter")

    # A closed pipe ends quietly.
    p = subprocess.Popen(f"'{ARGS.search_bin}' --index '{db}' --limit 5 بوتين | head -1", shell=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, executable="/bin/bash")
    out, err = p.communicate(timeout=60)
    check(p.returncode == 0 and err == b"", f"| head -1: exit {p.returncode}, stderr {err!r}")


def case_batch():
    db = corpus_index()
    qfile = write(os.path.join(ARGS.work, "batch", "q.tsv"),
                  "# id<TAB>query\nq1\tبوتين\nq2\t\"شراكة بلا حدود\"\nq3\t،،،\nالصين\n")
    rc, out, err = expect(search("--index", db, "--json", "--queries", qfile), 2, r"q\.tsv:4: query has no searchable words", "batch")
    recs = jsonl(out)
    check([r["query_id"] for r in recs if r["type"] == "begin"] == ["q1", "q2", "5"], "every query answered in order, ids echoed")
    check([r for r in recs if r["type"] == "error"][0]["query_id"] == "q3", "the bad query gets an error record")
    rc, out, err = expect(search("--index", db, "--format", "trec", "--limit", "3", "--queries", "-"), 0, None, "trec from stdin",
                          ) if False else (None, None, None)
    p = subprocess.run([ARGS.search_bin, "--index", db, "--format", "trec", "--limit", "3", "--queries", "-"],
                       input="t1\tبوتين\nt2\tالصين\n".encode(), capture_output=True)
    lines = p.stdout.decode().splitlines()
    check(p.returncode == 0 and len(lines) == 6, f"trec: 6 lines, got {len(lines)}")
    for line in lines:
        f = line.split()
        check(len(f) == 6 and f[1] == "Q0" and f[5] == "bahth" and f[3].isdigit(), f"trec line {line!r}")
    rc, out, _ = search("--index", db, "--format", "tsv", "بوتين")
    check(all(len(l.split("\t")) == 6 for l in out.splitlines()), "tsv: 6 columns")


def case_shared_sample():
    data = os.path.join(ARGS.root, "..", "shared", "data", "news", "ant.jsonl.gz")
    if not os.path.exists(data):
        print("SKIP: ../shared/data not found", file=sys.stderr)
        sys.exit(77)
    lines = []
    with gzip.open(data, "rt", encoding="utf-8") as f:
        for line in f:
            lines.append(line)
            if len(lines) == 1500:
                break
    db = fresh("shared-index")
    rc, out, err = expect(index("--index", db, "-", stdin="".join(lines).encode()), 0, r"1500 added", "index 1500 ANT articles from stdin")
    check(doccount(db) == 1500, "1500 documents")
    rc, out, err = index("--dry-run", "--json", "-", stdin="".join(lines[:200]).encode())
    recs = jsonl(out)
    check(len(recs) == 200, "dry run describes every article")
    check(all(r["date"]["source"] == "metadata" and r["date"]["value"] for r in recs), "every ANT article has its metadata date")
    for q in ["السعودية", "الرئيس الأمريكي", '"مجلس الأمن"']:
        rc, out, err = expect(search("--index", db, "--json", q), 0, None, f"query {q}")
        hits = [r for r in jsonl(out) if r["type"] == "hit"]
        check(len(hits) == 10, f"{q}: 10 hits")
        for h in hits:
            check(h["date"] is not None, f"{q}: {h['id']} has a date")


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--index-bin", required=True)
    ap.add_argument("--search-bin", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("case")
    ARGS = ap.parse_args()
    for name in ("index_bin", "search_bin", "root", "work"):
        setattr(ARGS, name, os.path.abspath(getattr(ARGS, name)))
    os.makedirs(ARGS.work, exist_ok=True)
    globals()["case_" + ARGS.case]()
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed in {ARGS.case}", file=sys.stderr)
        sys.exit(1)
    print(f"{ARGS.case}: ok")


if __name__ == "__main__":
    main()
