// Spellings of one foreign name (issue #13): text/spellings.h spells the candidates one transliteration
// edit away; index/spelling_groups.h keeps those the index shows to be one name (tests/e2e_spellings.py).
// The pairs below are spellings the 77k-document benchmark index pairs (ترامب/ترمب …) and look-alike
// names no edit joins.
#include <doctest/doctest.h>

#include <algorithm>
#include <utility>
#include <string>
#include <vector>

#include "text/spellings.h"

namespace {
bool one_edit(const std::string& a, const std::string& b) {
  const std::vector<std::string> e = bahth::spelling_edits(a);
  return std::find(e.begin(), e.end(), b) != e.end();
}
}  // namespace

TEST_CASE("spelling_edits: the spellings of one name are one edit apart, both ways") {
  struct Case {
    const char* a;
    const char* b;
    const char* edit;
  };
  const Case cases[] = {
      {"ترامب", "ترمب", "long vowel"},          {"بوتين", "بوتن", "long vowel"},
      {"نتانياهو", "نتنياهو", "long vowel"},    {"تشيلسي", "تشلسي", "long vowel"},
      {"غوغل", "جوجل", "g, every one"},         {"غوغل", "قوقل", "g, every one"},
      {"غرينتش", "جرينتش", "g"},                {"سامسونغ", "سامسونج", "g"},
      {"انكليز", "انقليز", "k"},                {"ميجاوات", "ميجاواط", "t"},
      {"كمبيوتر", "كومبيوتر", "long vowel"},    {"غوانتانامو", "غوانتنامو", "long vowel"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.a);
    CAPTURE(c.b);
    CAPTURE(c.edit);
    CHECK(one_edit(c.a, c.b));
    CHECK(one_edit(c.b, c.a));
  }
}

TEST_CASE("spelling_edits: look-alike names are not one edit apart") {
  const std::pair<const char*, const char*> apart[] = {
      {"ليبيا", "لبنان"}, {"ايران", "العراق"}, {"النمسا", "المانيا"}, {"سوريا", "سويسرا"}, {"بوتين", "بوتان"},
      {"ترامب", "ترابي"}, {"كوريا", "كوبا"},
  };
  for (const auto& [a, b] : apart) {
    CAPTURE(a);
    CAPTURE(b);
    CHECK_FALSE(one_edit(a, b));
    CHECK_FALSE(one_edit(b, a));
  }
}

TEST_CASE("spelling_edits: the first and last letters stay; short words and non-letters get none") {
  // A vowel is dropped or added inside the word only: an added final ي is a nisba, a final ا an accusative.
  CHECK_FALSE(one_edit("ترامب", "ترامبي"));
  CHECK_FALSE(one_edit("ترامب", "ترامبا"));
  CHECK_FALSE(one_edit("اوباما", "وباما"));
  CHECK(bahth::spelling_edits("سار").empty());      // صار, سر, سيار: too many look-alikes
  CHECK(bahth::spelling_edits("ترامب2").empty());
  CHECK(bahth::spelling_edits("trump").empty());
  CHECK(bahth::spelling_edits("").empty());
  const std::vector<std::string> e = bahth::spelling_edits("ترمب");
  CHECK(std::is_sorted(e.begin(), e.end()));
  CHECK(std::adjacent_find(e.begin(), e.end()) == e.end());
  for (const std::string& w : e) CHECK(w != "ترمب");
}

TEST_CASE("word_splits: every split into two words of two letters or more") {
  using Splits = std::vector<std::pair<std::string, std::string>>;
  const Splits got = bahth::word_splits("نيويورك");
  CHECK(got == Splits{{"ني", "ويورك"}, {"نيو", "يورك"}, {"نيوي", "ورك"}, {"نيويو", "رك"}});
  CHECK(bahth::word_splits("فيسبوك").size() == 3);
  CHECK(bahth::word_splits("ترمب").empty());  // four letters: halves of two are not names
  CHECK(bahth::word_splits("new york").empty());
}
