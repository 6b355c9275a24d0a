#!/usr/bin/env python3
"""End-to-end tests of name spellings (issue #13): bahth-index pairs the words that are two spellings of one
name (index/spelling_groups.h: one transliteration edit apart, or one word and two, written by different
sources, in documents about the same things) and a plain query word searches both, saying so on stderr and in the JSON summary; a
quoted word matches only as typed. Different names stay apart: محمد/محمود (every source writes both) and
نابل/نابول (a town in Tunisia and Naples: other sources, other stories).

The articles are generated (fixed seed): each names one of the words amid words of its story.

usage: e2e_spellings.py --index-bin B --search-bin B --root DIR --work DIR CASE
"""
import json
import os
import random

import e2e  # its helpers and its main(): the same command line and failure report
from e2e import check, expect, fresh, index, jsonl, search, write

STORIES = {
    "us": "الرئيس الأمريكي دونالد البيت الأبيض واشنطن الانتخابات الكونغرس الجمهوري الديمقراطي العقوبات الخارجية",
    "football": "المباراة الفريق الملعب الدوري الهدف المدرب اللاعب البطولة الجمهور الكأس",
    "tunisia": "السياحة الشاطئ الفنادق السياح تونس الجزيرة الصيف الموسم المهرجان البحر",
    "italy": "إيطاليا روما ميلانو المدرج الكالتشيو يوفنتوس الإيطالي الصفقة الانتقال النادي",
    "tech": "الهاتف التطبيق الإنترنت البحث الشركة المستخدمين البيانات الإعلانات الذكي البرمجيات",
}
# (word, story, sources, how many articles)
WRITINGS = [
    ("ترامب", "us", ["alpha", "beta"], 16), ("ترمب", "us", ["gamma"], 12),
    ("محمد", "football", ["alpha", "beta", "gamma"], 15), ("محمود", "football", ["alpha", "beta", "gamma"], 12),
    ("نابل", "tunisia", ["delta"], 12), ("نابول", "italy", ["alpha", "beta"], 12),
    ("نيويورك", "us", ["alpha", "beta"], 12), ("نيو يورك", "us", ["gamma"], 12),
]
LATER = [("غوغل", "tech", ["alpha", "beta"], 12), ("جوجل", "tech", ["gamma"], 12)]


def articles(writings, sourced=True, start=0):
    rnd = random.Random(13 + start)
    out = []
    for word, story, sources, n in writings:
        words = STORIES[story].split()
        for i in range(n):
            text = " ".join(rnd.sample(words, 7)) + f" وقال {word} إن " + " ".join(rnd.sample(words, 5)) + "."
            a = {"id": f"{word.replace(' ', '_')}-{start + i}", "title": f"{word} و{words[i % len(words)]}", "text": text,
                 "date": "2024-03-%02d" % (1 + i % 28)}
            if sourced:
                a["source"] = sources[i % len(sources)]
            out.append(a)
    return out


def jsonl_file(name, records):
    return write(os.path.join(e2e.ARGS.work, e2e.ARGS.case, name),
                 "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def ids(db, *query):
    rc, out, err = search("--index", db, "--format", "ids", "--limit", "100", "--", *query)
    return {i.rsplit("-", 1)[0] for i in out.split()}, err


def case_pairs():
    """Two spellings of one name are searched together; look-alike names are not."""
    db = fresh("index")
    expect(index("--index", db, jsonl_file("a.jsonl", articles(WRITINGS))), 0,
           r"2 names with two spellings found; a query searches both", "index")
    for typed, other in (("ترمب", "ترامب"), ("ترامب", "ترمب")):
        found, err = ids(db, typed)
        check(found == {typed, other}, f"{typed} finds the articles that write {other}: {found}")
        check(f"other spellings of {typed} searched too: {other}" in err, f"the spelling is reported: {err!r}")
    found, _ = ids(db, "وترمب")
    check(found == {"ترمب", "ترامب"}, f"with a proclitic: {found}")
    found, err = ids(db, '"ترمب"')
    check(found == {"ترمب"} and "other spellings" not in err, f"a quoted word matches as typed: {found} {err!r}")
    found, _ = ids(db, "الرئيس", "-ترامب")
    check(not found & {"ترمب", "ترامب"}, f"an excluded name excludes its other spelling: {found}")
    rc, out, _ = search("--index", db, "--json", "ترمب")
    summary = [r for r in jsonl(out) if r.get("type") == "summary"][0]
    check(any("other spellings of ترمب" in w for w in summary.get("warnings", [])),
          f"the JSON summary names the spelling: {summary}")
    # Split or joined: the phrase of the two words stands for the one.
    for typed, other, found_as in (("نيويورك", "نيو يورك", "نيو_يورك"), ("نيو يورك", "نيويورك", "نيويورك")):
        found, err = ids(db, typed)
        check(found == {"نيويورك", "نيو_يورك"}, f"{typed} finds the articles that write {other}: {found}")
        check(f"other spellings of {typed} searched too: {other}" in err and err.count("other spellings") == 1,
              f"the spelling is reported once: {err!r}")
    found, _ = ids(db, '"نيو يورك"')
    check(found == {"نيو_يورك"}, f"a quoted phrase matches as typed: {found}")
    for name in ("محمد", "محمود", "نابل", "نابول"):
        found, err = ids(db, name)
        check(found == {name} and "other spellings" not in err, f"{name} is a name of its own: {found} {err!r}")


def case_threads():
    """The pairs are tested on the indexer's threads: one thread or four find the same ones."""
    found_with = {}
    for threads in ("1", "4"):
        db = fresh(f"index-{threads}")
        expect(index("--index", db, "--threads", threads, jsonl_file("a.jsonl", articles(WRITINGS))), 0,
               r"2 names with two spellings found", f"index on {threads} threads")
        found_with[threads] = [ids(db, name)[0] for name in ("ترمب", "نيويورك", "محمد", "نابل")]
    check(found_with["1"] == found_with["4"], f"the same spellings on 1 and 4 threads: {found_with}")
    check(found_with["1"][0] == {"ترمب", "ترامب"}, f"the pair is found: {found_with['1']}")


def case_no_sources():
    """Without sources nothing shows that two words are one name: no pairs."""
    db = fresh("index")
    rc, _, err = expect(index("--index", db, jsonl_file("a.jsonl", articles(WRITINGS, sourced=False))), 0, None, "index")
    check("names with two spellings" not in err, f"no pair without sources: {err!r}")
    found, _ = ids(db, "ترمب")
    check(found == {"ترمب"}, f"ترمب alone: {found}")
    found, _ = ids(db, "نيويورك")
    check(found == {"نيويورك"}, f"نيويورك alone: {found}")


def case_update():
    """Pairs are found again when the index grows by a tenth, not at every small update."""
    db = fresh("index")
    expect(index("--index", db, jsonl_file("a.jsonl", articles(WRITINGS))), 0, r"2 names with two spellings", "build")
    rc, _, err = expect(index("--index", db, jsonl_file("small.jsonl", articles([("ترمب", "us", ["gamma"], 3)], start=50))),
                        0, None, "a small update")
    check("names with two spellings" not in err, f"a small update leaves the pairs as they were: {err!r}")
    found, _ = ids(db, "ترامب")
    check(found == {"ترامب", "ترمب"}, f"the pairs stay after a small update: {found}")
    expect(index("--index", db, jsonl_file("later.jsonl", articles(LATER, start=100))), 0,
           r"3 names with two spellings found", "an update by more than a tenth")
    found, err = ids(db, "جوجل")
    check(found == {"جوجل", "غوغل"} and "other spellings of جوجل searched too: غوغل" in err, f"the new pair: {found}")
    expect(index("--index", db, *[a for i in range(12) for a in ("--delete", f"غوغل-{100 + i}")]), 0, None,
           "delete")
    found, _ = ids(db, "جوجل")
    check(found == {"جوجل"}, f"a pair whose spelling is gone: {found}")


def case_shards():
    """A sharded index keeps the pairs in every shard."""
    db = fresh("index")
    expect(index("--index", db, "--shards", "3", jsonl_file("a.jsonl", articles(WRITINGS))), 0,
           r"2 names with two spellings", "index in 3 shards")
    found, _ = ids(db, "ترمب")
    check(found == {"ترمب", "ترامب"}, f"sharded: {found}")
    for shard in sorted(os.listdir(db)):
        if os.path.isdir(os.path.join(db, shard)):
            found, _ = ids(os.path.join(db, shard), "ترمب")
            check("ترامب" in found, f"shard {shard} alone knows the pair: {found}")


if __name__ == "__main__":
    e2e.main(globals())
