// The stored text of every document (schema.h, "Stored article") compressed with zstd and a dictionary
// trained on the index's own articles, and read back in one place whatever its form:
//   data starting with '{'    compact JSON, as a run too small to train a dictionary stores it (and
//                             indexes built before compression did): returned as is;
//   a zstd frame              decompressed with the dictionary whose id the frame names, which the index
//                             keeps in its metadata (schema::kMetaDictionaryPrefix + id).
// Why a dictionary: one article is a few kilobytes, too little for a compressor to learn Arabic news from;
// a dictionary of the corpus's own phrases, sources and JSON keys does that once. On the 77k benchmark
// corpus (229.7 MB of JSON): glass's per-document zlib 90.5 MB, zstd without a dictionary 98.8 MB, zstd
// with a dictionary trained here 71.9 MB; the docdata table (docdata.glass) went from 98.6 to 76.9 MB
// (since schema 4 the stored article is a value, in the postlist table: schema::kSlotStored).
//
// It does not decide when a run trains (the writers do: DictionaryTrainer collects their first articles)
// and opens no database: a DataDecoder asks a DictionaryLookup for the bytes of a dictionary it has not
// seen, and the searcher's and the writers' lookups read every shard's metadata.
//
// Example:
//   DictionaryTrainer trainer;
//   for (...) trainer.add(stored_data(article));            // the first kDictionarySamples documents
//   std::string dict = trainer.train();                       // empty: too few samples, keep JSON
//   DataCompressor zstd(dict);
//   db.set_metadata(dictionary_key(zstd.id()), dict);
//   set_stored_form(doc, zstd.compress(stored_data(article)));   // document.h
//   DataDecoder decoder("/idx", [&](std::uint32_t id) { return db.get_metadata(dictionary_key(id)); });
//   decoder.decode(stored_form(doc));                         // the JSON again
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

struct ZSTD_CDict_s;
struct ZSTD_DDict_s;

namespace bahth {

// Measured on the 77k benchmark corpus's stored data (229.7 MB of JSON; sizes include the dictionary;
// training on the first N articles in input order, all ANT news, while the corpus also holds other sources):
//   N (110 KB dictionary)   200: 74.3 MB (0.3 s), 500: 73.9 MB (0.3 s to train), 1000: 72.5 (0.7 s), 2000: 71.9 (0.8 s),
//                           4000: 71.6 (0.8 s), 8000: 70.9 (2.7 s)
//   dictionary (N = 4000)   64 KB: 71.7 MB, 110 KB: 71.6 MB, 256 KB: 70.4 MB (3.8 s to train, slower to
//                           compress), 1 MB: 71.9 MB (no gain at level 3; at level 6, below)
//   level (N = 2000)        3: 71.9 MB, 0.045 ms a document; 5: 76.3 MB; 7: 70.3 MB, 0.16 ms a document
// The first N documents of a new index wait in memory until the dictionary exists (segmented_writer.h), so
// N stays small: past 2,000 a dictionary gains under 0.5%.
// Level and dictionary size again (2026-12-06, ZDICT_trainFromBuffer on 2,000 articles, 3,000 others
// compressed one by one; compressed ÷ raw for the benchmark's real articles / bench-scale's recombined ones):
//   110 KB: level 3 0.325 / 0.318 (111–141 MB/s), 6: 0.316 / 0.319, 7: 0.313 / 0.315
//   1 MB:   level 3 0.323 / 0.309, 4: 0.319 / 0.304, 6: 0.302 / 0.293 (20–49 MB/s), 7: 0.295 / 0.281 (16–36 MB/s)
// Level 6 with 1 MB: 7% smaller than level 3 with 110 KB on real articles, 8% on the 1M corpus (the stored
// text is a fifth of an index), for a 77k build 1.04× the time (3 interleaved pairs); a deeper level
// (7: 1.5× the compression time again) costs the build more than it saves.
// Level 6's matcher, then tuned (2026-12-07: every stored article of the 77k benchmark index, 230 MB,
// compressed one by one on one thread with the index's 1 MB dictionary; the 1M index's first 80,000):
//   level 4 (dfast)                     1.29 s, 70.5 MB   1M: 1.31 s, 70.3 MB
//   level 6 (lazy, min. match 5)        4.41 s, 67.1 MB   1M: 4.53 s, 67.8 MB
//   greedy, min. match 6, search 3      2.35 s, 67.4 MB   1M: 2.77 s, 67.1 MB   <- DataCompressor
//   greedy, min. match 6, search 4      2.78 s, 66.0 MB   1M: 3.16 s, 65.3 MB
//   lazy, min. match 6, search 3        4.32 s, 64.5 MB
// An Arabic letter is two bytes: matches shorter than three letters cost the search more than they save.
// Greedy with 6-byte matches keeps level 6's size at about half its time (compression was a sixth of the
// index writers' time in a 77k build: perf, 2026-12-07).
/// Documents whose stored data a run trains its dictionary on: the first ones it writes.
inline constexpr std::size_t kDictionarySamples = 2000;
/// Fewer documents than this in a run that would train: no dictionary, the data stays JSON. 200 articles
/// train a dictionary within 4% of 2,000's (above); fewer were not measured, and a small index has little
/// to gain (corpus/'s 5 articles stay JSON).
inline constexpr std::size_t kDictionaryMinSamples = 200;
/// Largest dictionary trained, in bytes (2,000 benchmark articles fill it; fewer may leave it smaller).
inline constexpr std::size_t kDictionaryBytes = 1048576;

/// The metadata key of the dictionary with zstd id `id`: schema::kMetaDictionaryPrefix + decimal id.
std::string dictionary_key(std::uint32_t id);

/// Whether `data` is a zstd frame (as opposed to the JSON of an older index).
bool is_compressed(std::string_view data);

/// Collects the stored data of a run's first documents and trains a dictionary on them. Training is
/// deterministic: the same samples in the same order give the same dictionary, byte for byte (a build
/// killed and run again writes what a clean build writes).
class DictionaryTrainer {
 public:
  /// Adds one sample, unless the trainer already has kDictionarySamples. Returns whether it has that many now.
  bool add(std::string data);
  std::size_t size() const { return samples_.size(); }
  bool full() const { return samples_.size() >= kDictionarySamples; }
  /// The dictionary of the samples; empty when they are fewer than kDictionaryMinSamples or zstd cannot
  /// train on them (then the data stays JSON). The samples are kept.
  std::string train() const;

 private:
  std::vector<std::string> samples_;
};

/// Compresses stored data with one dictionary. Thread-safe: each thread compresses with its own context.
class DataCompressor {
 public:
  /// Throws IndexError when `dictionary` is not a zstd dictionary.
  explicit DataCompressor(const std::string& dictionary);
  ~DataCompressor();
  DataCompressor(const DataCompressor&) = delete;
  DataCompressor& operator=(const DataCompressor&) = delete;

  /// The zstd id of the dictionary, which every frame names.
  std::uint32_t id() const { return id_; }
  /// A zstd frame of `data`, naming the dictionary.
  std::string compress(std::string_view data) const;

 private:
  ZSTD_CDict_s* cdict_ = nullptr;
  std::uint32_t id_ = 0;
};

/// Where a DataDecoder finds a dictionary: the bytes stored under dictionary_key(id), empty when the index
/// holds none. May throw (IndexError).
using DictionaryLookup = std::function<std::string(std::uint32_t id)>;

/// Reads stored data back to its JSON. Thread-safe; a dictionary is looked up once, on first use.
class DataDecoder {
 public:
  /// `index` names the index in errors.
  DataDecoder(std::string index, DictionaryLookup lookup);
  ~DataDecoder();
  DataDecoder(const DataDecoder&) = delete;
  DataDecoder& operator=(const DataDecoder&) = delete;

  /// The JSON of `data`: JSON (an older index) as it is; a zstd frame decompressed. Throws IndexError
  /// naming the index when the frame's dictionary is missing (a shard of another build, a copied
  /// document) or the frame is damaged; never returns garbage.
  std::string decode(const std::string& data) const;

 private:
  const ZSTD_DDict_s* dictionary(std::uint32_t id) const;

  std::string index_;
  DictionaryLookup lookup_;
  mutable std::mutex mu_;
  mutable std::map<std::uint32_t, ZSTD_DDict_s*> dicts_;
};

}  // namespace bahth
