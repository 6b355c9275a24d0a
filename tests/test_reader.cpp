// Reading inputs: JSONL records, .txt pages with articles.tsv, and every kind of bad input.
#include <doctest/doctest.h>

#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "base/errors.h"
#include "ingest/reader.h"

namespace fs = std::filesystem;

namespace {

// A fresh temporary directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "bahth-test-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& data) const {
    fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
    return p;
  }
};

struct Collected {
  std::vector<bahth::Article> articles;
  std::vector<std::string> problems;
};

Collected read(const std::vector<std::string>& inputs) {
  Collected c;
  bahth::ReadCallbacks cb;
  cb.article = [&](bahth::Article&& a) { c.articles.push_back(std::move(a)); };
  cb.problem = [&](const std::string& p) { c.problems.push_back(p); };
  bahth::read_inputs(inputs, cb);
  return c;
}

const std::string kArticle = "قال الرئيس الروسي فلاديمير بوتين إن العلاقات مع الصين غير مسبوقة.\n";

}  // namespace

TEST_CASE("a JSON record with every field") {
  auto a = bahth::parse_json_article(
      R"({"id":"AL-1","title":" عنوان ","text":"نص المقال","date":"Mon, 26 Feb 2018 02:20:10 GMT",)"
      R"("source":"alarabia","url":"http://x/1","category":"culture","author":"كاتب","extra":{"a":[1]}})",
      "f.jsonl:1");
  CHECK(a.id == "AL-1");
  CHECK(a.title == "عنوان");
  CHECK(a.text == "نص المقال");
  REQUIRE(a.date);
  CHECK(bahth::to_iso(*a.date) == "2018-02-26");
  CHECK(a.date_source == bahth::DateSource::metadata);
  CHECK(a.source == "alarabia");
  CHECK(a.category == "culture");
  CHECK(a.author == "كاتب");
}

TEST_CASE("JSON records that are skipped say why") {
  struct Case {
    std::string line;
    const char* message;
  } cases[] = {
      {R"({"id":"1","text":)", "f:7: malformed JSON (parse error at line 1, column 18: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal); skipped"},
      {R"([1,2])", "f:7: JSON value is not an object; skipped"},
      // found by fuzzing (tests/data/fuzz-regressions/jsonl-number-overflow): used to end the whole run
      {R"({"id": "x", "text": "نص", "views": 1e999})", "f:7: malformed JSON (number overflow parsing '1e999'); skipped"},
      {R"({"text":"نص"})", "f:7: no \"id\"; skipped"},
      {R"({"id":"x1","title":"t"})", "f:7: document \"x1\" has no \"text\"; skipped"},
      {R"({"id":"x1","text":"   "})", "f:7: document \"x1\" has no \"text\"; skipped"},
      {R"({"id":"x1","text":["a"]})", "f:7: field \"text\" is array, expected a string"},
      {"{\"id\":\"x1\",\"text\":\"\xff\"}", "f:7: invalid UTF-8 at byte 19; skipped"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    CHECK_THROWS_WITH_AS(bahth::parse_json_article(c.line, "f:7"), c.message, bahth::InputError);
  }
}

TEST_CASE("numeric ids are read as strings") {
  CHECK(bahth::parse_json_article(R"({"id":42,"text":"نص"})", "f:1").id == "42");
}

TEST_CASE("JSONL files: a malformed line is reported with its line number, the rest is read") {
  TempDir t;
  auto p = t.write("a.jsonl", "{\"id\":\"1\",\"text\":\"نص أول\"}\r\n\n{oops\n{\"id\":\"2\",\"text\":\"نص ثان\"}");
  auto c = read({p.string()});
  REQUIRE(c.articles.size() == 2);
  CHECK(c.articles[1].id == "2");
  CHECK(c.articles[1].origin == p.string() + ":4");
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0].rfind(p.string() + ":3: malformed JSON", 0) == 0);
}

TEST_CASE("gzipped JSONL") {
  TempDir t;
  const fs::path p = t.path / "a.jsonl.gz";
  gzFile gz = gzopen(p.c_str(), "wb");
  const std::string data = "{\"id\":\"g1\",\"text\":\"نص\"}\n{\"id\":\"g2\",\"text\":\"نص\"}\n";
  gzwrite(gz, data.data(), static_cast<unsigned>(data.size()));
  gzclose(gz);
  auto c = read({p.string()});
  CHECK(c.problems.empty());
  REQUIRE(c.articles.size() == 2);
  CHECK(c.articles[1].id == "g2");
}

TEST_CASE("directories: .txt pages get ids relative to the root and metadata from articles.tsv") {
  TempDir t;
  t.write("b/one.txt", "عنوان المقال\n" + kArticle);
  t.write("b/articles.tsv", "file\tsource\tdate\turl\none.txt\tfrance24\t2022-02-05\thttp://f24/1\n");
  t.write("a/two.txt", "عنوان آخر\n" + kArticle);
  t.write("a/notes.md", "ignored");
  auto c = read({t.path.string()});
  CHECK(c.problems.empty());
  REQUIRE(c.articles.size() == 2);
  CHECK(c.articles[0].id == "a/two.txt");
  CHECK(c.articles[1].id == "b/one.txt");
  CHECK(c.articles[1].title == "عنوان المقال");
  CHECK(c.articles[1].source == "france24");
  CHECK(c.articles[1].url == "http://f24/1");
  REQUIRE(c.articles[1].date);
  CHECK(c.articles[1].date_source == bahth::DateSource::metadata);
  CHECK(bahth::to_iso(*c.articles[1].date) == "2022-02-05");
}

TEST_CASE("bad files are reported by name and skipped; good ones are read") {
  TempDir t;
  auto empty = t.write("empty.txt", "");
  auto blank = t.write("blank.txt", " \n\n ");
  auto binary = t.write("binary.txt", std::string("\x7f" "ELF\0\0\0\x01", 8) + kArticle);
  auto latin1 = t.write("latin1.txt", "caf\xe9 " + kArticle);
  auto good = t.write("good.txt", "عنوان\n" + kArticle);
  auto other = t.write("data.csv", "a,b");
  auto c = read({empty.string(), blank.string(), binary.string(), latin1.string(), good.string(), other.string(),
                 (t.path / "missing.txt").string(), "-x-not-there"});
  REQUIRE(c.articles.size() == 1);
  CHECK(c.articles[0].id == "good.txt");
  CHECK(c.problems == std::vector<std::string>{
                          empty.string() + ": empty file; skipped",
                          blank.string() + ": empty file; skipped",
                          binary.string() + ": binary data, not text; skipped",
                          latin1.string() + ": invalid UTF-8 at byte 3 and not Windows-1256 Arabic either; skipped",
                          other.string() + ": not a .txt, .html, .jsonl or .jsonl.gz file; skipped",
                          (t.path / "missing.txt").string() + ": no such file or directory",
                          "-x-not-there: no such file or directory",
                      });
}

TEST_CASE("symbolic links are not followed, so a link loop is harmless") {
  TempDir t;
  t.write("d/one.txt", "عنوان\n" + kArticle);
  fs::create_directory_symlink(t.path / "d", t.path / "d" / "loop");
  auto c = read({t.path.string()});
  CHECK(c.problems.empty());
  CHECK(c.articles.size() == 1);
}
