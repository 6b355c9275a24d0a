// The neighbouring-word bonus: two plain query words that stand next to each other in an article (in the
// body field: title or body) add kPairBonus of their exact forms' weights to its score, so "وزير الخارجية"
// ranks the articles that say it above those that only hold both words.
//
// It is added to the kPairDepth best hits of the match, whatever page is asked for (so that pages agree:
// a hit the bonus lifts into the first ten is in the first page, and no later one), not matched as a phrase
// clause per pair over the whole index: it only reorders (both words are already matched by the
// query), a bonus of a tenth cannot lift a hit from far below, and each pair clause cost the matcher a walk
// of both words' postings. A hit's
// adjacency is read from the words of its stored article when the search reads and analyses it anyway for
// its snippet (HitText), else from its position list (index/positions.h), which needs the hit's termlist: a
// termlist opened, inflated and walked took 7% of a top-10 query's time; both give the same pairs. The weights
// come from Xapian, with the same weighting and statistics as the match (so the bonus equals what the phrase
// clause of a pair gave). Everything here reads through Xapian's API: it works on shards served by
// xapian-tcpsrv too.
//
// Measured (scripts/bench-relevance.sh, all 3,102 questions, DLH): MRR@10 without the pair bonus 0.681,
// pair phrases in the match 0.685, at 0.2 0.684, at 0.35 0.680 (query.cpp). For the best hits only (schema
// 2, top 10 asked for): the best 10 0.6955, 20 0.6957, 50 0.6958 — but asking the matcher for 50 hits
// instead of 10 prunes less: p50 5.5 → 8.1 ms over 3,102 questions. So the best 10: a first page costs no
// more hits than it shows, and each costs a termlist and a value read (some 30 µs).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "text/analyzer.h"

namespace bahth {

/// Each two neighbouring plain words of a query count this fraction of their exact weights when adjacent.
inline constexpr double kPairBonus = 0.1;
/// The best hits of a match that the pair bonus is computed for (and reordered by), whatever the page.
inline constexpr Xapian::doccount kPairDepth = 10;

/// Two neighbouring plain words of a query: their exact terms (schema::kBodyExact).
struct WordPair {
  std::string first, second;
  bool operator==(const WordPair& o) const { return first == o.first && second == o.second; }
};

/// What the pairs add to one hit: the bonus, and which pairs (indexes into the query's pairs) stand together.
struct PairMatch {
  double bonus = 0;
  std::vector<std::size_t> pairs;
};

/// A hit's body field as its stored article gives it: the words of its title, then those of its text
/// (Analyzer::tokenize of each: what the indexer analysed), and its id.
struct HitText {
  std::vector<Token> title, text;
  std::string id;
};
/// The stored words of hit `h` (an index into the mset), or null: then its position list is read.
using HitTexts = std::function<const HitText*(Xapian::doccount h)>;

/// The pair bonus of each of the first `depth` hits of `mset` (in mset order), which `db` answered with
/// weighting `weight`; each hit's words from `texts` where it gives them.
std::vector<PairMatch> pair_bonuses(const Xapian::Database& db, const Xapian::Weight& weight, const Xapian::MSet& mset,
                                    Xapian::doccount depth, const std::vector<WordPair>& pairs,
                                    const HitTexts& texts = {});

/// The clause that weighs pair `pair` in a document: kPairBonus × the weights of its two exact terms.
Xapian::Query pair_clause(const WordPair& pair);

}  // namespace bahth
