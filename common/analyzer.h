// Arabic text analysis: one visible pipeline used for indexing, for parsing queries and for snippets, so the
// three can never drift apart.
//
//   original UTF-8 ──normalise──▶ folded UTF-16 (+ map back to original bytes) ──ICU words──▶ tokens
//   token.form  = the exact term   (indexed with positions: exact and phrase search)
//   stem(form)  = the stemmed key  (indexed with a "Z" prefix: what plain words search)
//
// Normalisation: NFKC (presentation forms, ligatures), case folding, tashkeel and Quranic marks and tatweel
// removed, alef forms أ إ آ ٱ → ا, Arabic-Indic and Persian digits → ASCII, Persian ی ک → ي ك, zero-width and
// bidi marks removed, NBSP/ZWSP and other spaces → space. Offsets always point into the original text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace bahth {

/// One word of a text.
struct Token {
  std::string form;        ///< normalised form (the exact term), UTF-8
  std::size_t start = 0;   ///< byte offset of the word's first character in the original text
  std::size_t end = 0;     ///< byte offset just past the word's last character (marks included)
  bool numeric = false;    ///< a number (not stemmed)
};

class Analyzer {
 public:
  /// Longest word (bytes, normalised) that becomes a term; longer "words" are noise such as base64 or URLs.
  static constexpr std::size_t kMaxWordBytes = 64;

  /// `stemmer_name`: see stemmer.h. Throws UsageError for an unknown name.
  explicit Analyzer(const std::string& stemmer_name);

  const std::string& stemmer_name() const { return stemmer_name_; }

  /// The words of `text` (valid UTF-8) in order, with offsets into `text`.
  std::vector<Token> tokenize(std::string_view text) const;

  /// The normalised text as one string (for matching and display of analysed text, not for offsets).
  std::string normalize(std::string_view text) const;

  /// The stemmed key of a token's form (numbers and non-stemmable words are returned unchanged).
  std::string stem(const Token& token) const;

  /// Indexes `text` into `doc`: exact forms as `prefix + form` with positions starting after `pos`
  /// (updated), stems as `stem_prefix + stem` without positions; every occurrence adds `wdf_inc`.
  void index_text(Xapian::Document& doc, std::string_view text, const std::string& prefix,
                  const std::string& stem_prefix, Xapian::termcount& pos, Xapian::termcount wdf_inc = 1) const;

 private:
  std::string stemmer_name_;
  mutable Xapian::Stem stemmer_;
};

}  // namespace bahth
