#!/usr/bin/env python3
"""Builds tests/data/related_pairs.tsv: 100 pairs of news articles that report the same event without being
copies of each other, for the --like test (tests/related.py). Independent of Bahth: it reads the news corpora
of ../shared/data/news and never runs bahth-search.

usage: make_related_pairs.py [--shared DIR] [--out FILE] [--seed N] [--count N]

A pair (A, B) is kept when
  - A and B come from different sources (papers) and were published (SaudiNewsNet: extracted) at most
    kMaxDays days apart;
  - their titles share at least kMinSharedRare rare words: normalised words of 3 letters or more, not stop
    words, that stand in at most kRareTitles titles and kRareBodies bodies of all 72k articles (names,
    places, the event's own words; not a headline cliché such as ترسم البسمة على وجوه, whose words are rare in
    titles but common in text);
  - both bodies have at least kMinBodyWords words, and the Jaccard similarity of their word-4-shingle sets is
    below kMaxJaccard (Bahth's duplicate clusters join at an estimated 0.8: index/dedup.h), so B is another
    paper's or a later report of the story, not a copy of A.
Each article is used once. What was read to check the pairs, and what they are, is in tests/related.py. Out of every candidate, `--count` pairs are drawn with a fixed seed; the first
article of each pair is the one the test asks --like about, its partner the one that must rank in the top 10.
"""
import argparse
import datetime
import gzip
import json
import os
import random
import re
from collections import Counter, defaultdict

kMaxDays = 3
kMinSharedRare = 3
kRareTitles = 40
kRareBodies = 300
kMinBodyWords = 80
kMaxJaccard = 0.3

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669\u06f0-\u06f9A-Za-z0-9]+")
STOP = set("""في من على الى إلى عن مع بعد قبل بين حتى منذ خلال هذا هذه ذلك تلك التي الذي الذين اللذين ان أن إن
او أو ثم كما لا لم لن ما ماذا متى كيف اين هل قد كان كانت يكون تكون وفي ومن وعلى عند غير كل بعض اي أي وقال قال
اليوم امس أمس العام عام يوم الى عبر ضد حول امام أمام دون نحو لدى لها له فيها منه عليه الف مليون مليار""".split())


def normalise(text):
    text = DIACRITICS.sub("", text)
    text = re.sub("[إأآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return text.lower()


def words(text):
    return WORD.findall(normalise(text))


def title_words(title):
    out = set()
    for w in words(title):
        if w.startswith("ال") and len(w) > 4:
            w = w[2:]  # the article: الرياض and رياض are one name
        if len(w) >= 3 and w not in STOP and not w.isdigit():
            out.add(w)
    return out


def shingles(ws):
    return {" ".join(ws[i:i + 4]) for i in range(len(ws) - 3)}


def day(date):
    try:
        return datetime.date.fromisoformat(date[:10])
    except ValueError:
        return None


def load(shared):
    docs = []
    for name in ("ant.jsonl.gz", "saudinewsnet.jsonl.gz"):
        with gzip.open(os.path.join(shared, "data", "news", name), "rt", encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                d = day(a.get("date", ""))
                body = words(a.get("text", ""))
                if d is None or len(body) < kMinBodyWords:
                    docs.append(None)
                    continue
                docs.append({"id": a["id"], "source": a.get("source", ""), "day": d,
                             "title": title_words(a.get("title", "")), "body": body,
                             "words": title_words(" ".join(body))})
    return docs


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--shared", default=os.path.join(here, "..", "..", "..", "shared"))
    p.add_argument("--out", default=os.path.join(here, "related_pairs.tsv"))
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--count", type=int, default=100)
    args = p.parse_args()
    docs = [d for d in load(args.shared) if d]
    df = Counter(w for d in docs for w in d["title"])
    body_df = Counter(w for d in docs for w in d.pop("words"))
    by_word = defaultdict(list)
    for i, d in enumerate(docs):
        d["rare"] = {w for w in d["title"] if df[w] <= kRareTitles and body_df[w] <= kRareBodies}
        for w in d["rare"]:
            by_word[w].append(i)
    candidates = set()
    for i, d in enumerate(docs):
        shared = Counter(j for w in d["rare"] for j in by_word[w] if j > i)
        for j, n in shared.items():
            e = docs[j]
            if n >= kMinSharedRare and e["source"] != d["source"] and abs((e["day"] - d["day"]).days) <= kMaxDays:
                candidates.add((i, j))
    rng = random.Random(args.seed)
    order = sorted(candidates)
    rng.shuffle(order)
    used, pairs = set(), []
    for i, j in order:
        if i in used or j in used:
            continue
        a, b = shingles(docs[i]["body"]), shingles(docs[j]["body"])
        jaccard = len(a & b) / len(a | b)
        if jaccard >= kMaxJaccard:
            continue
        if rng.random() < 0.5:
            i, j = j, i
        used.update((i, j))
        pairs.append((docs[i], docs[j], jaccard))
        if len(pairs) == args.count:
            break
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(f"# {len(pairs)} related, non-copy article pairs from ../shared/data/news, made by "
                  f"tests/data/make_related_pairs.py --seed {args.seed} (its docstring says how) out of "
                  f"{len(candidates)} candidates\n")
        out.write("# query_id\trelated_id\tshared rare title words\tword-4-shingle Jaccard\n")
        for a, b, jaccard in pairs:
            common = " ".join(sorted(a["rare"] & b["rare"]))
            out.write(f"{a['id']}\t{b['id']}\t{common}\t{jaccard:.3f}\n")
    print(f"{len(pairs)} pairs out of {len(candidates)} candidates -> {args.out}")


if __name__ == "__main__":
    main()
