// An index of another schema version (index/schema_check.h), issue #12: the searcher and an update in place
// refuse it with one line that names the index and says to rebuild it, instead of misreading it (a schema-1
// index keeps its body positions where a schema-2 phrase query does not look).
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include <xapian.h>

#include "base/errors.h"
#include "index/schema.h"
#include "index/writer.h"
#include "search/searcher.h"

namespace fs = std::filesystem;

namespace {

// An index holding one document, whose schema metadata says `version` ("": none recorded).
std::string index_of_schema(const std::string& version) {
  const fs::path dir = fs::temp_directory_path() / ("bahth-schema-" + std::to_string(::getpid()) + "-" + version);
  fs::remove_all(dir);
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE);
  db.set_metadata(bahth::schema::kMetaStemmer, "light");
  if (!version.empty()) db.set_metadata(bahth::schema::kMetaSchema, version);
  Xapian::Document doc;
  doc.add_boolean_term(std::string(bahth::schema::kId) + "a");
  doc.add_posting("بيروت", 1);
  db.add_document(doc);
  db.commit();
  return dir.string();
}

}  // namespace

TEST_CASE("an index of another schema is refused with a line saying to rebuild it") {
  for (const std::string version : {"1", ""}) {
    CAPTURE(version);
    const std::string path = index_of_schema(version);
    const std::string expected =
        "index " + path + " was built by " +
        (version.empty() ? std::string("another program or an early Bahth") : "Bahth schema " + version) +
        ", not schema " + bahth::schema::kSchemaVersion + "; rebuild it: remove " + path +
        " and run bahth-index on its articles again";
    CHECK_THROWS_WITH_AS(bahth::Searcher{path}, expected.c_str(), bahth::IndexError);
    bahth::WriterOptions options;
    options.in_place = true;
    CHECK_THROWS_WITH_AS(bahth::open_writer(path, "", options), expected.c_str(), bahth::IndexError);
    fs::remove_all(path);
  }
}

TEST_CASE("an index of this schema, and an empty one, open") {
  const std::string path = index_of_schema(bahth::schema::kSchemaVersion);
  CHECK_NOTHROW(bahth::Searcher{path});
  fs::remove_all(path);
  const fs::path empty = fs::temp_directory_path() / ("bahth-schema-empty-" + std::to_string(::getpid()));
  fs::remove_all(empty);
  Xapian::WritableDatabase(empty.string(), Xapian::DB_CREATE).commit();
  CHECK_NOTHROW(bahth::Searcher{empty.string()});
  fs::remove_all(empty);
}
