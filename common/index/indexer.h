// Writing articles into a Xapian index: one writer, documents (built by document.h) replaced by their id
// term so re-indexing the same input never duplicates, explicit commits so errors surface. A new index is
// built in parallel segments instead (segments.h) and appears whole at the end.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include "text/analyzer.h"
#include "ingest/article.h"
#include "index/dedup.h"
#include "index/document.h"
#include "index/segments.h"

namespace bahth {

/// What `--dry-run --json` prints for one article: what would be stored, without touching any index.
nlohmann::ordered_json describe_document(const Article& a, const Xapian::Document& doc);

struct WriterOptions {
  std::size_t shards = 0;     ///< >0: a new index is split into this many shards
  std::size_t batch = 10000;  ///< documents per commit
  std::size_t writers = 1;    ///< threads writing a new index's segments
  std::size_t segment_docs = kSegmentDocs;  ///< documents per segment generation (segments.h)
  bool in_place = false;      ///< a new index too is written in place, searchable at every commit
};

class IndexWriter {
 public:
  /// Opens (creating if needed) the index at `path`. `stemmer` names the stemmer for a new index; for an
  /// existing one it must be empty or equal the stemmer recorded in it (UsageError otherwise).
  /// `options.shards` > 0 creates a sharded index (shards.h): `path`/shard0 ... shardN-1 and a stub listing
  /// them, documents routed by a hash of their id (so an update finds its shard); an existing sharded index is opened with
  /// its own shard count whatever it says, unless that contradicts it (UsageError).
  /// Throws IndexError when the index is locked by another writer or cannot be opened.
  /// An index that does not exist yet is built in segments (segments.h) by `options.writers` threads and
  /// appears at finish(), unless `options.in_place`.
  IndexWriter(const std::string& path, const std::string& stemmer, const WriterOptions& options = {});
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  const Analyzer& analyzer() const { return *analyzer_; }

  /// Whether the index holds `id` with content hash `hash` already.
  bool unchanged(const std::string& id, const std::string& hash);

  /// Adds or replaces the document; returns true when it replaced one with the same id.
  bool add(const Article& a, Xapian::Document doc);

  /// The duplicate-cluster key of the indexed document most similar to `doc` (a MinHash estimate of at
  /// least kNearDuplicate, dedup.h), other than an older version of `id`; empty when there is none.
  std::string near_duplicate_key(const Xapian::Document& doc, const std::string& id);

  /// Deletes the document with id `id`; false when there is none.
  bool remove(const std::string& id);

  /// Deletes the documents read from files under input root `root` (absolute path) whose file no longer
  /// exists. Documents from other roots and from stdin are never touched. Returns how many were deleted.
  std::size_t prune(const std::string& root);

  /// Makes everything added so far durable: commits, or for a new index built in segments, merges them
  /// into the index. Without it, the index is left at its last commit (nothing, for a new index).
  void finish();

 private:
  Xapian::WritableDatabase& shard_for(const std::string& id);
  void count_change();
  void commit();

  std::string path_;
  std::vector<Xapian::WritableDatabase> shards_;  // one for an ordinary index; none while building segments
  std::unique_ptr<Analyzer> analyzer_;
  std::size_t batch_ = 10000;
  std::size_t pending_ = 0;

  // A new index built in segments: the builder, and what this run has added (the index cannot be asked).
  struct Added {
    std::string hash;        // content hash
    std::size_t entry = 0;   // in near_
  };
  std::unique_ptr<SegmentBuilder> segments_;
  std::unordered_map<std::uint64_t, Added> added_;  // by fnv1a64(id)
  NearDuplicateMemory near_;
  std::vector<std::string> keys_;  // by near_ entry: the document's duplicate-cluster key
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
  std::size_t threads = 1;    ///< >1: analysis on threads-1 workers while this thread reads and writes;
                              ///< a new index is written by this many segment writers
  std::size_t segment_docs = kSegmentDocs;  ///< a new index: documents per segment generation (segments.h)
  bool prune = false;         ///< delete documents whose source file no longer exists under the inputs
  std::size_t shards = 0;     ///< >0: a new index is split into this many shards (IndexWriter)
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
