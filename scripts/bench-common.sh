# Sourced by the benchmark scripts: a Release build of the two programs, and the benchmark's documents and
# questions (scripts/bench-speed.sh says what they are).

# bench_build ROOT BUILD LOG: configures and builds bahth-index and bahth-search in Release without tests into
# BUILD, logging to LOG; on failure prints the log's tail and exits 2.
bench_build() {
  local root=$1 build=$2 log=$3
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBAHTH_TESTS=OFF >"$log" 2>&1 ||
    { cat "$log" >&2; exit 2; }
  cmake --build "$build" -j"$(nproc)" --target bahth-index bahth-search >>"$log" 2>&1 ||
    { tail -30 "$log" >&2; exit 2; }
}

# bench_data SHARED DIR [PER_SET]: DIR/corpus.jsonl, both news corpora and the paragraphs of the four QA sets
# (77,227 documents; kept when already there), and DIR/queries.tsv, the first PER_SET (default 200) questions
# of arcd, xquad-ar and mlqa-dev-ar (600), or all of them (3,102) with PER_SET=all.
bench_data() {
  local shared=$1 dir=$2 per_set=${3:-200}
  mkdir -p "$dir"
  if [[ ! -s $dir/corpus.jsonl ]]; then
    { zcat "$shared"/data/news/ant.jsonl.gz "$shared"/data/news/saudinewsnet.jsonl.gz; cat "$shared"/data/qa/*/corpus.jsonl; } \
      >"$dir/corpus.jsonl"
  fi
  : >"$dir/queries.tsv"
  for s in arcd xquad-ar mlqa-dev-ar; do
    if [[ $per_set == all ]]; then cat "$shared/data/qa/$s/queries.tsv"; else head -"$per_set" "$shared/data/qa/$s/queries.tsv"; fi
  done >>"$dir/queries.tsv"
}
