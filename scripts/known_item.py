#!/usr/bin/env python3
"""Known-item queries over the news corpora, each written in other forms than its article's own words.

usage: known_item.py NEWS_DIR OUT_DIR [--count 360] [--seed 13] [--max-docs N]

Reads NEWS_DIR/ant.jsonl.gz and NEWS_DIR/saudinewsnet.jsonl.gz and writes into OUT_DIR
  queries.tsv    qid<TAB>query
  qrels.txt      qid 0 docid 1 (TREC), one relevant article per query
  breakdown.tsv  qid<TAB>docid<TAB>classes<TAB>rewrites<TAB>title: each query's rewrite classes, and every
                 rewrite as `article-word>query-word` (so results can be reported per class and checked)
  queries-original.tsv  the control: each query with its rewritten words back in the article's own forms
                 (clitics as the article wrote them), to tell the cost of the forms from the ranking
Standard library only; the same inputs and seed give the same files.

How a query is written (the rule; also in scripts/bench-known-item.sh):
  A reader remembers a story and types 3-6 words about it, but not in the article's own forms. Words come
  from the article's title, then from its first 60 words. A word is rewritten by one of six classes:
    sound-plural   a sound plural for a singular and back: المعلم→المعلمين, الحكومة→الحكومات, المسلمين→المسلم
                   (derived by rule; both forms must be words of the corpus, and a ون/ين plural must exist in
                   both endings, so فلسطين is never read as a plural)
    dual           a dual for a singular and back: الدولة→الدولتين, ساعتين→ساعة
    nisba          a nisba for its place and back: سوريا→السوريين, المصري→مصر (PLACES table)
    verbal-noun    a verbal noun for a verb or participle and back: انسحبت→انسحاب, هجوم→هاجم (VERBS table)
    broken-plural  a broken plural for a singular and back: السوق→الأسواق, مدن→مدينة (BROKEN table)
    name-spelling  another spelling of a foreign name or loanword: ترامب→ترمب, جوجل→غوغل (NAMES table)
  (the tables are in scripts/known_item_tables.py, written by hand). A rewritten word keeps ال when the
  article's word had it (a place, a verb and a name take none) and drops the clitics و ف ب ل ك.
  A rewrite counts only if the new form does not occur in the article: no word of its title or text,
  normalised (diacritics, tatweel, alef forms, ة/ه, ى/ي folded) and read with any of its proclitics
  (و ف ب ك ل ال) stripped, equals the new form read the same way. So every rewritten word is a form the
  article never uses, and the article's own form is in its title or first 60 words.
  Rewrites come from the title; only when the title allows none, up to 2 from the first 60 words. Derived
  forms must be common in the corpus beside the word (a sound plural at least a tenth of the singular's
  document frequency, a dual a fiftieth; table forms in 3+ articles); adjectives and ordinals (الأخيرة,
  جديدة) are never rewritten, nor a bare nisba that may be a name (تركي), nor a word with ال as a verb.
  The query: at most 3 rewritten words, the rarer first, plus untouched words of the title, those
  without clitics first, then the rarest (document frequency 5-5,000 over both corpora; no stop words,
  digits or Latin): 1 rewrite + 2 untouched, 2 + 1, 3 + 1. Words keep the title's order, rewrites from
  the lead follow. An article qualifies with at least one rewrite; the query's classes are its rewrites'.
  Articles: a non-empty title of 4+ words and a body of 80+ words; never an article that has an exact or
  near copy under another id (same normalised title, or half of its distinct 5-word shingles found in one
  other article): the known item would be ambiguous, so those are skipped, not counted as relevant, and
  engines run without duplicate collapsing. Candidates are drawn at random (fixed seed) and accepted while
  one of their classes is under its quota (count / 6), then to fill the count from any class.
"""
import argparse
import functools
import gzip
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import known_item_tables as tables  # noqa: E402

CLASSES = ["sound-plural", "dual", "nisba", "verbal-noun", "broken-plural", "name-spelling"]
LEAD_WORDS = 60
MIN_DF, MAX_DF = 5, 5000
MAX_REWRITES = 3
STOP = set("""في من على إلى الى عن أن إن ان ما لا لم لن مع هذا هذه ذلك تلك التي الذي الذين بعد قبل حتى
بين كل أو او ثم قد كان كانت يكون هو هي هم نحن أنا عند منذ خلال حول ضد لدى غير بعض أي أمام وراء فوق تحت
إلى عبر اليوم أمس غدا بشأن بسبب وفق نحو ضمن لها له لهم فيه فيها منه منها عليه عليها كما إذا اذا لكن بل
أكثر أقل أمام يجب شاهد فيديو بالفيديو بالصور صور""".split())
# adjectives and ordinals: their plurals and duals are not what a reader types (الأخيرتين), so never rewritten
NO_REWRITE = set(norm_w for norm_w in """جديد جديدة كبير كبيرة صغير صغيرة أخير أخيرة مختلف مختلفة عديد عديدة
آخر أخرى سابق سابقة حالي حالية عام عامة خاص خاصة مميز مميزة هائل هائلة رسمي رسمية مقبل مقبلة ماضي ماضية
قادم قادمة أول أولى ثاني ثانية ثالث ثالثة كامل كاملة واحد واحدة عربي عربية دولي دولية وطني وطنية محلي محلية
إسلامي إسلامية تاريخي تاريخية عالمي عالمية حكومي حكومية أمني أمنية عسكري عسكرية سياسي سياسية اقتصادي
اقتصادية اجتماعي اجتماعية مؤثر مؤثرة حاضر حاضرة مطلوب مطلوبة ولايات""".split())
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669\u0670-\u06d3\u06d5\u0610-\u061a\u064b-\u065f\u06d6-\u06ed\w]+")
ARABIC_ONLY = re.compile(r"^[\u0621-\u064a]+$")


FOLD = str.maketrans("أإآٱةى", "ااااهي")


def norm(w):
    """The comparison form (of a word or a whole text): diacritics and tatweel gone, أ إ آ ٱ → ا, ة → ه,
    ى → ي."""
    return DIACRITICS.sub("", w).translate(FOLD)


@functools.lru_cache(maxsize=None)
def readings(n):
    """Every way of reading a normalised word with proclitics stripped (و ف, then ب ك ل, then ال / لل)."""
    out = {n}
    stack = [n]
    while stack:
        w = stack.pop()
        for p in ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل"):
            if w.startswith(p) and len(w) - len(p) >= 2:
                r = w[len(p):]
                if p == "لل":
                    out.add(r)
                if r not in out:
                    out.add(r)
                    stack.append(r)
    return frozenset(r for r in out if len(r) >= 2)


def split_article(n):
    """(clitics, has_al, base) of a normalised word: base has its definite article and the clitics before it
    taken off; a word without ال keeps its letters (so names that begin with ب or و stay whole)."""
    m = re.match(r"^([وف]?)([بكل]?)ال(..+)$", n)
    if m:
        return m.group(1) + m.group(2), True, m.group(3)
    m = re.match(r"^([وف]?)لل(..+)$", n)
    if m:
        return m.group(1) + "ل", True, m.group(2)
    return "", False, n


NO_REWRITE = {norm(w) for w in NO_REWRITE}


def tokens(text):
    return WORD.findall(text or "")


# --- the tables ---------------------------------------------------------------------------------------------

def table_lines(block):
    for line in block.splitlines():
        line = line.split("#")[0].strip()
        if line:
            yield line


def strip_al(w):
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


class Tables:
    """Lookup from a normalised base form (no ال) to the rewrites it allows, built from known_item_tables."""

    def __init__(self):
        self.rules = defaultdict(list)  # base -> [(class, [target surface forms], takes_al)]
        self.reserved = set()  # bases that belong to a table (never rewritten by the sound rules)
        self.phrases = {}  # two-word normalised spelling -> [other spellings]
        self.verb_forms = set()  # a verb never takes ال: التخصص is a noun, not the verb تخصص
        self.bare_nisba = set()  # تركي without ال is as often a man's name: not read as a nisba
        self._places()
        self._verbs()
        self._broken()
        self._names()
        # a form claimed by two entries (يصدر: أصدر and صدّر) is ambiguous: drop it as a source
        for base, rs in list(self.rules.items()):
            if len({tuple(r[1]) for r in rs if r[0] == rs[0][0]}) > 1 and rs[0][0] != "name-spelling":
                del self.rules[base]

    def add(self, src, cls, targets, takes_al):
        b = strip_al(norm(src))
        targets = [t for t in targets if strip_al(norm(t)) != b]
        if targets:
            self.rules[b].append((cls, targets, takes_al))
        self.reserved.add(b)

    def _places(self):
        for line in table_lines(tables.PLACES):
            parts = line.split()
            places = parts[0].split("/")
            nisba = parts[1]
            irregular = [p[1:] for p in parts[2:] if p.startswith("+")]
            place_norms = {strip_al(norm(p)) for p in places}
            people = [nisba + "ين", nisba + "ون"] + irregular
            nisba_forms = [f for f in [nisba, nisba + "ة"] + people if norm(f) not in place_norms]
            # place -> nisba: the people (definite) first, then the adjective
            targets = ["ال" + i for i in irregular] + ["ال" + nisba + "ين", "ال" + nisba, "ال" + nisba + "ة"]
            self.bare_nisba.add(norm(nisba))
            for p in places:
                self.add(p, "nisba", [t for t in targets if strip_al(norm(t)) not in place_norms], False)
            for f in nisba_forms:
                self.add(f, "nisba", [places[0]], False)

    def _verbs(self):
        for line in table_lines(tables.VERBS):
            noun, rest = line.split(":", 1)
            parts = rest.split()
            base_forms = [p for p in parts if not p.startswith("+")]
            extra = [p[1:] for p in parts if p.startswith("+")]
            forms = []
            if base_forms:
                past = base_forms[0]
                if past[-1] in "ىا" or extra:
                    forms.append(past)
                else:
                    forms += [past, past + "ت", past + "وا"]
                for pr in base_forms[1:2]:
                    forms += [pr, "ت" + pr[1:], pr + "ون"]
                forms += base_forms[2:]
            forms += extra
            # verbal noun -> a verb: the first form listed (the past), then the feminine past, the present
            verb_targets = [f for f in forms if not f.startswith("م")] or forms
            verb_targets = verb_targets[:1] + [f for f in verb_targets[1:] if f.endswith("ت")] + \
                [f for f in verb_targets if f[0] in "يت" and f not in verb_targets[:1]]
            self.add(noun, "verbal-noun", verb_targets, False)
            for f in forms:
                self.add(f, "verbal-noun", [noun], False)
                self.verb_forms.add(strip_al(norm(f)))

    def _broken(self):
        for line in table_lines(tables.BROKEN):
            sg, pl = line.split()
            self.add(sg, "broken-plural", [pl], True)
            self.add(pl, "broken-plural", [sg], True)

    def _names(self):
        for line in table_lines(tables.NAMES):
            spellings = [s.strip() for s in line.split("|")]
            seen = {}
            for s in spellings:
                seen.setdefault(" ".join(norm(w) for w in s.split()), s)
            if len(seen) < 2:
                continue  # spellings that differ only by what the comparison folds
            group = list(seen.values())
            for s in group:
                others = [o for o in group if o != s]
                if " " in s:
                    self.phrases[" ".join(strip_al(norm(w)) for w in s.split())] = others
                    for w in s.split():
                        self.reserved.add(strip_al(norm(w)))
                else:
                    self.add(s, "name-spelling", others, False)


# --- the corpus ---------------------------------------------------------------------------------------------

def read_news(news_dir, max_docs):
    docs = []
    for name in ("ant.jsonl.gz", "saudinewsnet.jsonl.gz"):
        with gzip.open(os.path.join(news_dir, name), "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if max_docs and i >= max_docs:
                    break
                if line.strip():
                    d = json.loads(line)
                    docs.append((d["id"], d.get("title") or "", d.get("text") or ""))
    return docs


def shingles(w):
    """The 5-word shingles of a list of words, as tuples."""
    return zip(w, w[1:], w[2:], w[3:], w[4:])


class Corpus:
    def __init__(self, docs):
        self.docs = docs
        self.df = Counter()  # over normalised words and their ال-less bases
        self.df_ta = Counter()  # bases written with a final ة (the fold of ة into ه hides it in df)
        self.title_count = Counter()
        for _id, title, text in docs:
            raw = set(tokens(DIACRITICS.sub("", title + " " + text)))
            ws = {t.translate(FOLD) for t in raw}
            self.df.update(ws | {split_article(n)[2] for n in ws})
            self.df_ta.update({split_article(t.translate(FOLD))[2] for t in raw if t.endswith("ة")})
            nt = " ".join(norm(t) for t in tokens(title))
            if nt:
                self.title_count[nt] += 1

    def copies(self, candidates):
        """The candidates (indexes) that have an exact or near copy under another id."""
        index = defaultdict(list)
        sizes = {}
        for c in candidates:
            _id, title, text = self.docs[c]
            sh = set(shingles(tokens(norm(text))))
            sizes[c] = len(sh)
            for h in sh:
                index[h].append(c)
        dup = set()
        for j, (_id, title, text) in enumerate(self.docs):
            hits = Counter()
            for h in set(shingles(tokens(norm(text)))):
                for c in index.get(h, ()):
                    if c != j:
                        hits[c] += 1
            for c, n in hits.items():
                if n * 2 >= sizes[c]:
                    dup.add(c)
        return dup


# --- rewriting ----------------------------------------------------------------------------------------------

class Writer:
    def __init__(self, corpus, tabs):
        self.c = corpus
        self.t = tabs

    def dfb(self, form):
        """Document frequency of a form's ال-less base, normalised."""
        return self.c.df.get(split_article(norm(form))[2], 0)

    def sound(self, raw, has_al):
        """Rewrites of an ال-less word (diacritics stripped, letters as written) by the sound-plural and dual
        rules: [(class, target)]."""
        n = norm(raw)
        if len(n) < 4 or n in self.t.reserved or n in NO_REWRITE:
            return []
        al = "ال" if has_al else ""
        out = []
        verb_like = not has_al and n[0] in "يتن"
        # A derived form must be common beside the word (a tenth of its document frequency for a plural, a
        # fiftieth for a dual): rare ones are adjectives (المحترفات) or names (خالدين), not what a reader types.
        sg = self.dfb(raw)
        if raw.endswith("ة") and sg >= 5:  # feminine singular
            stem = raw[:-1]
            if self.dfb(stem + "ات") >= max(5, sg / 10):
                out.append(("sound-plural", al + stem + "ات"))
            if self.dfb(stem + "تين") >= max(10, sg / 50) and not n.endswith("يه"):  # no dual of a nisba
                out.append(("dual", al + stem + "تين"))
        elif raw.endswith("ات") and len(raw) >= 5:
            stem = raw[:-2]
            # the singular must be written with ة at least as often as the bare stem occurs (قرارات is the
            # plural of قرار, not of a rare قرارة)
            ta = self.c.df_ta.get(norm(stem + "ة"), 0)
            if ta >= 5 and ta >= self.dfb(stem) and len(stem) >= 3:
                out.append(("sound-plural", al + stem + "ة"))
        elif raw.endswith(("تين", "تان")) and len(raw) >= 6 and self.c.df_ta.get(norm(raw[:-3] + "ة"), 0) >= 5:
            out.append(("dual", al + raw[:-3] + "ة"))
        elif raw.endswith(("ين", "ون")) and not verb_like:
            stem = raw[:-2]
            if (len(stem) >= 3 and self.dfb(stem) >= 5 and self.dfb(stem + "ون") >= 5
                    and self.dfb(stem + "ين") >= 5):
                out.append(("sound-plural", al + stem))
        elif not verb_like and n[-1] not in "اويه" and self.dfb(raw) >= 5:
            if self.dfb(raw + "ين") + self.dfb(raw + "ون") >= max(10, sg / 10) and self.dfb(raw + "ون") >= 5:
                out.append(("sound-plural", al + raw + "ين"))
        return out

    def rewrites(self, surface):
        """Every rewrite the tables and rules allow for one word: [(class, target)], best first."""
        raw = DIACRITICS.sub("", surface)
        m = re.match(r"^([وف]?[بكل]?)ال(..+)$", raw) or re.match(r"^([وف]?)لل(..+)$", raw)
        if m:
            readings_ = [(m.group(2), True)]
        else:
            readings_ = [(raw, False)]
            if len(raw) > 3 and raw[0] in "وفبلك":  # وأعلن, بترامب, وتعزيزات
                readings_.append((raw[1:], False))
        for body, has_al in readings_:
            k = norm(body)
            if k in self.t.rules and not (k in self.t.bare_nisba and not has_al) \
                    and not (has_al and k in self.t.verb_forms):
                out = []
                for cls, targets, takes_al in self.t.rules[k]:
                    for tg in targets:
                        if self.dfb(tg) >= 3:  # a form the news actually uses
                            out.append((cls, ("ال" + tg) if (takes_al and has_al) else tg))
                return out
        for body, has_al in readings_:
            got = self.sound(body, has_al)
            if got:
                return got
        return []

    def query(self, title, text):
        """(query words, [(class, article word, query word)]) for one article, or None."""
        tw = tokens(title)
        lead = tokens(text)[:LEAD_WORDS]
        article_readings = set()
        for t in tokens(title + " " + text):
            article_readings |= readings(norm(t))

        def absent(target):
            return all(not (readings(norm(w)) & article_readings) for w in target.split())

        def rewrite_list(words, where):
            out = []
            i = 0
            while i < len(words):
                w = words[i]
                n = norm(w)
                if i + 1 < len(words):  # a two-word spelling (نيو يورك)
                    pair = split_article(n)[2] + " " + split_article(norm(words[i + 1]))[2]
                    if pair in self.t.phrases:
                        for tg in self.t.phrases[pair]:
                            if absent(tg):
                                out.append((where, i, 2, "name-spelling", w + " " + words[i + 1], tg))
                                break
                        i += 2
                        continue
                if ARABIC_ONLY.match(n) and n not in STOP and len(n) >= 3:
                    for cls, tg in self.rewrites(w):
                        if absent(tg):
                            out.append((where, i, 1, cls, w, tg))
                            break
                i += 1
            return out

        rw = rewrite_list(tw, "title")
        if not rw:
            rw = rewrite_list(lead, "lead")[:2]
        uniq, seen_t = [], set()  # one rewrite per target word
        for r in rw:
            if norm(r[5]) not in seen_t:
                seen_t.add(norm(r[5]))
                uniq.append(r)
        rw = uniq
        if not rw:
            return None
        rw.sort(key=lambda r: self.dfb(r[4]))  # the rarer words of the article first
        rw = rw[:MAX_REWRITES]
        used = {(r[0], j) for r in rw for j in range(r[1], r[1] + r[2])}
        cand = []
        for i, w in enumerate(tw):
            n = norm(w)
            if ("title", i) in used or not ARABIC_ONLY.match(n) or n in STOP or len(n) < 3:
                continue
            df = self.c.df.get(n, 0)
            if MIN_DF <= df <= MAX_DF:
                cliticised = (bool(re.match("^[وفبلك]ال", n)) or bool(re.search("(ها|هم|هن|كم|نا)$", n))
                              or (n[0] in "وف" and self.c.df.get(n[1:], 0) > df)
                              or (len(n) >= 4 and DIACRITICS.sub("", w).endswith("ه")))
                cand.append((cliticised, df, i, w))
        cand.sort()
        want = 2 if len(rw) == 1 else 1
        if len(cand) < want:
            return None
        keep = cand[:want]
        def build(side):  # side 5: the query; side 4: the same words in the article's own forms
            words = sorted([(i, w) for _c, _df, i, w in keep] + [(r[1], r[side]) for r in rw if r[0] == "title"])
            q = [w for _i, w in words] + [r[side] for r in rw if r[0] == "lead"]
            return " ".join(q).split()
        q = build(5)
        if not 3 <= len(q) <= 6:
            return None
        return q, [(r[3], r[4], r[5]) for r in rw], build(4)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("news_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--count", type=int, default=360)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--max-docs", type=int, default=0, help="read only the first N articles of each file")
    a = ap.parse_args()

    docs = read_news(a.news_dir, a.max_docs)
    corpus = Corpus(docs)
    writer = Writer(corpus, Tables())
    rng = random.Random(a.seed)
    order = list(range(len(docs)))
    rng.shuffle(order)

    # draft queries for eligible articles until every class has enough candidates (copies checked below)
    drafts = {}
    per_class = Counter()
    quota = max(1, a.count // len(CLASSES))
    for idx in order:
        _id, title, text = docs[idx]
        if len(tokens(title)) < 4 or len(tokens(text)) < 80:
            continue
        if corpus.title_count[" ".join(norm(t) for t in tokens(title))] > 1:
            continue
        got = writer.query(title, text)
        if got is None:
            continue
        drafts[idx] = got
        for cls in {r[0] for r in got[1]}:
            per_class[cls] += 1
        if len(drafts) >= 3 * a.count and all(per_class[c] >= 2 * quota for c in CLASSES):
            break
        if len(drafts) >= 12 * a.count:
            break
    dup = corpus.copies(list(drafts))

    chosen, counts = [], Counter()
    pool = [i for i in order if i in drafts and i not in dup]
    for idx in pool:  # first: classes under their quota
        classes = {r[0] for r in drafts[idx][1]}
        if any(counts[c] < quota for c in classes) and len(chosen) < a.count:
            chosen.append(idx)
            counts.update(classes)
    for idx in pool:  # then fill
        if len(chosen) >= a.count:
            break
        if idx not in chosen:
            chosen.append(idx)
            counts.update({r[0] for r in drafts[idx][1]})

    os.makedirs(a.out_dir, exist_ok=True)
    with open(os.path.join(a.out_dir, "queries.tsv"), "w", encoding="utf-8") as fq, \
            open(os.path.join(a.out_dir, "qrels.txt"), "w", encoding="utf-8") as fr, \
            open(os.path.join(a.out_dir, "breakdown.tsv"), "w", encoding="utf-8") as fb, \
            open(os.path.join(a.out_dir, "queries-original.tsv"), "w", encoding="utf-8") as fo:
        fb.write("#qid\tdocid\tclasses\trewrites\ttitle\n")
        for k, idx in enumerate(chosen, 1):
            qid = f"ki{k:03d}"
            docid, title, _text = docs[idx]
            q, rws, q_orig = drafts[idx]
            classes = sorted({r[0] for r in rws}, key=CLASSES.index)
            fq.write(f"{qid}\t{' '.join(q)}\n")
            fo.write(f"{qid}\t{' '.join(q_orig)}\n")
            fr.write(f"{qid} 0 {docid} 1\n")
            fb.write(f"{qid}\t{docid}\t{','.join(classes)}\t"
                     f"{';'.join(f'{r[1]}>{r[2]}' for r in rws)}\t{' '.join(title.split())}\n")
    print(f"known_item: {len(chosen)} queries from {len(docs)} articles ({len(drafts)} drafted, "
          f"{len(dup)} skipped as copies); per class: "
          + ", ".join(f"{c} {counts[c]}" for c in CLASSES), file=sys.stderr)
    return 0 if chosen else 1


if __name__ == "__main__":
    sys.exit(main())
