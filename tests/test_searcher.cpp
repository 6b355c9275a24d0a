// The searcher over an index that changes under it (search/searcher.h): a long-lived searcher (the server's
// workers, an interactive session) remembers the document counts and the word families its queries ask the
// index for, and must read them anew once reopen() has moved it to a newer revision.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include <xapian.h>

#include "index/document.h"
#include "index/schema.h"
#include "ingest/article.h"
#include "search/searcher.h"
#include "text/analyzer.h"

namespace fs = std::filesystem;

namespace {

struct TempIndex {
  fs::path dir = fs::temp_directory_path() / ("bahth-searcher-" + std::to_string(::getpid()));
  TempIndex() { fs::remove_all(dir); }
  ~TempIndex() { fs::remove_all(dir); }
};

void add(Xapian::WritableDatabase& db, const std::string& id, const std::string& text) {
  const bahth::Analyzer analyzer("light");
  bahth::Article a;
  a.id = id;
  a.title = "خبر";
  a.text = text;
  db.replace_document(bahth::schema::kId + id, bahth::build_document(a, analyzer, bahth::content_hash(a, analyzer)));
  db.commit();
}

// An empty index of this schema, stemmed with the light stemmer.
Xapian::WritableDatabase create(const TempIndex& index) {
  Xapian::WritableDatabase db(index.dir.string(), Xapian::DB_CREATE);
  db.set_metadata(bahth::schema::kMetaStemmer, "light");
  db.set_metadata(bahth::schema::kMetaSchema, bahth::schema::kSchemaVersion);
  return db;
}

}  // namespace

TEST_CASE("a searcher that reopens reads the words the index has learned since, not the counts it remembered") {
  TempIndex index;
  Xapian::WritableDatabase db = create(index);
  add(db, "old", "وصل وفد زمردستون إلى العاصمة اليوم.");

  const bahth::Searcher searcher(index.dir.string());
  bahth::SearchRequest request;
  request.query = "زمردستان";
  // A word the index has never seen is read as the known one an edit away, and the searcher says so.
  const bahth::SearchResult before = searcher.search(request);
  REQUIRE(before.hits.size() == 1);
  CHECK(before.hits[0].id == "old");
  CHECK(before.warnings.size() == 1);

  add(db, "new", "وصل وفد زمردستان إلى العاصمة أمس.");
  searcher.reopen();
  // Now the index knows the word: it is searched as typed, without the correction it remembered.
  const bahth::SearchResult after = searcher.search(request);
  REQUIRE(after.hits.size() == 1);
  CHECK(after.hits[0].id == "new");
  CHECK(after.warnings.empty());
}

TEST_CASE("a searcher that reopens reads a word's family anew, not the one it remembered") {
  TempIndex index;
  Xapian::WritableDatabase db = create(index);
  add(db, "singular", "التقى المعلم بالطلاب في المدرسة.");

  const bahth::Searcher searcher(index.dir.string());
  bahth::SearchRequest request;
  request.query = "معلم";
  const bahth::SearchResult before = searcher.search(request);
  REQUIRE(before.hits.size() == 1);
  CHECK(before.hits[0].id == "singular");
  CHECK(searcher.search(request).hits.size() == 1);  // the family it remembers: the same answer

  // The index learns the word's plurals: both cases, so that their ending reads as a plural (word_family.h).
  add(db, "plural", "اجتمع المعلمون في المدرسة.");
  add(db, "accusative", "كرم الوزير المعلمين اليوم.");
  searcher.reopen();
  const bahth::SearchResult after = searcher.search(request);
  CHECK(after.hits.size() == 3);
}
