#!/usr/bin/env bash
# Builds an N-article JSONL corpus for scale tests by recombining real paragraphs of ../shared/data/news:
# real vocabulary and a real length distribution (each new article has as many paragraphs as a real one
# drawn at random), real titles and sources, new ids (scale-0000001 ...) and dates spread over 2012-2018.
# Deterministic: the same N gives the same corpus.
#   usage: scripts/make-scale-corpus.sh N [OUT.jsonl]      (default OUT: stdout)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
[[ $# -ge 1 && $1 =~ ^[0-9]+$ ]] || { sed -n '2,6p' "$0" >&2; exit 2; }
exec /usr/bin/python3 - "$1" "${2:--}" "$SHARED/data/news" <<'PY'
import datetime, gzip, json, random, sys
n, out_path, news = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(n)
paragraphs, shapes, titles, sources = [], [], [], []
for name in ("ant.jsonl.gz", "saudinewsnet.jsonl.gz"):
    with gzip.open(f"{news}/{name}", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            paras = [p.strip() for p in (a.get("text") or "").split("\n") if len(p.strip()) >= 20]
            if not paras:
                continue
            paragraphs.extend(paras)
            shapes.append(len(paras))
            if a.get("title"):
                titles.append(a["title"])
            sources.append(a.get("source") or "")
out = sys.stdout if out_path == "-" else open(out_path, "w", encoding="utf-8")
start = datetime.date(2012, 1, 1)
for i in range(1, n + 1):
    k = rng.choice(shapes)
    text = "\n".join(rng.choice(paragraphs) for _ in range(k))
    date = start + datetime.timedelta(days=rng.randrange(7 * 365))
    out.write(json.dumps({"id": f"scale-{i:07d}", "title": rng.choice(titles), "text": text,
                          "date": date.isoformat(), "source": rng.choice(sources)}, ensure_ascii=False) + "\n")
out.close()
PY
