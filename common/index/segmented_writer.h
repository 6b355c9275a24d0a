// A new index written by SegmentBuilder (segments.h): documents go to parallel writer threads and the index
// appears whole at finish(). The index cannot be asked anything before then, so this writer remembers what
// the run has added: each id's content hash (unchanged), and every document's MinHash in a
// NearDuplicateMemory (dedup.h), which finds the same near copies in the same order as the in-place
// writer's index lookup.
//
// The stored data is compressed with a dictionary trained on the run's first kDictionarySamples documents
// (stored_codec.h): those wait here, with the removals queued among them, until the dictionary exists (or
// finish() for a smaller run), then everything goes to the builder, whose writer threads compress. Waiting
// costs memory (the documents, their terms and positions: peak memory 242 → 292 MB on the 77k benchmark
// corpus), not time. A run of fewer than kDictionaryMinSamples documents stores JSON.
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
#include "index/stored_codec.h"
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
  struct Waiting {  // a change made while the dictionary is being sampled
    std::uint64_t hash;
    std::string idterm;
    Xapian::Document doc;
    bool remove;
  };
  void start_compressing();  // trains the dictionary on the samples, sends what waits to the builder

  struct Added {
    std::string hash;       // content hash
    std::size_t entry = 0;  // in near_
  };

  std::unique_ptr<Analyzer> analyzer_;
  std::unique_ptr<SegmentBuilder> segments_;
  std::unordered_map<std::uint64_t, Added> added_;  // what this run has added, by id_hash(id)
  NearDuplicateMemory near_;
  std::vector<std::string> keys_;  // by near_ entry: the document's duplicate-cluster key
  DictionaryTrainer trainer_;
  bool sampling_ = true;  // documents wait in waiting_ while the trainer collects their data
  std::vector<Waiting> waiting_;
  std::shared_ptr<const DataCompressor> zstd_;  // null: store JSON
};

}  // namespace bahth
