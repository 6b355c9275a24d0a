// "More like this" (bahth-search --like ID, GET /api/related/ID): the query that finds the articles most
// related to one stored article. Relevance feedback from the article's own terms: its stem keys (schema.h:
// Z<key>, or the exact term that stands for a key equal to its form), each weighted by tf-idf over the index,
// and the kRelatedTerms heaviest searched as any-of, ranked by the searcher's model (DLH) like typed words,
// each scaled by its tf-idf weight.
// The article itself and every document of its duplicate cluster (schema::kSlotDuplicate) are excluded:
// copies of the same story are not "related".
//
// It does not look at the stored text (the document's term list says everything) and does not remove near
// copies that joined no cluster (an estimated MinHash similarity under index/dedup.h's kNearDuplicate).
#pragma once

#include <string>

#include <xapian.h>

#include "base/errors.h"
#include "search/query.h"
#include "text/analyzer.h"

namespace bahth {

/// The terms a related-articles query searches, at most: a query of its own cost, whatever the article's
/// length. Chosen on 100 related pairs of the news (tests/data/related_pairs.tsv) over all 72k news
/// articles: related.cpp says what was measured.
inline constexpr std::size_t kRelatedTerms = 25;

/// --like or /api/related named an id the index does not hold: the searcher exits 2, the API answers 404.
class UnknownArticleError : public QueryError {
 public:
  using QueryError::QueryError;
};

struct RelatedQuery {
  /// OR of the article's heaviest keys, each the same OP_SYNONYM a typed word searches, scaled by its weight;
  /// less the article itself
  Xapian::Query query;
  MatchSpec match;      ///< what snippets highlight: those keys
  /// The article's duplicate-cluster key: the search must leave out every document with this value in
  /// schema::kSlotDuplicate, with a Xapian::ValueSetMatchDecider. As OP_VALUE_RANGE in the query it cost 35 ms
  /// a query more (p50 86 against 51 ms over the 100 ids of the test on the 77k benchmark index, a busy
  /// machine): the matcher then checks the range for every candidate, the decider only for those that could
  /// enter the page.
  std::string cluster;
};

/// The query for the articles related to the stored article `id`. `analyzer` must be the index's, with its
/// vocabulary. Throws UnknownArticleError naming `id` when the index has no such article; Xapian's errors
/// pass through.
RelatedQuery related_query(const Xapian::Database& db, const Analyzer& analyzer, const std::string& id);

}  // namespace bahth
