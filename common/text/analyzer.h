// Arabic text analysis: one visible pipeline used for indexing, for parsing queries and for snippets, so the
// three can never drift apart.
//
//   original UTF-8 ──normalise (normalizer.h)──▶ folded UTF-16 (+ map back to original bytes) ──words──▶ tokens
//   token.form  = the exact term   (indexed with positions: exact and phrase search)
//   stem(form)  = the stemmed key  (indexed with a "Z" prefix: what plain words search)
//
// Normalisation is text/normalizer.h (offsets always point into the original text); words are split as
// ICU's word breaker splits the normalised text (text/word_breaks.h: the same words, mostly without ICU).
// Letters whose spelling varies (ى/ي, hamza seats ؤ ئ) are kept as written there and folded only in the
// stem key (stemmer.h), so exact and phrase search still see the written form.
//
// Stop words: a short list of Arabic function words and question words (is_stopword), also as people type
// them (فى for في, متي for متى, ماهو for ما هو, a lone ال). They keep their exact term (phrases such as
// "في بيروت" still work) but get no stem key: plain-word queries drop them, so that ما / من / في do not
// decide the ranking.
//
// Proclitics and the index's vocabulary (light stemmer only). Whether بـ in بفلسطين is a preposition and in
// بيروت is part of the name cannot be told from the letters. So:
//   indexing   every reading gets a stem key: وبيروت → Z<وبيروت>, Z<بيروت>, Z<يروت> (stemmer.h:
//              proclitic_splits); the wrong readings are harmless keys nobody searches for;
//   querying   stem() picks the reading whose exact form the index holds most often (set_vocabulary):
//              بفلسطين → فلسطين (فلسطين is common, بفلسطين rarer); بيروت stays (يروت is not a word).
// So بفلسطين, لفلسطين, وفلسطين and فلسطين all meet on Z<فلسطين>, and names keep every letter. Without a
// vocabulary (while indexing, or in tests) stem() keeps the word whole.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "text/normalizer.h"

namespace bahth {

/// One word of a text.
struct Token {
  std::string form;        ///< normalised form (the exact term), UTF-8
  std::size_t start = 0;   ///< byte offset of the word's first character in the original text
  std::size_t end = 0;     ///< byte offset just past the word's last character (marks included)
  bool numeric = false;    ///< a number (not stemmed)
};

/// A text analysed once: its normal form with the map back to the original bytes, and its words. Everything
/// the indexer derives from a text (terms, date mentions, the duplicate fingerprint) reads this one form.
struct AnalyzedText {
  NormalizedText normalized;
  std::vector<Token> tokens;
};

class Analyzer {
 public:
  /// Longest word (bytes, normalised) that becomes a term; longer "words" are noise such as base64 or URLs.
  static constexpr std::size_t kMaxWordBytes = 64;

  /// `stemmer_name`: see stemmer.h. Throws UsageError for an unknown name.
  explicit Analyzer(const std::string& stemmer_name);

  const std::string& stemmer_name() const { return stemmer_name_; }

  /// `text` (valid UTF-8) normalised once, and its words in order with offsets into `text`.
  AnalyzedText analyze(std::string_view text) const;

  /// The words of `text` (valid UTF-8) in order, with offsets into `text`.
  std::vector<Token> tokenize(std::string_view text) const;

  /// The normalised text as one string (for matching and display of analysed text, not for offsets).
  std::string normalize(std::string_view text) const;

  /// The stemmed key of a token's form (numbers and non-stemmable words are returned unchanged). With a
  /// vocabulary and the light stemmer, the proclitic reading the index attests most (see above). This is
  /// the key queries search and snippets highlight.
  std::string stem(const Token& token) const;

  /// Every stem key a token is indexed under: stem(token) without a vocabulary, then the other proclitic
  /// readings (light stemmer only). Empty for stop words, which get no stem key.
  std::vector<std::string> index_keys(const Token& token) const;

  /// Whether the token is a stop word (a short list of function and question words, with و/ف attached).
  bool is_stopword(const Token& token) const;

  /// How many documents hold an exact (unprefixed) term; used by stem() to choose a proclitic reading.
  using Vocabulary = std::function<Xapian::doccount(const std::string& exact_term)>;
  /// Attaches the index's vocabulary (the searcher does this; the function must outlive the Analyzer's
  /// use, and must not throw for a missing term: return 0).
  void set_vocabulary(Vocabulary vocabulary) { vocabulary_ = std::move(vocabulary); }
  /// How many documents hold `term` (any term of the index, prefixed or not), asking the attached
  /// vocabulary; 0 without one.
  Xapian::doccount documents_with(const std::string& term) const { return vocabulary_ ? vocabulary_(term) : 0; }
  bool has_vocabulary() const { return static_cast<bool>(vocabulary_); }

 private:
  static std::vector<Token> words(const NormalizedText& normalized);

  std::string stemmer_name_;
  mutable Xapian::Stem stemmer_;
  bool light_ = false;  // the light stemmer: proclitic readings apply
  Vocabulary vocabulary_;
};

}  // namespace bahth
