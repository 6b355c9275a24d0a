#include "index/stored_codec.h"

#include <algorithm>

#include <zdict.h>
#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_createCDict_advanced: a CDict with chosen parameters, not a level
#include <zstd.h>

#include "base/errors.h"
#include "index/schema.h"

namespace bahth {

namespace {

constexpr unsigned char kMagic[4] = {0x28, 0xb5, 0x2f, 0xfd};  // ZSTD_MAGICNUMBER, little-endian

// One compression and one decompression context per thread: contexts are not thread-safe, dictionaries
// (CDict, DDict) are, and a context is expensive to make per document.
struct Contexts {
  ZSTD_CCtx* c = ZSTD_createCCtx();
  ZSTD_DCtx* d = ZSTD_createDCtx();
  ~Contexts() {
    ZSTD_freeCCtx(c);
    ZSTD_freeDCtx(d);
  }
};
Contexts& contexts() {
  thread_local Contexts ctx;
  return ctx;
}

}  // namespace

std::string dictionary_key(std::uint32_t id) { return schema::kMetaDictionaryPrefix + std::to_string(id); }

bool is_compressed(std::string_view data) {
  return data.size() >= 4 && std::equal(kMagic, kMagic + 4, reinterpret_cast<const unsigned char*>(data.data()));
}

bool DictionaryTrainer::add(std::string data) {
  if (!full()) samples_.push_back(std::move(data));
  return full();
}

std::string DictionaryTrainer::train() const {
  if (samples_.size() < kDictionaryMinSamples) return {};
  std::string joined;
  std::vector<std::size_t> sizes;
  sizes.reserve(samples_.size());
  for (const std::string& s : samples_) {
    joined += s;
    sizes.push_back(s.size());
  }
  // ZDICT_trainFromBuffer: fastCover on one thread with fixed parameters, so the same samples always give
  // the same dictionary (and its id is a hash of its content).
  std::string dict(kDictionaryBytes, '\0');
  const std::size_t n = ZDICT_trainFromBuffer(dict.data(), dict.size(), joined.data(), sizes.data(),
                                              static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(n)) return {};
  dict.resize(n);
  return dict;
}

DataCompressor::DataCompressor(const std::string& dictionary) {
  id_ = ZDICT_getDictID(dictionary.data(), dictionary.size());
  // Level 6's tables (window, chain, hash, search) with a greedy matcher and 6-byte matches (stored_codec.h).
  const ZSTD_compressionParameters p{/*windowLog*/ 21, /*chainLog*/ 18, /*hashLog*/ 19, /*searchLog*/ 3,
                                     /*minMatch*/ 6, /*targetLength*/ 4, ZSTD_greedy};
  if (id_ != 0)
    cdict_ = ZSTD_createCDict_advanced(dictionary.data(), dictionary.size(), ZSTD_dlm_byCopy, ZSTD_dct_auto, p,
                                       ZSTD_defaultCMem);
  if (!cdict_) throw IndexError("a compression dictionary of " + std::to_string(dictionary.size()) +
                                " bytes is not a zstd dictionary");
}

DataCompressor::~DataCompressor() { ZSTD_freeCDict(cdict_); }

std::string DataCompressor::compress(std::string_view data) const {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const std::size_t n = ZSTD_compress_usingCDict(contexts().c, out.data(), out.size(), data.data(), data.size(), cdict_);
  if (ZSTD_isError(n)) throw IndexError(std::string("zstd cannot compress a document: ") + ZSTD_getErrorName(n));
  out.resize(n);
  return out;
}

DataDecoder::DataDecoder(std::string index, DictionaryLookup lookup) : index_(std::move(index)), lookup_(std::move(lookup)) {}

DataDecoder::~DataDecoder() {
  for (auto& [id, d] : dicts_) ZSTD_freeDDict(d);
}

const ZSTD_DDict_s* DataDecoder::dictionary(std::uint32_t id) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = dicts_.find(id);
  if (it != dicts_.end()) return it->second;
  const std::string bytes = id == 0 ? std::string() : lookup_(id);
  if (bytes.empty())
    throw IndexError("index " + index_ + ": a document's data is compressed with dictionary " + std::to_string(id) +
                     ", which the index does not hold (no metadata " + dictionary_key(id) +
                     "): was a shard copied from another index? Rebuild the index");
  ZSTD_DDict* d = ZDICT_getDictID(bytes.data(), bytes.size()) == id ? ZSTD_createDDict(bytes.data(), bytes.size()) : nullptr;
  if (!d)
    throw IndexError("index " + index_ + ": metadata " + dictionary_key(id) + " is not the zstd dictionary " +
                     std::to_string(id) + "; rebuild the index");
  dicts_.emplace(id, d);
  return d;
}

std::string DataDecoder::decode(const std::string& data) const {
  if (!is_compressed(data)) return data;
  const ZSTD_DDict* dict = dictionary(ZSTD_getDictID_fromFrame(data.data(), data.size()));
  const unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
  const char* damaged = nullptr;
  std::string out;
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31)) {
    damaged = "its frame header is damaged";
  } else {
    out.resize(static_cast<std::size_t>(size));
    const std::size_t n = ZSTD_decompress_usingDDict(contexts().d, out.data(), out.size(), data.data(), data.size(), dict);
    if (ZSTD_isError(n)) damaged = ZSTD_getErrorName(n);
    else if (n != out.size()) damaged = "it is shorter than its header says";
  }
  if (damaged) throw IndexError("index " + index_ + ": a document's compressed data cannot be read (" + damaged + ")");
  return out;
}

}  // namespace bahth
