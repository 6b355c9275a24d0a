// A new index built in parallel segments and merged once at the end, instead of one database growing
// document by document.
//
//   documents ──route by id hash──▶ writer thread w ──▶ segment (shard s, writer w, generation g),
//                                                       flushed often, a new generation every kSegmentDocs
//   finish():   per shard, Xapian::Database::compact of all its segments ──▶ <index>.building.<pid>/index
//               ──rename──▶ <index>
//
// Why: a Xapian B-tree that stays small is cheap to insert into (every flush rereads and rewrites the last
// postlist chunk of each term it touches, so the cost of a flush grows with the segment), two writers use
// both cores, and compaction writes every block full (a bulk-built index is about half the size of one
// grown in place). The price: nothing is searchable until the run ends, and an interrupted run leaves no
// index (its segments are removed by the next run). SegmentedWriter (segmented_writer.h) uses this for an
// index that does not exist yet. Documents are routed by a hash of their id, so a repeated id reaches the same writer, which replaces
// it in its open segment or, when an earlier generation holds it, deletes it there before the merge.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "index/stored_codec.h"

namespace bahth {

/// Documents a writer puts in one segment before it starts the next: each flush costs more as its segment
/// grows. 300,000 recombined news articles (scripts/make-scale-corpus.sh) built in 465 s with one segment
/// per writer, in 398 s with a new one every 20,000 documents (and a 3% larger index: compaction keeps
/// each segment's postlist chunks).
inline constexpr std::size_t kSegmentDocs = 20000;

class SegmentBuilder {
 public:
  /// Starts `writers` threads writing into segments under a building directory beside `target` (which
  /// must not exist, or be an empty directory); a sharded result (`shards` > 1) has the layout of shards.h.
  /// `metadata` is set in every segment (and so in the result). `segment_docs`: documents per generation
  /// (at least 1; tests make many generations from a small input with a small value). Removes building
  /// directories left by dead processes.
  SegmentBuilder(const std::filesystem::path& target, std::size_t shards, std::size_t writers,
                 const std::vector<std::pair<std::string, std::string>>& metadata,
                 std::size_t segment_docs = kSegmentDocs);
  /// Without finish(): stops the writers and removes everything written; `target` is untouched.
  ~SegmentBuilder();
  SegmentBuilder(const SegmentBuilder&) = delete;
  SegmentBuilder& operator=(const SegmentBuilder&) = delete;

  /// Queues `doc` for the shard and writer chosen by `id_hash`, replacing a document with term `idterm`;
  /// with `zstd`, the writer thread compresses the document's data with it first (stored_codec.h), off
  /// the caller's thread. Waits while that writer is far behind. Throws IndexError when a writer failed.
  void replace(std::uint64_t id_hash, std::string idterm, Xapian::Document doc,
               std::shared_ptr<const DataCompressor> zstd = nullptr);
  /// Sets metadata `key` in every segment, open and to come (and so in the result), in queue order.
  void set_metadata(const std::string& key, const std::string& value);
  /// Queues the deletion of the document with term `idterm` (routed like replace()).
  void remove(std::uint64_t id_hash, std::string idterm);

  /// Waits for the writers, compacts each shard's segments and renames the result to `target`. Throws
  /// IndexError when a writer failed or `target` appeared meanwhile; `target` is then untouched.
  void finish();

  /// The building directory of `target`, for a process id.
  static std::filesystem::path building_dir(const std::filesystem::path& target, long pid);

 private:
  struct Item {
    std::size_t shard = 0;
    std::string idterm;  // for Kind::metadata: the key
    Xapian::Document doc;
    enum class Kind { replace, remove, metadata, stop } kind = Kind::replace;
    std::shared_ptr<const DataCompressor> zstd = nullptr;  // compresses the data of a replace
    std::string value = {};  // of a metadata item
  };
  struct Writer {
    std::size_t id = 0;
    std::vector<std::pair<std::string, std::string>> metadata;  // set in each segment it opens
    std::vector<std::vector<std::string>> paths;  // per shard: one segment per generation, the last one open
    std::vector<Xapian::WritableDatabase> dbs;    // the open generation, one per shard
    std::deque<Item> queue;
    std::thread thread;
  };

  void push(std::uint64_t id_hash, Item item);
  void run(Writer& w);
  void open_generation(Writer& w);
  void stop(bool abort);

  std::filesystem::path target_, dir_;
  std::size_t segment_docs_;  // documents per generation
  std::size_t shards_;
  std::vector<Writer> writers_;
  std::mutex mu_;
  std::condition_variable queued_, taken_;
  bool abort_ = false, stopped_ = false, finished_ = false;
  std::exception_ptr error_;
};

}  // namespace bahth
