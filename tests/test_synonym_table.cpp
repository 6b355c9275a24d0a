// The synonym table: a group stored both ways, and a new list replacing the old one whole.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "index/synonym_table.h"

namespace {
// The table as "key=syn|syn" entries joined by "; ".
std::string table(const Xapian::Database& db) {
  std::string out;
  for (const auto& [key, synonyms] : bahth::stored_synonyms(db)) {
    out += (out.empty() ? "" : "; ") + key + "=";
    for (std::size_t i = 0; i < synonyms.size(); ++i) out += (i ? "|" : "") + synonyms[i];
  }
  return out;
}
// A glass database in a fresh temporary directory (the in-memory backend has no synonym table), removed after.
struct ScratchDb {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("bahth-synonyms-" + std::to_string(::getpid()));
  Xapian::WritableDatabase db;
  ScratchDb() {
    std::filesystem::remove_all(dir);
    db = Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE);
  }
  ~ScratchDb() {
    db.close();
    std::filesystem::remove_all(dir);
  }
};
}  // namespace

TEST_CASE("synonym table: every entry points to the others; a new list replaces the old") {
  ScratchDb scratch;
  Xapian::WritableDatabase& db = scratch.db;
  bahth::replace_synonyms(db, {{{"a", "b c", "d"}, "f:1"}, {{"x", "y"}, "f:2"}});
  CHECK(table(db) == "a=b c|d; b c=a|d; d=a|b c; x=y; y=x");
  bahth::replace_synonyms(db, {{{"a", "z"}, "f:1"}});
  CHECK(table(db) == "a=z; z=a");
  bahth::replace_synonyms(db, {});
  CHECK(table(db).empty());
}

TEST_CASE("synonyms_of: the keys that are the word or start with it and a space") {
  ScratchDb scratch;
  Xapian::WritableDatabase& db = scratch.db;
  bahth::replace_synonyms(db, {{{"الولايات المتحدة", "امريكا"}, "f:1"}, {{"الولايات", "الدول"}, "f:2"},
                               {{"الولاياتي", "q"}, "f:3"}});
  std::string found;
  for (const auto& [key, synonyms] : bahth::synonyms_of(db, "الولايات")) found += "[" + key + "]";
  CHECK(found == "[الولايات][الولايات المتحدة]");
  CHECK(bahth::synonyms_of(db, "امريكي").empty());
}
