// One indexing run: reading the inputs, building documents (document.h, on an AnalysisPool), writing them
// (writer.h) or describing them for a dry run.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include "text/analyzer.h"
#include "ingest/article.h"
#include "index/document.h"
#include "index/writer.h"

namespace bahth {

/// What `--dry-run --json` prints for one article: what would be stored, without touching any index.
nlohmann::ordered_json describe_document(const Article& a, const Xapian::Document& doc);

struct IndexRunOptions {
  std::string index;          ///< index directory (ignored by a dry run)
  std::string stemmer;        ///< stemmer for a new index; empty: the index's own, or the default
  bool dry_run = false;       ///< analyse and describe, do not touch the index
  bool json = false;          ///< dry run: one JSON line per document on `out`
  bool progress = false;      ///< progress line on `err`, rewritten in place (for terminals)
  std::size_t batch = 10000;  ///< documents per commit
  std::size_t threads = 1;    ///< >1: analysis on threads-1 workers while this thread reads and writes;
                              ///< a new index is written by this many segment writers
  std::size_t segment_docs = kSegmentDocs;  ///< a new index: documents per segment generation (segments.h)
  bool prune = false;         ///< delete documents whose source file no longer exists under the inputs
  std::size_t shards = 0;     ///< >0: a new index is split into this many shards (writer.h)
  bool in_place = false;      ///< write a new index in place (WriterOptions)
  std::vector<std::string> delete_ids;  ///< documents to delete before reading the inputs
};

struct IndexStats {
  std::size_t added = 0, replaced = 0, unchanged = 0, deleted = 0, skipped = 0;
  double seconds = 0;
};

/// Reads `inputs` and indexes (or describes) every article. Problems are reported on `err` as
/// "bahth-index: <input>: <cause>" and counted as skipped; reading goes on. Throws IndexError/UsageError when
/// the index cannot be opened or written: then nothing since the last commit is kept.
IndexStats run_index(const std::vector<std::string>& inputs, const IndexRunOptions& options, std::ostream& out,
                     std::ostream& err);

}  // namespace bahth
