#include "index/segmented_writer.h"

#include <filesystem>

#include "index/document.h"
#include "index/schema.h"
#include "index/shards.h"
#include "text/stemmer.h"

namespace bahth {

namespace {

// Where a new index goes: `path` made absolute, without a trailing separator.
std::filesystem::path target_path(const std::string& path) {
  std::filesystem::path p = std::filesystem::absolute(path).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  return p;
}

}  // namespace

SegmentedWriter::SegmentedWriter(const std::string& path, const std::string& stemmer, const WriterOptions& options) {
  const std::string use = !stemmer.empty() ? stemmer : default_stemmer_name();
  analyzer_ = std::make_unique<Analyzer>(use);
  segments_ = std::make_unique<SegmentBuilder>(
      target_path(path), options.shards, options.writers,
      std::vector<std::pair<std::string, std::string>>{{schema::kMetaStemmer, use},
                                                       {schema::kMetaSchema, schema::kSchemaVersion}},
      options.segment_docs);
}

SegmentedWriter::~SegmentedWriter() = default;

bool SegmentedWriter::unchanged(const std::string& id, const std::string& hash) {
  auto it = added_.find(id_hash(id));
  return it != added_.end() && it->second.hash == hash;
}

bool SegmentedWriter::remove(const std::string& id) {
  auto it = added_.find(id_hash(id));
  if (it == added_.end()) return false;
  near_.forget(it->second.entry);
  if (sampling_) waiting_.push_back(Waiting{it->first, schema::kId + id, {}, true});
  else segments_->remove(it->first, schema::kId + id);
  added_.erase(it);
  return true;
}

std::size_t SegmentedWriter::prune(const std::string&) { return 0; }

std::string SegmentedWriter::near_duplicate_key(const Xapian::Document& doc, const std::string& id) {
  const std::string minhash = doc.get_value(schema::kSlotMinHash);
  if (minhash.empty()) return {};
  const std::size_t n = near_.nearest(minhash, id_hash(id));
  return n == NearDuplicateMemory::npos ? std::string() : keys_[n];
}

bool SegmentedWriter::add(const Article& a, Xapian::Document doc) {
  const std::uint64_t h = id_hash(a.id);
  auto [it, fresh] = added_.try_emplace(h);
  if (!fresh) near_.forget(it->second.entry);
  it->second.hash = doc.get_value(schema::kSlotHash);
  it->second.entry = near_.add(doc.get_value(schema::kSlotMinHash), h);
  keys_.push_back(doc.get_value(schema::kSlotDuplicate));
  if (!sampling_) {
    segments_->replace(h, schema::kId + a.id, std::move(doc), zstd_);
    return !fresh;
  }
  const bool full = trainer_.add(stored_form(doc));
  waiting_.push_back(Waiting{h, schema::kId + a.id, std::move(doc), false});
  if (full) start_compressing();
  return !fresh;
}

void SegmentedWriter::start_compressing() {
  sampling_ = false;
  const std::string dict = trainer_.train();
  trainer_ = DictionaryTrainer();
  if (!dict.empty()) {
    zstd_ = std::make_shared<const DataCompressor>(dict);
    segments_->set_metadata(dictionary_key(zstd_->id()), dict);
    segments_->set_metadata(schema::kMetaDictionary, std::to_string(zstd_->id()));
  }
  for (Waiting& w : waiting_) {
    if (w.remove) segments_->remove(w.hash, std::move(w.idterm));
    else segments_->replace(w.hash, std::move(w.idterm), std::move(w.doc), zstd_);
  }
  std::vector<Waiting>().swap(waiting_);
}

void SegmentedWriter::finish() {
  if (sampling_) start_compressing();
  segments_->finish();
}

}  // namespace bahth
