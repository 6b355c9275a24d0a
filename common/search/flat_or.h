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
//
// In a process that answers many queries, for a query of words alone ranked by relevance, the source also
// chooses the first hits (TopSelection), so that the matcher no longer reads a collapse key and an order key
// for each of the hundreds of hits that pass its threshold: the same TREC output for all 3,102 questions;
// all of them, top 100, 0.92× the time, top 10 with snippets 0.94× (medians of 7 and 5 A/B pairs); exact
// counts of matches and of copies.
//
// Most postings (wdf 1 to 3, documents shorter than 4,096) are weighed without a logarithm (detail::LengthParts):
// all 3,102 questions, top 100, 0.86× the time, top 10 with snippets p50 0.89× (7 and 5 A/B pairs); the same
// TREC output.
// A phrase of the query (OP_FILTER(OP_AND(its words), PhraseSource): query.cpp), at the top, beside the OR or
// scaled in it, becomes a source of its own too: the documents holding its words with their weights, found a
// term at a time, the position list read only for a document the matcher still wants (its weight reaches the
// matcher's threshold). Same hits and weights (test_positions); 1M articles, a quoted phrase of two frequent
// words, top 10: 18-184 ms instead of 3.4-5.2 s. A phrase OR'ed with words or other phrases is weighed in
// this source instead (FlatOrSource::add_phrases): its documents get its weight in the same hits, and a
// position list is read only for a hit that reaches the threshold, its phrase's weight taken off when the
// phrase does not hold. Beside the OR as a source of its own it had the threshold less the OR's maximum, and
// most of its documents were checked. A phrase required beside words (+"…": OP_AND_MAYBE) is one too: its
// documents are the hits, the words add their weight. 1M articles, top 10, one-shot: a phrase OR'ed with
// words 98-174 ms instead of 311-1,822 ms; required, 338-746 ms instead of 3.1-5.3 s.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include <xapian.h>

namespace bahth {

namespace detail {
// An array of zeros from calloc: the system hands over zeroed pages, mapped at their first touch, so that a
// process pays for the pages it writes, not for writing zeros over all of them (as std::vector's assign does).
template <class T>
class ZeroedArray {
 public:
  T& operator[](std::size_t i) { return data_[i]; }
  T* data() { return data_.get(); }
  std::size_t size() const { return size_; }
  /// Room for `n` zeros; what the array held is dropped.
  void zeroed(std::size_t n) {
    data_.reset(static_cast<T*>(std::calloc(n, sizeof(T))));
    if (!data_) throw std::bad_alloc();
    size_ = n;
  }

 private:
  struct Free {
    void operator()(T* p) const { std::free(p); }
  };
  std::unique_ptr<T[], Free> data_;
  std::size_t size_ = 0;
};

// The parts of DLH's formula that depend on a posting's wdf and its document's length alone, for wdfs below
// kWdfs and lengths below kLengths (most postings: on the benchmark's index half the documents are shorter
// than 330 and 99.9% than 3,300), each computed the first time a scoring thread meets it.
class LengthParts {
 public:
  static constexpr Xapian::termcount kWdfs = 4, kLengths = 1u << 12;
  struct Parts {        // all zero: not computed yet (log2_ratio is below 0 once it is)
    double log2_ratio;  // log2(wdf / len)
    double rest;        // (len − wdf)·log2(1 − wdf/len) + ½·log2(2π · wdf · (1 − wdf/len))
  };
  /// The parts for 0 < wdf < kWdfs and wdf < len < kLengths.
  const Parts& of(Xapian::termcount wdf, Xapian::termcount len) {
    if (parts_.size() > 0) {
      const Parts& p = parts_[std::size_t(wdf - 1) * kLengths + len];
      if (p.log2_ratio != 0) return p;
    }
    return fill(wdf, len);
  }

 private:
  const Parts& fill(Xapian::termcount wdf, Xapian::termcount len);
  // By wdf, then length (192 KiB), allocated at the first fill: a process that answers one query touches
  // only the pages of the lengths it meets.
  ZeroedArray<Parts> parts_;
};

// A matching document and its weight. Constructed empty without zeroing: a run's hits are sized first and
// written after, and zeroing 16 bytes for each of 640,000 matches took 9% of a slow query at a million articles.
struct Hit {
  Xapian::docid doc;
  double weight;
  Hit() {}  // NOLINT: left unset on purpose
  Hit(Xapian::docid d, double w) : doc(d), weight(w) {}
};
using Hits = std::vector<Hit>;

// Arrays indexed by document number that one thread scores into (21 bytes a document), reused from query to
// query and all zero between queries; a thread touches only the pages of its run of documents.
struct Scratch {
  LengthParts parts;
  ZeroedArray<double> weight;
  ZeroedArray<Xapian::termcount> wdf;  // an OP_SYNONYM's: 1 + its wdf in a document that holds it, else 0
  ZeroedArray<char> matched;
  // The documents matched so far (`matched` set), `n_docs` of them, in the order first met, and those of the
  // OP_SYNONYM being read (`wdf` set), `n_unit_docs`; room for all.
  ZeroedArray<Xapian::docid> docs, unit_docs;
  std::size_t n_docs = 0, n_unit_docs = 0;
  // The thread's run of hits, kept for its capacity: memory a thread allocates anew for each query is
  // memory the kernel maps anew (a lone run is handed over whole, without a copy, and comes back: recycle).
  Hits hits;
  void size_for(Xapian::docid last);
  // Zeroes what a scoring left behind: nothing after a whole one, everything it touched after an exception
  // (a time limit), so that the next query starts clean.
  void reset();
};
}  // namespace detail

/// What the first hits of a search are ordered by beside their weight, per document of one database, read
/// once per revision from two value slots when every value there is 16 lowercase hex digits (what
/// bahth-index writes: schema.h), so that the source can choose the first hits itself (TopSelection).
struct DocumentKeys {
  bool usable = false;                 ///< false: a value of another shape, or a document without an order key
  std::vector<std::uint32_t> cluster;  ///< by document number: 1 + its key's index in `keys` (| kAlone
                                       ///< when no other document here has it), 0 for none
  static constexpr std::uint32_t kAlone = 1u << 31;
  std::vector<std::uint64_t> keys;     ///< the distinct collapse keys, ascending
  std::vector<std::uint64_t> order;    ///< by document number: the order key (ties: ascending)
  // A search's count of matching documents by cluster (index as in `cluster`) and the clusters it counted
  // (`touched`), kept until the next search of this database chooses; `best` holds each cluster's best hit
  // while it chooses.
  std::vector<std::uint32_t> count, best, touched;
};

/// What the term-at-a-time OR keeps from query to query, for one searcher (one thread at a time):
/// - every document's length, by database (the norms Lucene keeps in memory): DLH needs the length of each
///   document a term is in. Read once, a few milliseconds per 100,000 documents; clear() whenever the index
///   moves to another revision.
/// - the arrays each scoring thread adds weights into (some 21 bytes a document).
class ScoringMemory {
 public:
  /// The lengths of `db` (one database, not a combination), by document number.
  const std::vector<Xapian::termcount>& lengths(const Xapian::Database& db);
  /// The collapse and order keys of `db` (one database) in the value slots `collapse` (BAD_VALUENO: none)
  /// and `order`; null for a database without a UUID (nothing to remember it by).
  DocumentKeys* keys(const Xapian::Database& db, Xapian::valueno collapse, Xapian::valueno order);
  /// The arrays of scoring thread `n` (0: the searcher's own).
  detail::Scratch& scratch(std::size_t n);
  /// Hit arrays that a search is done with, kept for their capacity (the two largest: thread 0's run and
  /// the runs joined), and taken back for the next search's joined runs (spare_hits).
  void recycle(detail::Hits& hits);
  detail::Hits& spare_hits() { return spare_; }
  void clear() {
    lengths_.clear();
    keys_.clear();
  }

 private:
  std::map<std::string, std::vector<Xapian::termcount>> lengths_;  // by the database's UUID
  std::map<std::string, DocumentKeys> keys_;                        // by UUID and slots
  std::vector<std::unique_ptr<detail::Scratch>> scratch_;
  detail::Hits spare_;
};

/// Read-only handles for scoring one query on several threads: for each database of the index (by its
/// UUID), one handle for each thread past the first (which reads through the matcher's own). A handle is
/// used only while it reads the same revision as the matcher.
using ScoringHandles = std::map<std::string, std::vector<Xapian::Database>>;

/// The first `depth` hits of a search whose query is the weighted OR alone (no filter, no other clause), by
/// weight then ascending order key then document (what Enquire::set_sort_by_relevance_then_value(order,
/// false) gives), one per cluster of equal collapse keys when collapsing: chosen inside the source from the
/// weights it holds and the keys kept in ScoringMemory, so that the matcher sees those documents only and
/// reads no value for the hundreds of others that pass its threshold (--no-collapse had taken 0.83× the CPU
/// of a top-100 batch; choosing here takes 0.92× its time, collapsed). Over several databases each chooses its own first `depth` (a superset
/// of what it contributes: a cluster ahead of a document in its database is ahead of it in the whole) and
/// the matcher, still collapsing, merges them. The counts that the matcher can no longer give are exact
/// here: matching documents (clusters counted once) and each cluster's other matches.
class TopSelection {
 public:
  TopSelection(Xapian::doccount depth, Xapian::valueno collapse, Xapian::valueno order)
      : depth_(depth), collapse_(collapse), order_(order) {}
  /// Whether the source chose for every database of the search (false: the query had other parts, or a
  /// database's keys were unusable, and the matcher chose from every hit as before).
  bool applied() const { return placed_ && !declined_; }
  /// Every matching document, each cluster once when collapsing (valid when applied()).
  Xapian::doccount matches() const;
  /// The other matching documents of the cluster with collapse key `key` (valid when applied()).
  Xapian::doccount duplicates(const std::string& key) const;

 private:
  friend struct SelectionAccess;
  struct Chosen {
    DocumentKeys* keys = nullptr;
    Xapian::doccount hits = 0, unkeyed = 0;
  };
  Xapian::doccount depth_;
  Xapian::valueno collapse_, order_;
  bool placed_ = false, declined_ = false, one_database_ = true;
  std::vector<Chosen> chosen_;  // a database each
};

/// Chooses a database's part of a TopSelection inside the source (search/first_hits.cpp): place() when the
/// source is the whole query, choose() from every hit of the database, in document order (`hits` keeps the
/// chosen ones; the array they were chosen from goes back to `memory`).
struct SelectionAccess {
  static void place(TopSelection& top, const Xapian::Database& db);
  static void choose(TopSelection& top, const Xapian::Database& db, ScoringMemory& memory, detail::Hits& hits);
};

/// For a process that answers many queries (--queries, --interactive, --serve): searches may choose their
/// first hits in the source (TopSelection). Its keys are read once per revision of the index, some 50 ms for
/// 77,000 articles, which a process answering one query would pay for nothing (it took 1.9× the time).
void choose_first_hits_in_source();
/// Whether choose_first_hits_in_source() was called.
bool choosing_first_hits_in_source();

/// `query` with its weighted OR of terms replaced by one posting source that scores them a term at a time,
/// with DLH and the statistics of `db` (all of its databases: a sharded index ranks as one). Returns `query`
/// unchanged when it has no such OR. `db`, `memory` and `handles` must outlive the search; the databases
/// must be local (a remote shard cannot run the source). `in_time`, if given, is called after each term or
/// synonym is scored (on any scoring thread) and may throw to stop the search (a time limit): what it
/// throws leaves Enquire::get_mset. With `handles`, each database's documents are split into as many runs
/// of document numbers as it has handles plus one, scored at once, one thread each. With `top` (which must
/// outlive the search), the source chooses the first hits itself when the OR is the whole query.
Xapian::Query with_flat_or(const Xapian::Query& query, const Xapian::Database& db, ScoringMemory& memory,
                           std::function<void()> in_time = {}, const ScoringHandles* handles = nullptr,
                           TopSelection* top = nullptr);

}  // namespace bahth
