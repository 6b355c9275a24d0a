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
//
// With ScoringHandles, each database's documents are split into runs of document numbers, each scored by its
// own thread through its own handle; a document's weight is added up in the same order on any thread.
//
// Measured (2 cores, the benchmark's 77k articles and 3,102 questions): the same TREC output as Xapian's
// matcher for every question; a top-100 batch of 600 questions 0.72× the time, top 10 with snippets 0.76×
// (medians of 7 A/B pairs). 1M recombined articles, 600 questions, top 10: p50 / p95 58.7 / 182.8 ms with
// Xapian's matcher, 44.3 / 103.5 ms here on one thread, 25.4 / 56.2 ms on two. Keeping the decoded postings of
// recent terms between queries (an LRU of 64 MB) gained 3% on the batch: not kept.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

namespace bahth {

namespace detail {
// Arrays indexed by document number that one thread scores into, reused from query to query.
struct Scratch {
  std::vector<double> weight;
  std::vector<Xapian::termcount> wdf;
  std::vector<char> matched;
  std::vector<Xapian::docid> docs, unit_docs;
  void size_for(Xapian::docid last);
  // Zeroes what a scoring left behind: nothing after a whole one, everything it touched after an exception
  // (a time limit), so that the next query starts clean.
  void reset();
};
}  // namespace detail

/// What the term-at-a-time OR keeps from query to query, for one searcher (one thread at a time):
/// - every document's length, by database (the norms Lucene keeps in memory): DLH needs the length of each
///   document a term is in. Read once, a few milliseconds per 100,000 documents; clear() whenever the index
///   moves to another revision.
/// - the arrays each scoring thread adds weights into (some 13 bytes a document).
class ScoringMemory {
 public:
  /// The lengths of `db` (one database, not a combination), by document number.
  const std::vector<Xapian::termcount>& lengths(const Xapian::Database& db);
  /// The arrays of scoring thread `n` (0: the searcher's own).
  detail::Scratch& scratch(std::size_t n);
  void clear() { lengths_.clear(); }

 private:
  std::map<std::string, std::vector<Xapian::termcount>> lengths_;  // by the database's UUID
  std::vector<std::unique_ptr<detail::Scratch>> scratch_;
};

/// Read-only handles for scoring one query on several threads: for each database of the index (by its
/// UUID), one handle for each thread past the first (which reads through the matcher's own). A handle is
/// used only while it reads the same revision as the matcher.
using ScoringHandles = std::map<std::string, std::vector<Xapian::Database>>;

/// `query` with its weighted OR of terms replaced by one posting source that scores them a term at a time,
/// with DLH and the statistics of `db` (all of its databases: a sharded index ranks as one). Returns `query`
/// unchanged when it has no such OR. `db`, `memory` and `handles` must outlive the search; the databases
/// must be local (a remote shard cannot run the source). `in_time`, if given, is called after each term or
/// synonym is scored (on any scoring thread) and may throw to stop the search (a time limit): what it
/// throws leaves Enquire::get_mset. With `handles`, each database's documents are split into as many runs
/// of document numbers as it has handles plus one, scored at once, one thread each.
Xapian::Query with_flat_or(const Xapian::Query& query, const Xapian::Database& db, ScoringMemory& memory,
                           std::function<void()> in_time = {}, const ScoringHandles* handles = nullptr);

}  // namespace bahth
