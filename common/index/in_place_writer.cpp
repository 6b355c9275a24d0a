#include "index/in_place_writer.h"

#include <algorithm>
#include <filesystem>

#include "index/dedup.h"
#include "index/document.h"
#include "index/schema.h"
#include "index/schema_check.h"
#include "index/shards.h"
#include "index/xapian_errors.h"
#include "text/stemmer.h"

namespace bahth {

namespace fs = std::filesystem;

InPlaceWriter::InPlaceWriter(const std::string& path, const std::string& stemmer, const WriterOptions& options)
    : path_(path), batch_(std::max<std::size_t>(1, options.batch)) {
  const std::size_t shards = options.shards;
  std::vector<std::string> paths = stub_shards(path);
  std::error_code ec;
  const bool exists = fs::exists(fs::path(path) / "iamglass", ec) || !paths.empty();
  if (shards > 0 && exists && paths.size() != shards)
    throw UsageError("index " + path + " has " + std::to_string(std::max<std::size_t>(1, paths.size())) +
                     " shard(s), not " + std::to_string(shards) + "; build a new index to change that");
  if (paths.empty() && shards > 1) {
    // A new sharded index: the shard directories first, the stub last, so a half-made one is never opened.
    fs::create_directories(path, ec);
    if (ec) throw IndexError("cannot create index directory " + path + ": " + ec.message());
    for (std::size_t i = 0; i < shards; ++i) paths.push_back((fs::path(path) / shard_name(i)).string());
    with_index_errors(path, [&] {
      for (const auto& p : paths) Xapian::WritableDatabase(p, Xapian::DB_CREATE_OR_OPEN).close();
    });
    write_stub(path, shards);
  }
  if (paths.empty()) paths.push_back(path);
  for (const auto& p : paths) {
    with_index_errors(p, [&] { shards_.emplace_back(p, Xapian::DB_CREATE_OR_OPEN); });
    with_index_errors(p, [&] { check_schema(shards_.back(), path); });
  }

  const std::string recorded = shards_.front().get_metadata(schema::kMetaStemmer);
  if (!recorded.empty() && !stemmer.empty() && stemmer != recorded)
    throw UsageError("index " + path + " was built with stemmer '" + recorded + "', not '" + stemmer +
                     "'; build a new index to change it");
  const std::string use = !recorded.empty() ? recorded : !stemmer.empty() ? stemmer : default_stemmer_name();
  analyzer_ = std::make_unique<Analyzer>(use);
  with_index_errors(path, [&] {
    for (auto& db : shards_) {
      db.begin_transaction();
      if (recorded.empty()) {
        db.set_metadata(schema::kMetaStemmer, use);
        db.set_metadata(schema::kMetaSchema, schema::kSchemaVersion);
      }
    }
  });
  decoder_ = std::make_unique<DataDecoder>(path, [this](std::uint32_t id) {
    return with_index_errors(path_, [&] {
      for (auto& db : shards_) {
        if (std::string dict = db.get_metadata(dictionary_key(id)); !dict.empty()) return dict;
      }
      return std::string();
    });
  });
  use_newest_dictionary();
}

// The dictionary named by the first shard that names one. Every shard gets it (in the open transaction):
// a run killed between two shards' commits of a newly trained dictionary leaves it in some shards only.
void InPlaceWriter::use_newest_dictionary() {
  with_index_errors(path_, [&] {
    std::string id;
    for (auto& db : shards_) {
      if (id.empty()) id = db.get_metadata(schema::kMetaDictionary);
    }
    std::string dict;
    for (auto& db : shards_) {
      if (dict.empty() && !id.empty()) dict = db.get_metadata(schema::kMetaDictionaryPrefix + id);
    }
    if (dict.empty()) {
      sampling_ = true;
      return;
    }
    zstd_ = std::make_shared<const DataCompressor>(dict);
    for (auto& db : shards_) {
      if (db.get_metadata(schema::kMetaDictionary) != id) db.set_metadata(schema::kMetaDictionary, id);
      if (db.get_metadata(schema::kMetaDictionaryPrefix + id).empty()) db.set_metadata(schema::kMetaDictionaryPrefix + id, dict);
    }
  });
}

// Compresses the data of `doc`, about to go into shard `shard` under `idterm`; while sampling, it stays
// JSON and becomes a sample.
void InPlaceWriter::compress(std::size_t shard, const std::string& idterm, Xapian::Document& doc) {
  if (zstd_) {
    set_stored_form(doc, zstd_->compress(stored_form(doc)));
  } else if (sampling_) {
    trainer_.add(stored_form(doc));
    sampled_.emplace_back(shard, idterm);
  }
}

// Trains the dictionary on the samples, stores it in every shard and rewrites the sampled documents
// compressed (those replaced or deleted since are skipped: they are compressed, or gone).
void InPlaceWriter::start_compressing() {
  sampling_ = false;
  const std::string dict = trainer_.train();
  trainer_ = DictionaryTrainer();
  if (!dict.empty()) {
    zstd_ = std::make_shared<const DataCompressor>(dict);
    with_index_errors(path_, [&] {
      for (auto& db : shards_) {
        db.set_metadata(dictionary_key(zstd_->id()), dict);
        db.set_metadata(schema::kMetaDictionary, std::to_string(zstd_->id()));
      }
      for (const auto& [shard, idterm] : sampled_) {
        Xapian::WritableDatabase& db = shards_[shard];
        Xapian::PostingIterator p = db.postlist_begin(idterm);
        if (p == db.postlist_end(idterm)) continue;
        Xapian::Document doc = db.get_document(*p);
        if (is_compressed(stored_form(doc))) continue;
        set_stored_form(doc, zstd_->compress(stored_form(doc)));
        db.replace_document(*p, doc);
      }
    });
  }
  std::vector<std::pair<std::size_t, std::string>>().swap(sampled_);
}

InPlaceWriter::~InPlaceWriter() {
  // Everything since the last commit() is inside a transaction, which close() aborts: a run that fails
  // or is interrupted leaves the index exactly at its last commit.
  for (auto& db : shards_) {
    try {
      db.close();
    } catch (...) {
    }
  }
}

Xapian::WritableDatabase& InPlaceWriter::shard_for(const std::string& id) {
  return shards_[shard_of(id_hash(id), shards_.size())];
}

void InPlaceWriter::count_change() {
  if (++pending_ >= batch_) commit();
}

bool InPlaceWriter::unchanged(const std::string& id, const std::string& hash) {
  return with_index_errors(path_, [&] {
    Xapian::WritableDatabase& db = shard_for(id);
    const std::string idterm = schema::kId + id;
    Xapian::PostingIterator p = db.postlist_begin(idterm);
    if (p == db.postlist_end(idterm)) return false;
    return db.get_document(*p, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotHash) == hash;
  });
}

bool InPlaceWriter::remove(const std::string& id) {
  return with_index_errors(path_, [&] {
    Xapian::WritableDatabase& db = shard_for(id);
    const std::string idterm = schema::kId + id;
    if (!db.term_exists(idterm)) return false;
    db.delete_document(idterm);
    forget(id_hash(id));
    count_change();
    return true;
  });
}

std::size_t InPlaceWriter::prune(const std::string& root) {
  return with_index_errors(path_, [&] {
    const std::string rootterm = root_term(root);
    std::size_t deleted = 0;
    for (auto& db : shards_) {
      std::vector<Xapian::docid> gone;
      for (auto p = db.postlist_begin(rootterm); p != db.postlist_end(rootterm); ++p) {
        const std::string file = read_stored(db.get_document(*p), *decoder_).file;
        std::error_code ec;
        if (!file.empty() && !fs::exists(file, ec) && !ec) gone.push_back(*p);
      }
      for (Xapian::docid id : gone) {
        forget(id_hash(db.get_document(id, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotId)));
        db.delete_document(id);
        count_change();
      }
      deleted += gone.size();
    }
    return deleted;
  });
}

// Every document of the index with a signature, shard by shard in document order (what a lookup of the
// index's band terms saw, when there were some): one pass over three value streams.
void InPlaceWriter::read_near_copies() {
  near_read_ = true;
  with_index_errors(path_, [&] {
    for (auto& db : shards_) {
      Xapian::ValueIterator id = db.valuestream_begin(schema::kSlotId), key = db.valuestream_begin(schema::kSlotDuplicate);
      for (auto m = db.valuestream_begin(schema::kSlotMinHash); m != db.valuestream_end(schema::kSlotMinHash); ++m) {
        const Xapian::docid d = m.get_docid();
        if (id != db.valuestream_end(schema::kSlotId)) id.skip_to(d);
        if (key != db.valuestream_end(schema::kSlotDuplicate)) key.skip_to(d);
        if (id == db.valuestream_end(schema::kSlotId) || id.get_docid() != d) continue;  // not one of ours
        const bool keyed = key != db.valuestream_end(schema::kSlotDuplicate) && key.get_docid() == d;
        remember(id_hash(*id), *m, keyed ? *key : std::string());
      }
    }
  });
}

void InPlaceWriter::remember(std::uint64_t self, const std::string& minhash, const std::string& key) {
  forget(self);
  near_of_[self] = near_.add(minhash, self);
  near_keys_.push_back(key);
}

void InPlaceWriter::forget(std::uint64_t self) {
  if (auto it = near_of_.find(self); it != near_of_.end()) {
    near_.forget(it->second);
    near_of_.erase(it);
  }
}

std::string InPlaceWriter::near_duplicate_key(const Xapian::Document& doc, const std::string& id) {
  const std::string minhash = doc.get_value(schema::kSlotMinHash);
  if (minhash.empty()) return {};
  if (!near_read_) read_near_copies();
  const std::size_t n = near_.nearest(minhash, id_hash(id));
  return n == NearDuplicateMemory::npos ? std::string() : near_keys_[n];
}

bool InPlaceWriter::add(const Article& a, Xapian::Document doc) {
  return with_index_errors(path_, [&] {
    const std::size_t shard = shard_of(id_hash(a.id), shards_.size());
    Xapian::WritableDatabase& db = shards_[shard];
    const std::string idterm = schema::kId + a.id;
    compress(shard, idterm, doc);
    Xapian::PostingIterator old = db.postlist_begin(idterm);
    const bool existed = old != db.postlist_end(idterm);
    // A new version of an article is not a new article: it keeps the time it was first added (schema.h).
    if (existed) {
      const std::string first = db.get_document(*old, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotAdded);
      if (!first.empty()) doc.add_value(schema::kSlotAdded, first);
    }
    db.replace_document(idterm, doc);
    if (near_read_) remember(id_hash(a.id), doc.get_value(schema::kSlotMinHash), doc.get_value(schema::kSlotDuplicate));
    if (sampling_ && trainer_.full()) start_compressing();
    count_change();
    return existed;
  });
}

void InPlaceWriter::finish() {
  if (sampling_ && trainer_.size() > 0) start_compressing();
  commit();
}

void InPlaceWriter::commit() {
  // Shards commit one after the other: a crash between two leaves each shard at a commit of its own.
  with_index_errors(path_, [&] {
    for (auto& db : shards_) {
      db.commit_transaction();
      db.begin_transaction();
    }
  });
  pending_ = 0;
}

}  // namespace bahth
