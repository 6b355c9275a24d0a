// One indexing run, what `bahth-index` does: read the inputs (reader.h), skip unchanged articles, build
// each document (document.h, on an AnalysisPool when there are threads to spare), join near copies to their
// cluster, write (writer.h), prune and delete as asked, and finish; or, for a dry run, describe each article
// instead (dry_run.h).
//
// It prints nothing on stderr itself: problems, warnings and the progress line go to a Reporter
// (base/report.h), which the program prefixes with its name. It parses no options (indexer/main.cpp does).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/report.h"
#include "index/segments.h"
#include "index/synonyms_file.h"

namespace bahth {

struct IndexRunOptions {
  std::string index;          ///< index directory (ignored by a dry run)
  std::string stemmer;        ///< stemmer for a new index; empty: the index's own, or the default
  bool dry_run = false;       ///< analyse and describe, do not touch the index
  bool json = false;          ///< dry run: one JSON line per document on `out`
  std::size_t batch = 10000;  ///< documents per commit
  std::size_t threads = 1;    ///< >1: analysis on threads-1 workers while this thread reads and writes;
                              ///< a new index is written by this many segment writers
  std::size_t segment_docs = kSegmentDocs;  ///< a new index: documents per segment generation (segments.h)
  bool prune = false;         ///< delete documents whose source file no longer exists under the inputs
  std::size_t shards = 0;     ///< >0: a new index is split into this many shards (writer.h)
  bool in_place = false;      ///< write a new index in place (WriterOptions)
  std::vector<std::string> delete_ids;  ///< documents to delete before reading the inputs
  /// Set: the index's synonym list is replaced by these groups once the documents are written
  /// (synonym_table.h: every shard); a dry run ignores them.
  std::optional<std::vector<SynonymGroup>> synonyms;
};

struct IndexStats {
  std::size_t added = 0, replaced = 0, unchanged = 0, deleted = 0, skipped = 0;
  double seconds = 0;
};

/// Reads `inputs` and indexes (or, for a dry run, describes on `out`) every article. An input or article
/// that cannot be read or indexed goes to report.problem("<input>: <cause>") and is counted as skipped;
/// reading goes on. An id to delete that the index does not hold goes to report.warning; the progress line
/// ("N documents, S skipped, R/s") to report.progress, at most every 250 ms and once with `final` at the
/// end. Throws IndexError/UsageError when the index cannot be opened or written: then nothing since the
/// last commit is kept.
IndexStats run_index(const std::vector<std::string>& inputs, const IndexRunOptions& options, std::ostream& out,
                     Reporter& report);

}  // namespace bahth
