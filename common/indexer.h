// Writing articles into a Xapian index: one writer, documents replaced by their id term so re-indexing the
// same input never duplicates, explicit commits so errors surface.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include "analyzer.h"
#include "article.h"

namespace bahth {

/// Longest id accepted: Xapian terms are limited to 245 bytes, and the id term carries a prefix.
inline constexpr std::size_t kMaxIdBytes = 240;

/// Builds the Xapian document for `a`: terms (see schema.h), values and the stored data.
/// Throws InputError when the id is too long.
Xapian::Document build_document(const Article& a, const Analyzer& analyzer);

/// What `--dry-run --json` prints for one article: what would be stored, without touching any index.
nlohmann::ordered_json describe_document(const Article& a, const Xapian::Document& doc);

class IndexWriter {
 public:
  /// Opens (creating if needed) the index at `path`. `stemmer` names the stemmer for a new index; for an
  /// existing one it must be empty or equal the stemmer recorded in it (UsageError otherwise).
  /// Throws IndexError when the index is locked by another writer or cannot be opened.
  IndexWriter(const std::string& path, const std::string& stemmer);
  ~IndexWriter();

  const Analyzer& analyzer() const { return *analyzer_; }

  /// Adds or replaces the document; returns true when it replaced one with the same id.
  bool add(const Article& a, const Xapian::Document& doc);

  /// Makes everything added so far durable. Called every `batch` documents by add() and at the end.
  void commit();

  /// Documents per automatic commit.
  void set_batch_size(std::size_t n) { batch_ = n; }

 private:
  std::string path_;
  Xapian::WritableDatabase db_;
  std::unique_ptr<Analyzer> analyzer_;
  std::size_t batch_ = 10000;
  std::size_t pending_ = 0;
};

}  // namespace bahth

namespace bahth {

struct IndexRunOptions {
  std::string index;          ///< index directory (ignored by a dry run)
  std::string stemmer;        ///< stemmer for a new index; empty: the index's own, or the default
  bool dry_run = false;       ///< analyse and describe, do not touch the index
  bool json = false;          ///< dry run: one JSON line per document on `out`
  bool progress = false;      ///< progress line on `err`, rewritten in place (for terminals)
  std::size_t batch = 10000;  ///< documents per commit
};

struct IndexStats {
  std::size_t added = 0, replaced = 0, skipped = 0;
  double seconds = 0;
};

/// Reads `inputs` and indexes (or describes) every article. Problems are reported on `err` as
/// "bahth-index: <input>: <cause>" and counted as skipped; reading goes on. Throws IndexError/UsageError when
/// the index cannot be opened or written: then nothing since the last commit is kept.
IndexStats run_index(const std::vector<std::string>& inputs, const IndexRunOptions& options, std::ostream& out,
                     std::ostream& err);

}  // namespace bahth
