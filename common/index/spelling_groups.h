// Which words of an index are spellings of one foreign name (issue #13): ترامب and ترمب, غوغل and جوجل.
// text/spellings.h spells the candidates (one transliteration edit apart, or a word and its two halves:
// نيويورك and نيو يورك, where the halves stand together in the index's documents); two that the index holds
// are kept as one name when the index shows both signs of it:
//
//   other sources   each source keeps one spelling, so the two words' documents come from different
//                   sources: the Jensen-Shannon divergence of their source distributions is at least
//                   kMinSourceDivergence. ترامب/ترمب 0.85, بوتين/بوتن 0.64, غوغل/جوجل 0.71; different
//                   words that every source writes score low: محمد/محمود 0.04, سلمان/سليمان 0.05,
//                   كتاب/كتب 0.07, قتل/كتل 0.05.
//   the same story  the documents of each speak of the same things: the cosine of the words that mark them
//                   (share of a sample of their documents × idf) is at least kMinContextSimilarity.
//                   ترامب/ترمب 0.91, غوغل/جوجل 0.83, بوتين/بوتن 0.75; words of one region or topic that
//                   its sources alone write score low: جربة/غربة 0.07, نابل/نابول 0.14, قابس/قابوس 0.06.
//
// Only words that stand for themselves are paired: a word the query side would read as a prefix and a base
// (للحاج), as a base and an ending (عددا, معاقلهم), a stop word, or one in fewer than kMinSpellingDocuments
// documents is left out. Measured on the 77k-document benchmark index (scripts/bench-speed.sh's corpus):
// 71 pairs, nearly all names and loan words (نتانياهو/نتنياهو, غرينتش/جرينتش, انستغرام/انستجرام).
//
// An index without sources (or with one) has no pairs: nothing shows that two words are one name.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace bahth {

/// Two spellings of one name, and the evidence.
struct SpellingPair {
  std::string a, b;        ///< stem keys, a < b; or a word and the two words it splits into, "a1 a2"
  double sources = 0;      ///< Jensen-Shannon divergence of their source distributions (bits, 0..1)
  double context = 0;      ///< cosine similarity of their documents' marking words (0..1)
};

inline constexpr Xapian::doccount kMinSpellingDocuments = 10;
inline constexpr double kMinSourceDivergence = 0.4;
inline constexpr double kMinContextSimilarity = 0.7;

/// The spelling pairs of the index at `path` (read whole; a stub's shards together), by the tests above;
/// `stemmer` is the index's. Reads the posting lists of the candidates and the term lists of up to 60
/// documents of each, on `threads` threads (the same pairs, in the same order, on any number).
std::vector<SpellingPair> find_spelling_pairs(const std::string& path, const std::string& stemmer, std::size_t threads);

/// Whether the stored pairs of `db` are missing or were found when the index held a tenth more or fewer
/// documents than now.
bool spellings_outdated(const Xapian::Database& db);

/// Finds the pairs of the index at `path` and stores them in every shard (metadata, one transaction a
/// shard; documents untouched), replacing those stored before. Returns how many there are.
std::size_t update_spellings(const std::string& path, const std::string& stemmer, std::size_t threads);

/// The other spellings of the name with stem key `key` in `db`; empty for most words.
std::vector<std::string> spellings_of(const Xapian::Database& db, const std::string& key);

}  // namespace bahth
