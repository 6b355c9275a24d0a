// Snippets: a window of the ORIGINAL text (diacritics, tatweel and punctuation as published) around the
// densest cluster of query matches, cut at word boundaries, with the matched words marked.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/analyzer.h"
#include "search/query.h"

namespace bahth {

struct Snippet {
  std::string text;                                        ///< one line; "…" where the text was cut
  std::vector<std::pair<std::size_t, std::size_t>> spans;  ///< highlighted [start, end) byte ranges in `text`
};

/// Whether each word form matches a spec's words (stems and exact forms, not phrases), as match_tokens found
/// it: kept across the texts of one query, whose forms it points into (they must outlive it). A news text
/// repeats its words, and the hits of a query repeat each other's.
using WordMatches = std::unordered_map<std::string_view, bool>;

/// Which tokens of `tokens` match `spec` (a stem, an exact form, or a whole phrase occurrence); `known`,
/// when given, holds what was found of the forms of earlier texts for the same spec.
std::vector<bool> match_tokens(const std::vector<Token>& tokens, const MatchSpec& spec, const Analyzer& analyzer,
                               WordMatches* known = nullptr);

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
/// the caller has already (for the pair bonus: pair_bonus.h); `known` as for match_tokens.
Snippet make_snippet(std::string_view text, const std::vector<Token>& tokens, const MatchSpec& spec,
                     const Analyzer& analyzer, std::size_t max_chars, WordMatches* known = nullptr);

}  // namespace bahth
