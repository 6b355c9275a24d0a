#include "index/synonym_table.h"

#include <filesystem>

#include "base/errors.h"
#include "index/every_shard.h"

namespace bahth {

void replace_synonyms(Xapian::WritableDatabase& db, const std::vector<SynonymGroup>& groups) {
  std::vector<std::string> keys(db.synonym_keys_begin(), db.synonym_keys_end());
  for (const std::string& key : keys) db.clear_synonyms(key);
  for (const SynonymGroup& g : groups)
    for (const std::string& entry : g.entries)
      for (const std::string& other : g.entries)
        if (other != entry) db.add_synonym(entry, other);
}

void store_synonyms(const std::string& path, const std::vector<SynonymGroup>& groups) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec) || std::filesystem::is_empty(path, ec))
    throw IndexError("no index at " + path + " (--synonyms without inputs replaces the list of an existing index)");
  change_every_shard(path, [&](Xapian::WritableDatabase& db) { replace_synonyms(db, groups); });
}

std::vector<std::pair<std::string, std::vector<std::string>>> synonyms_of(const Xapian::Database& db,
                                                                          const std::string& word) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (auto k = db.synonym_keys_begin(word); k != db.synonym_keys_end(word); ++k) {
    const std::string& key = *k;
    if (key.size() == word.size() || key[word.size()] == ' ')
      out.emplace_back(key, std::vector<std::string>(db.synonyms_begin(key), db.synonyms_end(key)));
  }
  return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> stored_synonyms(const Xapian::Database& db) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k)
    out.emplace_back(*k, std::vector<std::string>(db.synonyms_begin(*k), db.synonyms_end(*k)));
  return out;
}

}  // namespace bahth
