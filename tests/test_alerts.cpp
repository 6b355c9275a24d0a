// Saved searches (cli/saved_search.h, cli/alerts.h) over a real Xapian index whose added times (schema.h
// kSlotAdded) the test sets itself: an index built before the slot existed, articles added in the same clock
// tick as ones already reported, names and files a user gets wrong.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "base/errors.h"
#include "cli/alerts.h"
#include "cli/saved_search.h"
#include "index/document.h"
#include "index/schema.h"
#include "text/analyzer.h"

namespace fs = std::filesystem;

namespace {

class Collect final : public bahth::Reporter {
 public:
  void problem(std::string_view m) override { lines.emplace_back("problem: " + std::string(m)); }
  void warning(std::string_view m) override { lines.emplace_back("warning: " + std::string(m)); }
  void note(std::string_view m) override { lines.emplace_back("note: " + std::string(m)); }
  void progress(std::string_view, bool) override {}
  std::vector<std::string> lines;
};

// A scratch folder with an index (light stemmer) and a folder of saved searches.
struct Scratch {
  Scratch() : root(fs::temp_directory_path() / ("bahth-alerts-" + std::to_string(::getpid()))) {
    fs::remove_all(root);
    fs::create_directories(root);
    Xapian::WritableDatabase db(index(), Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(bahth::schema::kMetaStemmer, "light");
    db.set_metadata(bahth::schema::kMetaSchema, bahth::schema::kSchemaVersion);
    db.commit();
  }
  ~Scratch() { fs::remove_all(root); }
  std::string index() const { return (root / "db").string(); }
  std::string alerts() const { return (root / "alerts").string(); }

  // Adds an article about oil; `added` empty: no added time, as before the slot existed.
  void add(const std::string& id, const std::string& added) {
    const bahth::Analyzer analyzer("light");
    bahth::Article a;
    a.id = id;
    a.title = "أسعار النفط " + id;
    a.text = "ارتفعت أسعار النفط اليوم في الأسواق العالمية، وقال محللون إن الطلب يزداد " + id;
    Xapian::Document doc = bahth::build_document(a, analyzer, bahth::content_hash(a, analyzer));
    if (!added.empty()) doc.add_value(bahth::schema::kSlotAdded, added);
    Xapian::WritableDatabase db(index(), Xapian::DB_OPEN);
    db.replace_document(bahth::schema::kId + id, doc);
    db.commit();
  }

  // Runs the saved searches; returns the exit code, `ids` the ids printed.
  int run(std::vector<std::string>& ids, Collect& report) const {
    bahth::OutputOptions output;
    output.format = bahth::OutputFormat::ids;
    std::ostringstream out;
    const int code = bahth::run_alerts(alerts(), bahth::SearchRequest{}, output, out, report);
    std::istringstream lines(out.str());
    ids.clear();
    for (std::string id; lines >> id;) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return code;
  }

  fs::path root;
};

}  // namespace

TEST_CASE("saved searches report each article once, by the index's added times (issue 16)") {
  Scratch s;
  s.add("old1", "");
  s.add("old2", "");
  bahth::SavedSearch oil;
  oil.name = "oil";
  oil.query = "النفط";
  oil.index = {s.index()};
  oil.collapse = false;  // the articles are near copies of each other
  bahth::store_saved_search(s.alerts(), oil);

  std::vector<std::string> ids;
  Collect report;
  // An index built before the slot existed: the first run reports every match and says what it can't do.
  CHECK(s.run(ids, report) == 0);
  CHECK(ids == std::vector<std::string>{"old1", "old2"});
  REQUIRE(report.lines.size() == 1);
  CHECK(report.lines[0].find("records no times articles were added") != std::string::npos);
  CHECK(s.run(ids, report) == 1);
  CHECK(ids.empty());

  // Articles with an added time are new; two runs of the indexer in one clock tick, and the rest of an
  // indexing run committed after the search ran, carry a time already seen: the ids tell them apart.
  s.add("new1", "2026-01-01T00:00:00.000000Z");
  CHECK(s.run(ids, report) == 0);
  CHECK(ids == std::vector<std::string>{"new1"});
  s.add("new2", "2026-01-01T00:00:00.000000Z");
  CHECK(s.run(ids, report) == 0);
  CHECK(ids == std::vector<std::string>{"new2"});
  CHECK(s.run(ids, report) == 1);
  s.add("new3", "2026-01-01T00:00:00.000001Z");
  CHECK(s.run(ids, report) == 0);
  CHECK(ids == std::vector<std::string>{"new3"});
  CHECK(s.run(ids, report) == 1);

  const bahth::SavedSearch stored = bahth::load_saved_search(s.alerts(), "oil");
  CHECK(stored.ran);
  CHECK(stored.added_through == "2026-01-01T00:00:00.000001Z");
  CHECK(stored.seen == std::vector<std::string>{"new3"});
}

TEST_CASE("saved searches: names and files a user gets wrong") {
  struct Case {
    const char* name;
    const char* message;  // nullptr: a good name
  } cases[] = {
      {"gaza", nullptr},
      {"أسعار-النفط", nullptr},
      {"a/b", "alert name 'a/b' holds a '/': a name is one plain word such as gaza or أسعار-النفط"},
      {"", "alert name '' is empty: a name is one plain word such as gaza or أسعار-النفط"},
      {".hidden", "alert name '.hidden' starts with '.': a name is one plain word such as gaza or أسعار-النفط"},
      {"tab\there", "alert name 'tab\there' holds a control character: a name is one plain word such as gaza or أسعار-النفط"},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    if (c.message) CHECK_THROWS_WITH_AS(bahth::check_alert_name(c.name), c.message, bahth::UsageError);
    else CHECK_NOTHROW(bahth::check_alert_name(c.name));
  }

  Scratch s;
  CHECK_THROWS_WITH_AS(bahth::load_saved_search(s.alerts(), "nosuch"),
                       "no saved search named 'nosuch' (bahth-search --alerts --list shows them)", bahth::UsageError);
  CHECK_THROWS_AS(bahth::delete_saved_search(s.alerts(), "nosuch"), bahth::UsageError);
  fs::create_directories(s.alerts());
  std::ofstream(s.alerts() + "/broken.json") << "{\"name\": \"broken\", \"query\": 3}";
  CHECK_THROWS_AS(bahth::load_saved_search(s.alerts(), "broken"), bahth::InputError);
  std::vector<std::string> ids;
  Collect report;
  CHECK(s.run(ids, report) == 2);
  REQUIRE(report.lines.size() == 1);
  CHECK(report.lines[0].rfind("problem: alert broken: " + s.alerts() + "/broken.json: is not a saved search (", 0) == 0);
  CHECK_NOTHROW(bahth::delete_saved_search(s.alerts(), "broken"));
  CHECK(bahth::saved_search_names(s.alerts()).empty());
}
