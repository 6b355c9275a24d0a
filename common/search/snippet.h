// Snippets: a window of the ORIGINAL text (diacritics, tatweel and punctuation as published) around the
// densest cluster of query matches, cut at word boundaries, with the matched words marked.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/analyzer.h"
#include "search/query.h"

namespace bahth {

struct Snippet {
  std::string text;                                        ///< one line; "…" where the text was cut
  std::vector<std::pair<std::size_t, std::size_t>> spans;  ///< highlighted [start, end) byte ranges in `text`
};

/// Which tokens of `tokens` match `spec` (a stem, an exact form, or a whole phrase occurrence).
std::vector<bool> match_tokens(const std::vector<Token>& tokens, const MatchSpec& spec, const Analyzer& analyzer);

/// Every matched word of `text` as a [start, end) byte range, in order (a whole article's marks).
std::vector<std::pair<std::size_t, std::size_t>> match_spans(std::string_view text, const MatchSpec& spec,
                                                             const Analyzer& analyzer);

/// Bytes of a document's text that snippets look at: matches beyond the first 256 KiB of a huge document
/// are not shown (a 50 MB text would cost seconds per query).
inline constexpr std::size_t kMaxSnippetSourceBytes = 256u << 10;

/// Builds a snippet of at most about `max_chars` code points from `text` (valid UTF-8). When no word
/// matches, the snippet is the text's beginning.
Snippet make_snippet(std::string_view text, const MatchSpec& spec, const Analyzer& analyzer, std::size_t max_chars);
/// The same, for a text of at most kMaxSnippetSourceBytes whose words `tokens` (analyzer.tokenize(text))
/// the caller has already (for the pair bonus: pair_bonus.h).
Snippet make_snippet(std::string_view text, const std::vector<Token>& tokens, const MatchSpec& spec,
                     const Analyzer& analyzer, std::size_t max_chars);

}  // namespace bahth
