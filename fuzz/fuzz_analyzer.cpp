// Normaliser and tokenizer: bahth::Analyzer("snowball").tokenize / normalize / stem / index_keys on any
// valid UTF-8.
//
// Invariants: every token lies within the text, start < end, both offsets on character boundaries, tokens
// in text order, forms non-empty, valid UTF-8 and at most kMaxWordBytes; normalize() is idempotent and
// returns valid UTF-8; stem() and index_keys() return valid UTF-8; the fast word rules, where they take a
// text, split it as ICU's iterator does (text/word_breaks.h).
#include <cstddef>
#include <cstdint>

#include "text/analyzer.h"
#include "text/word_breaks.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  if (!fuzz::valid_utf8(text)) return -1;  // tokenize() requires valid UTF-8; keep such inputs out of the corpus
  static const bahth::Analyzer analyzer("snowball");

  const std::vector<bahth::Token> tokens = analyzer.tokenize(text);
  std::size_t previous_start = 0;
  for (const bahth::Token& t : tokens) {
    FUZZ_CHECK(t.start < t.end);
    FUZZ_CHECK(t.end <= text.size());
    FUZZ_CHECK(fuzz::on_boundary(text, t.start));
    FUZZ_CHECK(fuzz::on_boundary(text, t.end));
    FUZZ_CHECK(t.start >= previous_start);
    previous_start = t.start;
    FUZZ_CHECK(!t.form.empty());
    FUZZ_CHECK(t.form.size() <= bahth::Analyzer::kMaxWordBytes);
    FUZZ_CHECK(fuzz::valid_utf8(t.form));
    FUZZ_CHECK(fuzz::valid_utf8(analyzer.stem(t)));
    for (const std::string& key : analyzer.index_keys(t)) FUZZ_CHECK(fuzz::valid_utf8(key));
  }

  const bahth::NormalizedText normal = bahth::normalize_with_offsets(text);
  std::vector<bahth::WordSpan> fast;
  if (bahth::detail::simple_word_spans(normal.text, fast)) FUZZ_CHECK(fast == bahth::detail::icu_word_spans(normal.text));

  const std::string once = analyzer.normalize(text);
  FUZZ_CHECK(fuzz::valid_utf8(once));
  FUZZ_CHECK(analyzer.normalize(once) == once);
  return 0;
}
