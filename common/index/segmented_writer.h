// A new index written by SegmentBuilder (segments.h): documents go to parallel writer threads and the index
// appears whole at finish(). The index cannot be asked anything before then, so this writer remembers what
// the run has added: each id's content hash (unchanged), and every document's MinHash in a
// NearDuplicateMemory (dedup.h), which finds the same near copies in the same order as the in-place
// writer's index lookup.
//
// It does not build documents (document.h) and is used by one thread (the builder has its own);
// open_writer() (writer.h) decides when it is the writer to use. Its memory grows with the documents
// added (their content hashes, cluster keys and MinHash signatures).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "index/dedup.h"
#include "index/segments.h"
#include "index/writer.h"

namespace bahth {

class SegmentedWriter final : public IndexWriter {
 public:
  /// Starts building a new index at `path` (which must not exist, or be an empty directory) with
  /// `options.writers` writer threads, `options.shards` shards and `options.segment_docs` documents per
  /// segment generation; `stemmer` empty: the default one. Throws IndexError when the building directory
  /// cannot be created.
  SegmentedWriter(const std::string& path, const std::string& stemmer, const WriterOptions& options);
  /// Without finish(): the building directory is removed and `path` is untouched.
  ~SegmentedWriter() override;
  SegmentedWriter(const SegmentedWriter&) = delete;
  SegmentedWriter& operator=(const SegmentedWriter&) = delete;

  const Analyzer& analyzer() const override { return *analyzer_; }
  bool unchanged(const std::string& id, const std::string& hash) override;
  bool add(const Article& a, Xapian::Document doc) override;
  std::string near_duplicate_key(const Xapian::Document& doc, const std::string& id) override;
  bool remove(const std::string& id) override;
  /// Nothing to prune: a new index holds only what this run has just read. Returns 0.
  std::size_t prune(const std::string& root) override;
  void finish() override;

 private:
  struct Added {
    std::string hash;       // content hash
    std::size_t entry = 0;  // in near_
  };

  std::unique_ptr<Analyzer> analyzer_;
  std::unique_ptr<SegmentBuilder> segments_;
  std::unordered_map<std::uint64_t, Added> added_;  // what this run has added, by id_hash(id)
  NearDuplicateMemory near_;
  std::vector<std::string> keys_;  // by near_ entry: the document's duplicate-cluster key
};

}  // namespace bahth
