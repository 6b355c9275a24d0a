// Snippets: windows of the original text, highlights exactly on matched words.
#include <doctest/doctest.h>

#include "analyzer.h"
#include "query.h"
#include "snippet.h"

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
  return marked(bahth::make_snippet(text, bahth::parse_query(query, a).match, a, chars));
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
