// An index written in place: every change goes straight into the database(s), inside a transaction that
// commit() closes every `batch` changes, so the index is searchable at every commit and a run that fails
// or is killed leaves it exactly at its last commit. Lookups (unchanged documents, files to prune) ask the
// index itself; near copies are looked up among the signatures the index holds (schema::kSlotMinHash), read
// into a NearDuplicateMemory (dedup.h) at a run's first lookup and kept up to date by its changes. This is how every run after the first updates an index, and how a new one
// is built with --in-place.
//
// Stored data is compressed (stored_codec.h) with the index's newest dictionary (schema::kMetaDictionary),
// on the calling thread. An index without one (built before, or too small) trains one from the first
// kDictionarySamples documents of a run that writes at least kDictionaryMinSamples (fewer at the end of a
// smaller run); those first documents are written as JSON, then rewritten compressed when the dictionary
// is made, inside the same transaction as the dictionary: an index built --in-place stores exactly what a
// segmented build stores, and a run killed at any moment leaves each document readable. Older documents
// keep the form they had.
//
// It does not build documents (document.h) and is used by one thread (Xapian handles are not
// thread-safe); open_writer() (writer.h) decides when it is the writer to use.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "index/dedup.h"
#include "index/stored_codec.h"
#include "index/writer.h"

namespace bahth {

class InPlaceWriter final : public IndexWriter {
 public:
  /// Opens (creating if needed) the index at `path`, ordinary or sharded (shards.h), and starts a
  /// transaction in every shard. `options.shards` > 1 creates a new sharded index; `options.batch` is the
  /// number of changes per commit. Throws UsageError when `stemmer` or `options.shards` contradicts the
  /// existing index, IndexError when it is locked by another writer or cannot be opened or created.
  InPlaceWriter(const std::string& path, const std::string& stemmer, const WriterOptions& options);
  /// Without finish(): closes the shards, which aborts the open transaction.
  ~InPlaceWriter() override;
  InPlaceWriter(const InPlaceWriter&) = delete;
  InPlaceWriter& operator=(const InPlaceWriter&) = delete;

  const Analyzer& analyzer() const override { return *analyzer_; }
  bool unchanged(const std::string& id, const std::string& hash) override;
  bool add(const Article& a, Xapian::Document doc) override;
  std::string near_duplicate_key(const Xapian::Document& doc, const std::string& id) override;
  bool remove(const std::string& id) override;
  std::size_t prune(const std::string& root) override;
  void finish() override;

 private:
  Xapian::WritableDatabase& shard_for(const std::string& id);
  void count_change();
  void commit();
  void use_newest_dictionary();
  void compress(std::size_t shard, const std::string& idterm, Xapian::Document& doc);
  void start_compressing();
  void read_near_copies();
  void remember(std::uint64_t self, const std::string& minhash, const std::string& key);
  void forget(std::uint64_t self);

  std::string path_;
  std::vector<Xapian::WritableDatabase> shards_;  // one for an ordinary index
  std::unique_ptr<Analyzer> analyzer_;
  std::size_t batch_ = 10000;
  std::size_t pending_ = 0;  // changes since the last commit
  std::unique_ptr<DataDecoder> decoder_;
  std::shared_ptr<const DataCompressor> zstd_;  // null: JSON, while sampling or for a small run
  bool sampling_ = false;
  DictionaryTrainer trainer_;
  std::vector<std::pair<std::size_t, std::string>> sampled_;  // shard and id term of each sample's document
  // The index's near-copy signatures, once a lookup has read them: by number, each document's duplicate key,
  // and the number of each id's document (by id_hash).
  bool near_read_ = false;
  NearDuplicateMemory near_;
  std::vector<std::string> near_keys_;
  std::unordered_map<std::uint64_t, std::size_t> near_of_;
};

}  // namespace bahth
