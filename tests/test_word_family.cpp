// Word endings as readings (issue #13): text/endings.h spells the candidates out, text/word_family.h lets
// the index's vocabulary choose. The vocabulary below is the benchmark index's own (77,227 documents:
// documents per stem key, the larger of its Z term and its exact term), so each case is what a user of that
// index gets.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "text/word_family.h"
#include "text/derived.h"
#include "text/endings.h"

using bahth::ending_family;
using bahth::ending_splits;

namespace {
const std::map<std::string, Xapian::doccount> kKeys{
    {"اير", 151}, {"ايران", 5050}, {"ايرانين", 6}, {"ايرانيون", 196}, {"ايرانيين", 604}, {"ايرون", 8},
    {"ايرين", 17}, {"ايريون", 1}, {"بلاد", 11533}, {"بلادان", 1}, {"بلادهم", 519}, {"بلادهما", 17},
    {"بن", 11170}, {"بنان", 1548}, {"بنتان", 3}, {"بنتين", 4}, {"بنون", 5}, {"بنين", 182}, {"بنينا", 20},
    {"بو", 102}, {"بوان", 6}, {"بوت", 23}, {"بوتان", 8}, {"بوتون", 2}, {"بوتين", 713}, {"بوتينا", 14},
    {"بوتيين", 1}, {"بيرو", 124}, {"بيروت", 448}, {"بيروتيين", 1}, {"حكوم", 13842},
    {"حكومت", 577}, {"حكومتان", 17}, {"حكومتهم", 29}, {"حكومتهما", 1}, {"حكومتين", 61}, {"حكومين", 1},
    {"حكوميون", 32}, {"حكوميين", 80}, {"سلط", 7374}, {"سلطان", 980}, {"سلطانا", 9}, {"سلطانهم", 2},
    {"سلطانين", 1}, {"سلطتان", 4}, {"سلطتين", 10}, {"سلطين", 4}, {"سور", 4451}, {"سوران", 3},
    {"سورتين", 1}, {"سوري", 421}, {"سوريا", 4334}, {"سوريات", 12}, {"سوريان", 5}, {"سوريتين", 7},
    {"سورين", 9}, {"سوريون", 122}, {"سوريين", 691}, {"عام", 23878}, {"عاما", 8976}, {"عامان", 38},
    {"عامتان", 1}, {"عامتين", 3}, {"عامون", 17}, {"عامين", 1252}, {"عاميين", 4}, {"فلسطين", 2075},
    {"فلسطينا", 1}, {"فلسطينين", 16}, {"فلسطينيون", 328}, {"فلسطينيين", 1074}, {"كورو", 1}, {"كورون", 2},
    {"كورونا", 95}, {"كورونتان", 4}, {"كورونتين", 2}, {"كوروين", 1}, {"لبن", 216}, {"لبنان", 1765},
    {"لبنانا", 2}, {"لبنانهم", 1}, {"لبنانيون", 68}, {"لبنانيين", 163}, {"لبنتين", 1}, {"لبنين", 1},
    {"معلم", 611}, {"معلما", 100}, {"معلمت", 7}, {"معلمتهما", 2}, {"معلمتين", 1}, {"معلمنا", 2},
    {"معلمهم", 4}, {"معلمون", 53}, {"معلمين", 439}};

// A vocabulary of a few keys, for the cases that need their own.
bahth::KeyFrequency counts(std::map<std::string, Xapian::doccount> keys) {
  return [keys = std::move(keys)](const std::string& k) -> Xapian::doccount {
    const auto it = keys.find(k);
    return it == keys.end() ? 0 : it->second;
  };
}

Xapian::doccount documents(const std::string& key) {
  auto it = kKeys.find(key);
  return it == kKeys.end() ? 0 : it->second;
}

bool holds(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST_CASE("ending splits: every ending a key ends with, three letters left, longest first") {
  struct Case {
    const char* key;
    std::vector<std::pair<std::string, std::string>> splits;  // base, ending
  } cases[] = {
      {"معلمين", {{"معلم", "ين"}}},
      {"سوريين", {{"سور", "يين"}}},                 // سوري + ين gives the same base: listed once
      {"حكومتهم", {{"حكوم", "تهم"}, {"حكومت", "هم"}}},
      {"فلسطين", {{"فلسط", "ين"}}},                  // a candidate only: the vocabulary refuses it
      {"سوريا", {{"سور", "يا"}}},                     // the nisba ي + ا; سوري + ا gives the same base
      {"بنين", {}},                                   // بن: two letters
      {"قالت", {{"قال", "ت"}}},
      {"بلادهم", {{"بلاد", "هم"}}},
      {"Putin", {}},
      {"2022", {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.key);
    const auto got = ending_splits(c.key);
    REQUIRE(got.size() == c.splits.size());
    for (std::size_t k = 0; k < got.size(); ++k) {
      CHECK(got[k].base == c.splits[k].first);
      CHECK(got[k].ending->suffix == c.splits[k].second);
    }
  }
}

TEST_CASE("ending family: every pair finds its partner") {
  struct Case {
    const char* word;
    const char* partner;
  } cases[] = {
      {"معلمون", "معلمين"}, {"معلمون", "معلم"},   {"معلمين", "معلمون"}, {"معلم", "معلمين"},
      {"معلم", "معلمون"},   {"سوريين", "سور"},    {"سوريين", "سوريون"}, {"سوريا", "سور"},
      {"سور", "سوريين"},    {"سور", "سوريا"},      {"فلسطين", "فلسطينيين"}, {"بلادهم", "بلاد"}, {"بلاد", "بلادهم"},
      {"حكومتهم", "حكوم"},  {"حكوم", "حكومتين"},  {"عاما", "عام"},     {"عام", "عامين"},
      {"ايران", "ايرانيين"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.word);
    CAPTURE(c.partner);
    CHECK(holds(ending_family(c.word, documents), c.partner));
  }
}

TEST_CASE("ending family: names keep their letters") {
  // Each name is read whole: no family member is the name with an ending taken off.
  struct Case {
    const char* name;
    std::vector<std::string> never;
  } cases[] = {
      {"فلسطين", {"فلسط"}},         // no فلسطون, no فلسطان
      {"بوتين", {"بوت", "بوتون", "بوتان"}},  // 2 بوتون beside 713 بوتين
      {"بيروت", {"بيرو"}},          // بيرو (Peru) is rarer than بيروت: not its ت
      {"بنين", {"بن", "بنان"}},      // two letters left
      {"لبنان", {"لبن", "لبنين"}},   // 1 لبنين beside 1,765
      {"سلطان", {"سلط", "سلطين"}},   // 4 سلطين beside 980
      {"ايران", {"اير", "ايرين"}},   // 17 ايرين beside 5,050
      {"كورونا", {"كورو", "كورون"}},  // كورو: not a bare word beside كورونا
      {"لبن", {"لبنان"}},            // and the other way: milk does not find Lebanon
      {"سلط", {"سلطان"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const auto family = ending_family(c.name, documents);
    for (const std::string& w : c.never) {
      CAPTURE(w);
      CHECK_FALSE(holds(family, w));
    }
  }
}

TEST_CASE("ending family: nothing without a vocabulary, the most common form first") {
  CHECK(ending_family("معلمون", [](const std::string&) -> Xapian::doccount { return 0; }).empty());
  const auto family = ending_family("معلمون", documents);
  REQUIRE(family.size() >= 2);
  CHECK(family[0] == "معلم");
  CHECK(family[1] == "معلمين");
}

TEST_CASE("derived forms: verbal noun, verb and participle of the derived verb forms") {
  using bahth::derived_forms;
  struct Case {
    const char* key;
    std::vector<std::string> holds;
  } cases[] = {
      {"انسحاب", {"انسحب", "ينسحب", "تنسحب", "منسحب"}},  // VII
      {"انسحب", {"انسحاب", "ينسحب", "منسحب", "انسحبت"}},
      {"ينسحب", {"انسحب", "انسحاب", "منسحب"}},
      {"منسحب", {"انسحب", "انسحاب", "ينسحب"}},
      {"استخدام", {"استخدم", "يستخدم", "مستخدم"}},        // X
      {"اجتماع", {"اجتمع", "يجتمع"}},                     // VIII
      {"اعلان", {"اعلن", "يعلن", "معلن"}},                 // IV
      {"تطوير", {"يطور", "تطور", "مطور"}},                 // II
      {"يطور", {"تطوير"}},
      {"مطور", {"تطوير"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.key);
    const auto got = derived_forms(c.key);
    for (const std::string& f : c.holds) {
      CAPTURE(f);
      CHECK(holds(got, f));
    }
    CHECK_FALSE(holds(got, c.key));
  }
  // Form I and names are left alone: يكتب is not a derived verb (مكتب is an office), nor بيروت, فلسطين.
  for (const char* key : {"كتب", "بيروت", "فلسطين", "Putin"}) {
    CAPTURE(key);
    CHECK(derived_forms(key).empty());
  }
  CHECK_FALSE(holds(derived_forms("يكتب"), "مكتب"));
}

TEST_CASE("derived family: only the forms the index holds in two documents or more") {
  const bahth::KeyFrequency f = counts({{"انسحب", 120}, {"ينسحب", 40}, {"منسحب", 1}, {"انسحاب", 300}});
  CHECK(bahth::derived_family("انسحاب", f) == std::vector<std::string>{"انسحب", "ينسحب"});
}

TEST_CASE("derived family: ا + three letters is a verb only when the index holds its feminine past") {
  // Documents per key on the 77k-document benchmark index.
  const bahth::KeyFrequency f = counts({{"اعلن", 6204}, {"اعلنت", 6066}, {"يعلن", 1900}, {"اعلان", 3483},
                                        {"اكمل", 672}, {"اكملت", 125}, {"اكمال", 255},
                                        {"احمد", 4280}, {"محمد", 11102}, {"يحمد", 12},
                                        {"اكبر", 7221}, {"اكبرت", 2}, {"يكبر", 150}, {"تكبر", 40},
                                        {"اسعد", 123}, {"اسعدت", 11}, {"اسعاد", 69}});
  CHECK(bahth::derived_family("اعلن", f) == std::vector<std::string>{"اعلنت", "اعلان", "يعلن"});
  CHECK(bahth::derived_family("اكمل", f) == std::vector<std::string>{"اكمال", "اكملت"});
  // Names and elatives keep to themselves.
  for (const char* key : {"احمد", "اكبر", "اسعد"}) {
    CAPTURE(key);
    CHECK(bahth::derived_family(key, f).empty());
  }
}

TEST_CASE("broken plurals: the other number of a word, by its radicals, both ways") {
  using bahth::broken_plural_forms;
  // Stem keys: the stemmer has taken ة off (مدينة is مدين) and written ؤ ئ as ء, ى as ي.
  const std::pair<const char*, const char*> pairs[] = {
      {"سوق", "اسواق"},  {"طفل", "اطفال"},   {"ملك", "ملوك"},     {"بيت", "بيوت"},   {"رجل", "رجال"},
      {"وزير", "وزراء"}, {"رءيس", "رءساء"},  {"صديق", "اصدقاء"},   {"مدين", "مدن"},   {"سفين", "سفن"},
      {"قتيل", "قتل"},   {"كبير", "كبار"},   {"طالب", "طلاب"},    {"شارع", "شوارع"}, {"منزل", "منازل"},
      {"مدرس", "مدارس"}, {"مسجد", "مساجد"},  {"صاروخ", "صواريخ"},
  };
  for (const auto& [s, p] : pairs) {
    const std::string singular = s, plural = p;
    CAPTURE(singular);
    CAPTURE(plural);
    CHECK(holds(broken_plural_forms(singular), plural));
    CHECK(holds(broken_plural_forms(plural), singular));
  }
  // Longer names have no such shape; neither have Latin words.
  for (const std::string key : {"بيروت", "فلسطين", "بوتين", "ترامب", "واشنطن", "Putin"}) {
    CAPTURE(key);
    CHECK(broken_plural_forms(key).empty());
  }
}

TEST_CASE("plural family: only the forms the index holds in two documents or more, most common first") {
  // Documents per key on the 77k-document benchmark index, but for the invented اسوق.
  const bahth::KeyFrequency f = counts({{"سوق", 3342}, {"اسواق", 2169}, {"سواق", 10}, {"سوير", 1}});
  CHECK(bahth::plural_family("سوق", f) == std::vector<std::string>{"اسواق", "سواق"});
  CHECK(bahth::plural_family("اسواق", f) == std::vector<std::string>{"سوق"});
}
