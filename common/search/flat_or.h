// The weighted OR at the heart of a plain query, scored a term at a time (issue #12).
//
// A question of nine words becomes an OR of some sixty terms (each word's stem keys, their other forms as
// one OP_SYNONYM, its derived forms and its exact form at a fraction of its weight: query.h). Xapian's matcher
// walks such an OR a document at a time through a tree of two-way ORs, and with DLH's loose upper bounds it
// can prune almost nothing: it pays the tree's calls and a weight object's call for each posting. Scored
// term by term into an array instead (what Lucene's BooleanScorer does), each posting costs a decode, a
// lookup of the document's length and one DLH formula; the matcher then sees one PostingSource that knows
// every document's weight, and skips whatever cannot enter the page (next(min_wt)).
//
// The weights are Xapian's, to the bit: each term or OP_SYNONYM gets DLHWeight's formula with the same
// statistics Xapian gives it (the collection frequency of an OP_SYNONYM is Xapian's estimate over its tree of
// two-way ORs, built as Xapian builds it), so the hits, their order and their scores are those of
// Xapian's matcher; only the order in which a document's parts are added differs (an error below 1e-15).
//
// What is not a term, an OP_SYNONYM, an OP_OR or an OP_SCALE_WEIGHT of those (phrases, AND, value ranges,
// posting sources) stays in the query beside the source and is matched by Xapian as before; so do the
// filters above it (OP_FILTER, OP_AND_NOT: the source is their left side).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

namespace bahth {

/// The length of every document of each database a query is run on (the norms Lucene keeps in memory): DLH
/// needs the length of each document a term is in. Read once per database, a few milliseconds per 100,000
/// documents; clear() whenever the index moves to another revision.
class DocumentLengths {
 public:
  /// The lengths of `db` (one database, not a combination), by document number.
  const std::vector<Xapian::termcount>& of(const Xapian::Database& db);
  void clear() { lengths_.clear(); }

 private:
  std::map<std::string, std::vector<Xapian::termcount>> lengths_;  // by the database's UUID
};

/// `query` with its weighted OR of terms replaced by one posting source that scores them a term at a time,
/// with DLH and the statistics of `db` (all of its databases: a sharded index ranks as one). Returns `query`
/// unchanged when it has no such OR. `db` and `lengths` must outlive the search; the databases must be local
/// (a remote shard cannot run the source). `in_time`, if given, is called after each term or synonym is
/// scored and may throw to stop the search (a time limit): what it throws leaves Enquire::get_mset.
Xapian::Query with_flat_or(const Xapian::Query& query, const Xapian::Database& db, DocumentLengths& lengths,
                           std::function<void()> in_time = {});

}  // namespace bahth
