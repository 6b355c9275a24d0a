// Spelling: the nearest form the index holds for a query word it has never seen.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "text/analyzer.h"
#include "search/query.h"
#include "search/spelling.h"

using bahth::nearest_known_form;

namespace {
// A small index vocabulary: exact forms and how many documents hold each.
const std::map<std::string, Xapian::doccount> kVocabulary{
    {"مجلس", 7854}, {"مجالس", 310}, {"الخواص", 52},    {"استعماله", 41}, {"بورصة", 300},  {"الايطاليين", 81},
    {"فنانة", 72},  {"حسن", 2320},  {"حبس", 140},      {"يبلغ", 2199},  {"مارتن", 445},  {"بلجيكا", 900},
    {"ماذا", 1116}, {"في", 70000},  {"قطر", 500},      {"قطع", 500},    {"Paris", 80},   {"2022", 9000},
    {"Zمجلس", 7900}};

Xapian::doccount documents(const std::string& term) {
  auto it = kVocabulary.find(term);
  return it == kVocabulary.end() ? 0 : it->second;
}
}  // namespace

TEST_CASE("nearest known form: one edit, the most documents") {
  struct Case {
    const char* typed;
    const char* expected;  // "" when nothing is offered
  } cases[] = {
      {"مجاس", "مجلس"},              // a letter replaced
      {"مجلسس", "مجلس"},             // a letter doubled
      {"االخواص", "الخواص"},         // a letter doubled at the start
      {"الاطاليين", "الايطاليين"},    // a letter dropped
      {"استمعاله", "استعماله"},      // two neighbours swapped
      {"بروصة", "بورصة"},            // two neighbours swapped
      {"فانانة", "فنانة"},           // a letter too many
      {"حنس", "حسن"},                // حسن (2,320) before حبس (140): both one edit away
      {"بلجيكيا", "بلجيكا"},         // another spelling of a name
      {"مازا", "ماذا"},              // a stop word is offered like any word
      {"قطن", "قطر"},                // قطر and قطع tie: the smaller form in byte order
      {"مجلس", "مجالس"},             // offered for a known word too: the parser asks only for unknown ones
      {"كلمةغيرموجودة", ""},         // nothing one edit away
      {"فى", ""},                    // two letters: too ambiguous
      {"Pariss", ""},                // not Arabic
      {"20222", ""},                 // a number
      {"مجاس2", ""},                 // letters and digits
  };
  for (const Case& c : cases) {
    CAPTURE(c.typed);
    const auto got = nearest_known_form(c.typed, documents);
    CHECK(got.value_or("") == std::string(c.expected));
  }
}

TEST_CASE("nearest known form: never offers forms shorter than three letters") {
  // في is in the vocabulary and one deletion away from فيي, but two letters are never offered.
  CHECK_FALSE(nearest_known_form("فيي", documents).has_value());
}

TEST_CASE("query words the index has never seen are read as the nearest known form") {
  bahth::Analyzer a("light");
  a.set_vocabulary(documents);
  SUBCASE("a plain word is corrected, with a warning naming both forms") {
    const bahth::ParsedQuery p = bahth::parse_query("مجاس", a, {});
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0] == "مجاس is not in the index; searched for مجلس instead (quote a word to keep it as typed)");
    CHECK(p.query.get_description().find("Zمجلس") != std::string::npos);
    CHECK(p.match.stems.count("مجلس") == 1);  // snippets highlight the word searched for
  }
  SUBCASE("known words, quoted words, fields and excluded words are left as typed") {
    CHECK(bahth::parse_query("مجلس", a, {}).warnings.empty());
    for (const char* q : {"\"مجاس\"", "title:مجاس", "مجلس -مجاس"}) {
      CAPTURE(q);
      const bahth::ParsedQuery p = bahth::parse_query(q, a, {});
      CHECK(p.warnings.empty());
      CHECK(p.query.get_description().find("مجاس") != std::string::npos);
    }
  }
  SUBCASE("a word read as a stop word is dropped like one") {
    const bahth::ParsedQuery p = bahth::parse_query("مازا مجلس", a, {});
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.query.get_description().find("ماذا") == std::string::npos);
  }
  SUBCASE("a query looks up at most 8 unknown words") {
    std::string nine;
    for (int i = 0; i < 9; ++i) nine += "مجاس ";
    CHECK(bahth::parse_query(nine, a, {}).warnings.size() == 8);
  }
  SUBCASE("without a vocabulary nothing is corrected") {
    const bahth::Analyzer plain("light");
    CHECK(bahth::parse_query("مجاس", plain, {}).warnings.empty());
  }
}
