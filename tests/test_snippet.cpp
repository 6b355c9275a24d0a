// Snippets: windows of the original text, highlights exactly on matched words.
#include <doctest/doctest.h>
#include <zlib.h>

#include <random>
#include <set>

#include "text/analyzer.h"
#include "base/errors.h"
#include "search/query.h"
#include "ingest/reader.h"
#include "search/snippet.h"

using bahth::Analyzer;

namespace {

// The snippet with highlights marked as [..] for compact expectations.
std::string marked(const bahth::Snippet& s) {
  std::string out;
  std::size_t at = 0;
  for (const auto& [from, to] : s.spans) {
    out += s.text.substr(at, from - at) + "[" + s.text.substr(from, to - from) + "]";
    at = to;
  }
  return out + s.text.substr(at);
}

std::string snippet(const std::string& text, const std::string& query, std::size_t chars = 200) {
  const Analyzer a("none");
  return marked(bahth::make_snippet(text, bahth::parse_query(query, a, {}).match, a, chars));
}

}  // namespace

TEST_CASE("highlights lie exactly on the original words, whatever their marks") {
  struct Case {
    const char* text;
    const char* query;
    const char* expected;
  } cases[] = {
      {"قال الرئيسُ بُوتِين إن", "بوتين", "قال الرئيسُ [بُوتِين] إن"},
      {"قال الـرئيـس\u00A0بوتين", "الرئيس", "قال [الـرئيـس]\u00A0بوتين"},
      {"وصل \u200Fبوتين\u200E إلى بكين", "بوتين بكين", "وصل \u200F[بوتين]\u200E إلى [بكين]"},
      {"أعلنا شراكة «بلا حدود» اليوم", "\"بلا حدود\"", "أعلنا شراكة «[بلا] [حدود]» اليوم"},
      {"بلا شك، لا حدود", "\"بلا حدود\"", "بلا شك، لا حدود"},  // the words, but not the phrase
      {"روسيا والصين وبكين", "روسيا -الصين", "[روسيا] والصين وبكين"},
      {"سطر أول\nسطر ثان", "ثان", "سطر أول سطر [ثان]"},  // one line
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(snippet(c.text, c.query) == c.expected);
  }
}

TEST_CASE("a long text is cut at word boundaries around the match, with ellipses") {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "كلمة ";
  text += "بوتين";
  for (int i = 0; i < 60; ++i) text += " نص";
  const std::string s = snippet(text, "بوتين", 60);
  CHECK(s.rfind("… ", 0) == 0);
  CHECK(s.size() >= 6);
  CHECK(s.substr(s.size() - 4) == " …");
  CHECK(s.find("[بوتين]") != std::string::npos);
  CHECK(s.find("كلمة كلمة") != std::string::npos);  // context before the match
}

TEST_CASE("no match in the text: the snippet is its beginning") {
  CHECK(snippet("نص بلا تطابق", "بوتين") == "نص بلا تطابق");
}

TEST_CASE("the window with the most distinct query words wins") {
  std::string text = "بوتين بوتين بوتين";
  for (int i = 0; i < 80; ++i) text += " حشو";
  text += " بوتين والصين";
  const std::string s = snippet(text, "بوتين والصين", 40);
  CHECK(s.find("[بوتين] [والصين]") != std::string::npos);
}

TEST_CASE("matches far apart: two windows joined by an ellipsis") {
  std::string text = "قال بوتين إن";
  for (int i = 0; i < 100; ++i) text += " حشو";
  text += " ثم زار الصين أمس";
  for (int i = 0; i < 100; ++i) text += " نص";
  const std::string s = snippet(text, "بوتين الصين", 80);
  CHECK(s.find("[بوتين]") != std::string::npos);
  CHECK(s.find("[الصين]") != std::string::npos);
  CHECK(s.find("[بوتين]") < s.find(" … "));
  CHECK(s.find(" … ") < s.find("[الصين]"));
}

// Property (issue 5): over real articles, every highlight lies exactly on one word whose analysed form is
// one the query asked for. Skipped when ../shared/data is absent.
TEST_CASE("property: every highlight is a matched word (1,000 real articles)") {
  const std::string path = std::string(BAHTH_SHARED_DIR) + "/data/news/ant.jsonl.gz";
  gzFile gz = gzopen(path.c_str(), "rb");
  if (!gz) {
    MESSAGE("skipped: " << path << " not found");
    return;
  }
  for (const char* stemmer : {"light", "snowball"}) {
    gzrewind(gz);
    const Analyzer a(stemmer);
    std::mt19937 rng(20261122);
    std::string line;
    char buf[1 << 16];
    int articles = 0, spans = 0;
    while (articles < 1000 && gzgets(gz, buf, sizeof buf)) {
      line += buf;
      if (line.empty() || line.back() != '\n') continue;
      bahth::Article art;
      try {
        art = bahth::parse_json_article(line, "ant");
      } catch (const bahth::Error&) {
        line.clear();
        continue;
      }
      line.clear();
      const auto tokens = a.tokenize(art.text);
      if (tokens.size() < 10) continue;
      ++articles;
      // A query of two words of the article and, every other article, a two-word phrase from it.
      std::uniform_int_distribution<std::size_t> pick(0, tokens.size() - 2);
      const std::size_t i = pick(rng), j = pick(rng), k = pick(rng);
      std::string query = tokens[i].form + " " + tokens[j].form;
      if (articles % 2) query += " \"" + tokens[k].form + " " + tokens[k + 1].form + "\"";
      bahth::ParsedQuery parsed;
      try {
        parsed = bahth::parse_query(query, a, {});
      } catch (const bahth::QueryError&) {
        continue;  // e.g. only stop words
      }
      std::set<std::string> phrase_forms;
      for (const auto& p : parsed.match.phrases) phrase_forms.insert(p.begin(), p.end());
      const bahth::Snippet s = bahth::make_snippet(art.text, parsed.match, a, 200);
      for (const auto& [from, to] : s.spans) {
        ++spans;
        const std::string word = s.text.substr(from, to - from);
        const auto words = a.tokenize(word);
        CAPTURE(art.id);
        CAPTURE(query);
        CAPTURE(word);
        REQUIRE(words.size() == 1);
        CHECK(words[0].start == 0);
        CHECK(words[0].end == word.size());
        const bool ok = parsed.match.stems.count(a.stem(words[0])) || parsed.match.exact.count(words[0].form) ||
                        phrase_forms.count(words[0].form);
        CHECK(ok);
      }
    }
    CHECK(articles == 1000);
    MESSAGE(std::string(stemmer) << ": " << articles << " articles, " << spans << " highlights checked");
  }
  gzclose(gz);
}
