// Writing articles into an index, behind one interface with two implementations:
//   InPlaceWriter (in_place_writer.h)    an existing index, or a new one with --in-place: documents
//                                        replaced by their id term inside transactions, committed every
//                                        `batch` changes, so the index is searchable at every commit and an
//                                        interrupted run leaves it at its last commit;
//   SegmentedWriter (segmented_writer.h) a new index: built in parallel segments (segments.h) and merged
//                                        into place by finish(); nothing exists before that.
// open_writer() picks one as the path demands. Both keep one document per id (re-indexing never
// duplicates), find the same near copies (dedup.h) and route ids to the same shards (shards.h), so every
// way of building gives the same index.
//
// A writer does not read inputs or analyse text (run.h, document.h); it is used by one thread.
//
// Example:
//   auto writer = bahth::open_writer("/idx", "", {});
//   Xapian::Document doc = bahth::build_document(article, writer->analyzer(), hash);
//   if (!writer->unchanged(article.id, hash)) writer->add(article, std::move(doc));
//   writer->finish();
#pragma once

#include <memory>
#include <string>

#include <xapian.h>

#include "index/segments.h"
#include "ingest/article.h"
#include "text/analyzer.h"

namespace bahth {

struct WriterOptions {
  std::size_t shards = 0;     ///< >0: a new index is split into this many shards
  std::size_t batch = 10000;  ///< documents per commit (in place)
  std::size_t writers = 1;    ///< threads writing a new index's segments
  std::size_t segment_docs = kSegmentDocs;  ///< documents per segment generation (segments.h)
  bool in_place = false;      ///< a new index too is written in place, searchable at every commit
};

class IndexWriter {
 public:
  virtual ~IndexWriter() = default;

  /// The analyzer of the index's stemmer: documents for this index are built with it.
  virtual const Analyzer& analyzer() const = 0;

  /// Whether the index holds `id` with content hash `hash` already.
  virtual bool unchanged(const std::string& id, const std::string& hash) = 0;

  /// Adds or replaces the document; returns true when it replaced one with the same id.
  virtual bool add(const Article& a, Xapian::Document doc) = 0;

  /// The duplicate-cluster key of the indexed document most similar to `doc` (a MinHash estimate of at
  /// least kNearDuplicate, dedup.h), other than an older version of `id`; empty when there is none.
  virtual std::string near_duplicate_key(const Xapian::Document& doc, const std::string& id) = 0;

  /// Deletes the document with id `id`; false when there is none.
  virtual bool remove(const std::string& id) = 0;

  /// Deletes the documents read from files under input root `root` (absolute path) whose file no longer
  /// exists. Documents from other roots and from stdin are never touched. Returns how many were deleted.
  virtual std::size_t prune(const std::string& root) = 0;

  /// Makes everything added so far durable: commits, or for a new index built in segments, merges them
  /// into the index. Without it, the index is left at its last commit (nothing, for a new index).
  virtual void finish() = 0;
};

/// Opens the index at `path` for writing. An index that does not exist yet (a missing or empty directory)
/// is built in segments (SegmentedWriter) by `options.writers` threads and appears at finish(), unless
/// `options.in_place`; otherwise it is written in place (InPlaceWriter, which creates it if needed).
/// `stemmer` names the stemmer for a new index; for an existing one it must be empty or equal the stemmer
/// recorded in it (UsageError otherwise). `options.shards` > 0 makes a new index sharded (shards.h); an
/// existing sharded index keeps its own shard count, unless `options.shards` contradicts it (UsageError).
/// Throws IndexError when the index is locked by another writer or cannot be opened or created.
std::unique_ptr<IndexWriter> open_writer(const std::string& path, const std::string& stemmer,
                                         const WriterOptions& options = {});

}  // namespace bahth
