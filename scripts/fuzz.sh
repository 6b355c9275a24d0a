#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ (clang, AddressSanitizer + UndefinedBehaviorSanitizer) into
# build-fuzz/, seeds each target's corpus, and runs every target in turn for SECONDS (default 60).
# Installs clang and the libraries first when missing (as root, or with sudo).
#   usage: scripts/fuzz.sh [--smoke | SECONDS] [TARGET...]
#     --smoke   10 seconds per target (CI)
#     TARGET    some of: analyzer dates jsonl html query api synonyms stored (default: all)
# Prints "TARGET: N runs, no crash" per target. Exit status 0 when no target crashed, leaked, timed out or
# hit an invariant; 1 otherwise (each failure names its crash file under build-fuzz/crashes/); 2 on a usage
# or build error. The corpora in build-fuzz/corpus/ grow across runs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$root/build-fuzz
all_targets=(analyzer dates jsonl html query api synonyms stored positions)

seconds=60
if [[ ${1:-} == --smoke ]]; then
  seconds=10
  shift
elif [[ ${1:-} =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
elif [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
  exit 0
fi
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "fuzz: unknown target '$t' (valid: ${all_targets[*]})" >&2; exit 2; }
done

# -- dependencies: the project's own (setup.sh), then clang with its libFuzzer runtime.
"$root/scripts/setup.sh" --deps-only
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "fuzz: installing ${missing[*]}" >&2
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# -- build (two jobs at most: the machine is shared).
cmake -S "$root/fuzz" -B "$build" -DCMAKE_CXX_COMPILER=clang++ >/dev/null || exit 2
cmake --build "$build" -j2 >&2 || exit 2

# -- seeds: rebuilt every run (cheap); the corpora they start are kept.
seeds=$build/seeds
rm -rf "$seeds"
for t in "${all_targets[@]}"; do mkdir -p "$seeds/$t" "$build/corpus/$t"; done
mkdir -p "$build/crashes" "$build/logs"
for f in "$root"/corpus/*.txt; do
  for t in analyzer dates query; do cp "$f" "$seeds/$t/"; done
done
cp "$root"/tests/data/html/* "$seeds/html/"
cp "$root"/common/index/synonyms-news.txt "$seeds/synonyms/"
printf 'a, b\tc\n# x\n\xff,y\nalone\n' >"$seeds/synonyms/bad-lines"
printf '\x01\x03\x10\x21\x02\x30\x11' >"$seeds/positions/round-trip"  # odd: words and gaps to encode
printf '\x00\x01\x00\x02\x03\x01\x06' >"$seeds/positions/a-value"     # even: a value (1 title word, 2 terms)
# Regression inputs found earlier (tests/data/fuzz-regressions/<target>-<name>) stay in every run.
if [[ -d $root/tests/data/fuzz-regressions ]]; then
  for f in "$root"/tests/data/fuzz-regressions/*; do
    [[ -f $f ]] || continue
    t=${f##*/}
    t=${t%%-*}
    [[ -d $seeds/$t ]] && cp "$f" "$seeds/$t/"
  done
fi
# Lines of the dates gold set: real sentences full of dates.
awk -F'\t' '!/^#/ && NF >= 2 { f = sprintf("%s/gold-%03d", dir, NR); printf "%s", $2 > f; close(f) }' \
  dir="$seeds/dates" "$root/tests/data/dates_gold.tsv"
# A few hand-written queries using every operator.
i=0
while IFS= read -r q; do
  printf '%s' "$q" >"$seeds/query/syntax-$i"
  i=$((i + 1))
done <<'EOF'
"وزير الخارجية" AND (بيروت OR دمشق) NOT -حرب
title:«الطاقة المتجددة» source:aljazeera category:economy
+بوتين -شي أو "شراكة بلا حدود"
((مصر AND NOT السودان)
“سد النهضة” title:النيل
EOF

shared=$root/../shared/data
if [[ -d $shared ]]; then
  # One JSON line per file for the JSONL target; the opening of texts and titles for the others; the
  # ARCD questions for the query parser.
  python3 - "$shared" "$seeds" <<'EOF'
import gzip, json, os, sys
shared, seeds = sys.argv[1], sys.argv[2]
def cut(s, n):  # at most n bytes, on a character boundary
    b = s.encode()[:n]
    return b.decode(errors="ignore").encode()
news = os.path.join(shared, "news", "ant.jsonl.gz")
if os.path.exists(news):
    with gzip.open(news, "rb") as f:
        for i, line in enumerate(f):
            if i >= 200:
                break
            with open(os.path.join(seeds, "jsonl", f"ant-{i:03d}"), "wb") as out:
                out.write(line.rstrip(b"\n"))
            if i < 50:
                try:
                    a = json.loads(line)
                except ValueError:
                    continue
                text = (a.get("title") or "") + "\n" + (a.get("text") or "")
                for t in ("analyzer", "dates"):
                    with open(os.path.join(seeds, t, f"ant-{i:03d}"), "wb") as out:
                        out.write(cut(text, 2000))
queries = os.path.join(shared, "qa", "arcd", "queries.tsv")
if os.path.exists(queries):
    with open(queries, encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            if i >= 300:
                break
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2:
                with open(os.path.join(seeds, "query", f"arcd-{i:03d}"), "wb") as out:
                    out.write(cols[1].encode())
EOF
else
  echo "fuzz: $shared not found: seeding from the repository only (no news lines, no ARCD queries)" >&2
fi
# The server's parameters: every parameter, good and bad values.
i=0
while IFS= read -r q; do
  printf '%s' "$q" >"$seeds/api/params-$i"
  i=$((i + 1))
done <<'EOF'
q=بوتين&from=2022&to=2023-06&sort=newest&limit=10&offset=20&facets=year,month,source&collapse=0
q="شراكة بلا حدود&from=٢٠٢٢-٠٢-٠٥&to=2022&limit=1000
facets=mentioned-year,category&sort=oldest&collapse=true
q=&limit=1001&offset=-1&sort=best&collapse=maybe&from=2022-13
EOF
# The stored article's JSON: as bahth-index writes it (keys in order, no spaces), with escapes.
printf '%s' '{"date":"2019-03-05","date_source":"metadata","id":"x1","source":"s","text":"نص \"الخبر\"\n\u0639 😀","title":"عنوان"}' \
  >"$seeds/stored/written"
# The JSONL target needs at least one well-formed line to start from.
printf '%s' '{"id": "x1", "title": "عنوان", "text": "نص الخبر في 5 مارس 2019", "date": "2019-03-05", "source": "s"}' \
  >"$seeds/jsonl/minimal"

# -- run each target in turn.
status=0
for t in "${targets[@]}"; do
  log=$build/logs/$t.log
  dict=()
  [[ -f $root/fuzz/$t.dict ]] && dict=(-dict="$root/fuzz/$t.dict")
  echo "fuzz: $t for ${seconds}s ($(find "$seeds/$t" -type f | wc -l) seeds, log $log)" >&2
  rc=0
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$build/crashes/$t-" "${dict[@]}" \
    "$build/corpus/$t" "$seeds/$t" >"$log" 2>&1 || rc=$?
  runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
  if ((rc == 0)) && [[ -n $runs ]]; then
    echo "$t: $runs runs, no crash"
  else
    status=1
    crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    reason=$(grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|invariant failed|undocumented exception|SUMMARY' "$log" || true)
    echo "$t: FAILED (exit $rc): ${reason:-see $log}; crash file: ${crash:-none}; log: $log"
  fi
done
exit $status
