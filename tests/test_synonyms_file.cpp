// Synonyms files: each line → its normalised group, or the one-line problem that skipped it.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "index/synonyms_file.h"
#include "text/analyzer.h"

namespace {
// The groups of `text` as "a|b|c" a group, groups joined by " / ", then "! problem" for each problem.
std::string read(const std::string& text) {
  static const bahth::Analyzer analyzer("light");
  std::istringstream in(text);
  const bahth::SynonymFile f = bahth::read_synonyms(in, "syn.txt", analyzer);
  std::string out;
  for (const auto& g : f.groups) {
    out += out.empty() ? "" : " / ";
    for (std::size_t i = 0; i < g.entries.size(); ++i) out += (i ? "|" : "") + g.entries[i];
  }
  for (const auto& p : f.problems) out += " ! " + p;
  return out;
}
}  // namespace

TEST_CASE("synonyms file: separators, comments, normalisation") {
  struct Case {
    const char* text;
    const char* expected;
  } cases[] = {
      {"أمريكا، الولايات المتحدة\n", "امريكا|الولايات المتحدة"},                // Arabic comma; alef folded
      {"a, b,c\n", "a|b|c"},                                                      // ASCII comma, spaces trimmed
      {"داعش\tتنظيم الدولة\n", "داعش|تنظيم الدولة"},                              // tab
      {"أَمْرِيكا، امريكا، أمـريكا، USA\n", "امريكا|usa"},                          // diacritics, tatweel, case: one entry
      {"# comment\n\n   \n  # indented comment\nx,y\r\n", "x|y"},                 // comments, blank lines, CRLF
      {"x,,y,\n", "x|y"},                                                         // empty entries ignored
      {"الأمم   المتحدة ، UN\n", "الامم المتحدة|un"},                             // words joined by one space
      {"x,y\nz,w\n", "x|y / z|w"},                                                // file order
      {"كوفيد-19، covid\n", "كوفيد 19|covid"},                                     // a hyphen splits words
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(read(c.text) == c.expected);
  }
}

TEST_CASE("synonyms file: bad lines are skipped with FILE:LINE and the cause") {
  const std::string long_word(70, 'a');
  const std::string long_entry = [] {
    std::string s;
    for (int i = 0; i < 30; ++i) s += "abcdefghi ";
    return s;
  }();
  struct Case {
    std::string text;
    std::string expected;
  } cases[] = {
      {"x,y\n\xff\xfe,z\nv,w\n", "x|y / v|w ! syn.txt:2: not valid UTF-8 (byte 1); skipped"},
      {"alone\n", " ! syn.txt:1: a group needs at least two different entries; skipped"},
      {"أمريكا، امريكا\n", " ! syn.txt:1: a group needs at least two different entries; skipped"},
      {"x, ؟!\n", " ! syn.txt:1: \"؟!\" has no searchable word; skipped"},
      {"x, " + long_word + "\n", " ! syn.txt:1: \"" + long_word + "\" has a word longer than 64 bytes; skipped"},
      {"x, " + long_entry + "\n", " ! syn.txt:1: \"" + std::string(long_entry.substr(0, long_entry.size() - 1)) +
                                      "\" is longer than 240 bytes; skipped"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(read(c.text) == c.expected);
  }
}
