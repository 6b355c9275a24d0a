// Answering queries over an index built by IndexWriter: ranked hits (BM25) with stored fields and snippets.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "query.h"
#include "snippet.h"

namespace bahth {

struct SearchRequest {
  std::string query;
  std::size_t offset = 0;
  std::size_t limit = 10;
  std::string from;               ///< "YYYYMMDD" inclusive lower bound on the publication date, or empty
  std::string to;                 ///< "YYYYMMDD" inclusive upper bound, or empty
  std::size_t snippet_chars = 200;
  bool snippets = true;
};

struct Hit {
  std::size_t rank = 0;        ///< 1-based, counting from the first result of the whole list
  std::string id;
  double score = 0;
  std::string title, date, source, url, category;
  Snippet snippet;
};

struct SearchResult {
  std::vector<Hit> hits;
  std::size_t estimated = 0;   ///< Xapian's estimate of all matching documents
  std::vector<std::string> warnings;
};

class Searcher {
 public:
  /// Opens the index at `path` read-only. Throws IndexError when it does not exist or cannot be read.
  explicit Searcher(const std::string& path);

  const Analyzer& analyzer() const { return *analyzer_; }
  Xapian::doccount document_count() const { return db_.get_doccount(); }

  /// Runs one query. Throws QueryError for a query that cannot be run.
  SearchResult search(const SearchRequest& request) const;

 private:
  std::string path_;
  mutable Xapian::Database db_;  // reopened when a writer commits under us
  std::unique_ptr<Analyzer> analyzer_;
};

/// "YYYY-MM-DD", "YYYY-MM" or "YYYY" (ASCII or Arabic-Indic digits) as an inclusive bound "YYYYMMDD":
/// the first day of the period when `upper` is false, the last when it is true. Throws UsageError.
std::string parse_date_bound(const std::string& text, bool upper);

}  // namespace bahth
