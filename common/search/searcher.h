// Answering queries over an index built by IndexWriter: ranked hits (DLH) with stored fields and snippets.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "base/choices.h"
#include "dates/calendar.h"
#include "index/document.h"
#include "index/stored_codec.h"
#include "text/analyzer.h"
#include "search/facets.h"
#include "search/flat_or.h"
#include "search/query.h"
#include "search/snippet.h"

namespace bahth {

enum class SortOrder { relevance, newest, oldest };
/// --sort's choices (base/choices.h).
inline constexpr Choice<SortOrder> kSortOrders[] = {
    {"relevance", SortOrder::relevance}, {"newest", SortOrder::newest}, {"oldest", SortOrder::oldest}};

/// Parses a sort order's name; throws UsageError listing them otherwise.
SortOrder parse_sort_order(const std::string& s);

/// How hits are scored: DLH (searcher.cpp says why and what was measured); BM25 only for comparison runs of
/// the relevance benchmark.
struct Ranking {
  enum class Model { dlh, bm25 } model = Model::dlh;
  double bm25_k1 = 1.2, bm25_b = 0.9;  ///< BM25's parameters (tuned on the benchmark)
};

struct SearchRequest {
  std::string query;              ///< may be empty when `facets` are asked for: then every document matches
  /// The id of a stored article: find the articles related to it (search/related.h), not the article or its
  /// duplicate cluster. A non-empty `query` then only filters them (relatedness ranks); may be empty.
  std::string like;
  std::size_t offset = 0;
  std::size_t limit = 10;
  std::string from;               ///< "YYYYMMDD" inclusive lower bound on the publication date, or empty
  std::string to;                 ///< "YYYYMMDD" inclusive upper bound, or empty
  CivilDate today;                ///< the day date:7d, date:أمس … count back from (bahth-search: local_today())
  /// Saved searches (cli/alerts.h), by the time articles were added (schema::kSlotAdded). A non-empty
  /// `added_from` keeps only articles added then or later (so never those without an added time, indexed
  /// before the slot existed), less those of `added_seen` (ids) added exactly then; `added_through` leaves
  /// out articles added after it ("": every article with an added time).
  std::string added_from;
  std::vector<std::string> added_seen;
  std::optional<std::string> added_through;
  std::size_t snippet_chars = 200;
  bool snippets = true;
  /// Read each hit's title, date, source, url and category from its stored text; false: a hit has its id,
  /// score and duplicates only, read from value slots (ids and TREC output: no stored text is decompressed).
  bool stored = true;
  bool explain = false;           ///< fill Hit::explain
  bool collapse = true;           ///< show one document of each duplicate cluster (schema::kSlotDuplicate)
  SortOrder sort = SortOrder::relevance;  ///< newest/oldest: by publication date, then relevance
  std::vector<FacetKind> facets;  ///< exact counts over all matches
  bool exact_count = false;       ///< count every match exactly (SearchResult::estimated becomes exact)
  std::vector<std::string> fields;  ///< JSON hit fields to write (empty: all)
  Ranking ranking;
  bool strict_syntax = false;     ///< an unbalanced quote or parenthesis is a QueryError, not a warning
  double time_limit = 0;          ///< seconds the matcher may run before the query fails (QueryError); 0: no limit
  unsigned scoring_threads = 1;   ///< threads that score the query's words at once (search/flat_or.h)
};

/// What a request searched, for the JSON summary and the begin record: its query, with "like:ID" before it
/// for a related-articles search.
std::string query_label(const SearchRequest& request);

/// One weighted clause of the query that matched a hit (a term, or a phrase such as the neighbouring-word
/// pairs of query.cpp) and the weight it adds to the hit's score: the weights of a hit's clauses add up to
/// its score.
struct TermContribution {
  std::string term;              ///< the term as stored, prefix included (schema.h); a phrase's terms, spaced
  std::string field;             ///< "stem", "exact", "title stem", "title exact", "phrase" or "title phrase"
  std::string word;              ///< the term without its prefix (a phrase: its words)
  std::vector<std::string> forms;  ///< a word: the keys of it the hit holds (its own, or other forms of it:
                                   ///< معلمين for معلمون, search/word_family.h); a phrase: none
  Xapian::termcount wdf = 0;     ///< occurrences in the document (a title word counts schema::kTitleWdf); 0 for a phrase
  Xapian::doccount docs = 0;     ///< documents in the index that hold the term; 0 for a phrase
  double scale = 1;              ///< the factor the query scales the clause by (exact forms 0.25, pairs 0.1)
  double weight = 0;             ///< what the clause adds to the score, scaled
};

struct Hit {
  std::size_t rank = 0;        ///< 1-based, counting from the first result of the whole list
  std::string id;
  double score = 0;
  std::string title, date, source, url, category;
  Snippet snippet;
  /// With collapsing: the other documents of its cluster that matched; exact when the source chose the hits
  /// (a query of words alone ranked by relevance, in a process that answers many queries: flat_or.h,
  /// TopSelection), else at least that many.
  std::size_t duplicates = 0;
  std::vector<TermContribution> explain;  ///< with SearchRequest::explain: matched terms, heaviest first
};

struct SearchResult {
  std::vector<Hit> hits;
  /// The matching documents, a duplicate cluster once when collapsing: exact when the source chose the hits
  /// (TopSelection), else Xapian's estimate; with facets or --count, every match exactly (copies too).
  std::size_t estimated = 0;
  std::vector<std::string> warnings;
  std::vector<Facet> facets;
};

class Searcher {
 public:
  /// Opens the index at `path` read-only. Throws IndexError when it does not exist or cannot be read.
  explicit Searcher(const std::string& path) : Searcher(std::vector<std::string>{path}) {}

  /// Opens several indexes (shards) as one: each a directory (a sharded index's directory opens all its
  /// shards) or "tcp://HOST:PORT" for a shard served by xapian-tcpsrv. Term statistics are merged, so
  /// results equal those over one index holding every document. Throws IndexError.
  explicit Searcher(const std::vector<std::string>& paths);

  const Analyzer& analyzer() const { return *analyzer_; }
  Xapian::doccount document_count() const { return db_.get_doccount(); }

  /// Runs one query. Throws QueryError for a query that cannot be run (or that ran over its time limit).
  SearchResult search(const SearchRequest& request) const;

  /// The ids of every article the request matches (no collapsing, no ranking, no limit), for bookkeeping
  /// such as the saved searches'. Throws QueryError like search().
  std::vector<std::string> matching_ids(const SearchRequest& request) const;

  /// The latest time an article was added to the index (schema::kSlotAdded), or "" when no article records
  /// one (an empty index, or one built before the slot existed). May name an article deleted since.
  std::string latest_added() const;
  /// The stored article with id `id`, or nothing when the index has none. Throws IndexError.
  std::optional<StoredArticle> article(const std::string& id) const;

  /// Moves to the index's latest commit (cheap when nothing changed); a long-lived searcher calls it before
  /// each query so that what an indexer commits becomes searchable. Throws IndexError.
  void reopen() const;

 private:
  /// The request's query with its filters (dates, added times); `parsed` receives the parse, `copies` the
  /// duplicate-cluster key that a --like search must leave out (a decider: search/related.h), or "".
  Xapian::Query filtered_query(const SearchRequest& request, ParsedQuery& parsed, std::string& copies) const;
  // Over remote shards: the documents that hold the phrase `terms` (exact terms, in order; with `title`, in
  // the title), as a filter of their id terms, found by checking every document that holds all its words
  // in that field (holds_phrase).
  Xapian::Query phrase_documents(const std::vector<std::string>& terms, bool title) const;
  std::vector<TermContribution> explain(const Xapian::Query& query, const std::vector<WordPair>& pairs,
                                        const Xapian::Document& doc,
                                        const std::string& id, const Ranking& ranking) const;
  /// The weight `clause` gives the document with id `id`, or -1 when it does not match it.
  double weight_in(const Xapian::Query& clause, const std::string& id, const Ranking& ranking) const;
  /// How many documents hold `term`, remembered until the index changes (the analyzer's vocabulary).
  Xapian::doccount documents_with(const std::string& term) const;
  /// The id of a hit's document (value kSlotId): from the table of every id in a process that answers many
  /// queries, else from the document.
  std::string id_of(const Xapian::MSetIterator& hit) const;
  /// Moves to the index's latest revision; forgets the remembered counts and lengths when it may have changed.
  void reopen_index() const;
  /// Handles on every local database of the index for `threads` scoring threads, opened at the first query
  /// that asks for them; null for one thread or an index with a remote shard.
  const ScoringHandles* scoring_handles(unsigned threads) const;
  std::string path_;
  mutable Xapian::Database db_;  // reopened when a writer commits under us
  bool remote_ = false;           // a shard is served over TCP: phrases are checked here (phrase_documents)
  std::unique_ptr<Analyzer> analyzer_;
  std::unique_ptr<DataDecoder> decoder_;  // the stored data, with the dictionaries of every shard
  // The document counts the query side asked for (the analyzer's vocabulary). The 600 benchmark questions
  // ask 250 each (a word's proclitic readings, endings, derived forms and plurals, each as a stem key and as
  // written), 100 of them new to the batch; each lookup is a B-tree search. Kept while the index stays at
  // its revision, at most kMaxRemembered terms (then cleared).
  static constexpr std::size_t kMaxRemembered = 1 << 16;  // terms: some 6 MB
  mutable std::unordered_map<std::string, Xapian::doccount> documents_with_;
  // The word families the query side asked for, by stem key (query.h: FamilyLookup), kept as long as
  // documents_with_ and at most kMaxFamilies (then cleared): with the counts above remembered, a family cost
  // a question a third of its parsing (340 µs of a 4.4 ms top-10 query), in the hash lookups of its candidates.
  static constexpr std::size_t kMaxFamilies = 1 << 14;  // keys: some 3 MB
  mutable std::unordered_map<std::string, WordFamily> families_;
  // Every document's id by document number, in a process that answers many queries (flat_or.h:
  // choosing_first_hits_in_source) over a local index: hits without their stored data (TREC, ids) read
  // their id here instead of a value-stream chunk each (3% of a top-100 batch: perf). Read at the first such
  // hit of a revision, some 35 bytes an article. The id of d is bytes[end[d − 1], end[d]).
  struct IdTable {
    std::string bytes;
    std::vector<std::size_t> end;
  };
  mutable std::optional<IdTable> ids_;
  // Every document's length and the scoring threads' arrays, for the term-at-a-time OR (flat_or.h); the
  // lengths are read at the first query of a revision.
  mutable ScoringMemory memory_;
  std::vector<std::string> databases_;  // every local database's directory (each shard of a sharded index)
  mutable ScoringHandles handles_;      // on databases_, for scoring threads past the first
  mutable unsigned handle_threads_ = 1;
};

}  // namespace bahth
