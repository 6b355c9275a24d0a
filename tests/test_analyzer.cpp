// Analyzer: normalisation table (input → exact terms), offsets into the original, idempotence.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "text/analyzer.h"
#include "base/errors.h"

using bahth::Analyzer;
using bahth::Token;

namespace {

// The exact forms of `text`, space-separated, as Xapian's api_termgen tests write term lists.
std::string forms(const Analyzer& a, const std::string& text) {
  std::string out;
  for (const Token& t : a.tokenize(text)) out += (out.empty() ? "" : " ") + t.form;
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("normalisation: input to exact terms") {
  const Analyzer a("none");
  struct Case {
    const char* input;
    const char* expected;
  } cases[] = {
      {"الرئيسُ", "الرئيس"},                                  // damma
      {"مُحَمَّدٌ", "محمد"},                                   // shadda, tanween
      {"أيضاً", "ايضا"},                                     // tanween fath, hamza alef
      {"جـديـد", "جديد"},                                      // tatweel
      {"مــــصر", "مصر"},                                       // a run of tatweel stretching a letter
      {"2016ـ2017 2ـمارس", "2016 2017 2 مارس"},                 // a tatweel after no letter is a dash
      {"دبي ـ العربية", "دبي العربية"},                         // a dash between two words
      {"أوكرانيا إسرائيل آسيا ٱلله", "اوكرانيا اسرائيل اسيا الله"},  // alef forms
      {"عام ٢٠٢٤ و۲۰۲۵", "عام 2024 و2025"},                   // Arabic-Indic and Persian digits
      {"بو\u200Cتين", "بوتين"},                                // ZWNJ inside a word
      {"\u200Fبوتين\u200E \u202Bروسيا\u202C", "بوتين روسيا"},  // bidi marks
      {"روسيا\u00A0والصين", "روسيا والصين"},                  // NBSP separates words
      {"روسيا\u200Bوالصين", "روسيا والصين"},                  // zero-width space separates words
      {"\uFEFB \uFEF7", "لا لا"},                                // lam-alef presentation forms (NFKC)
      {"\uFE91\uFEEE\uFE97\uFEF4\uFEE6", "بوتين"},              // presentation forms of a whole word
      {"Putin ÉTÉ", "putin été"},                              // case folding
      {"روسيا، الصين؛ بكين؟ (موسكو)", "روسيا الصين بكين موسكو"},  // Arabic punctuation splits
      {"بـ\"ذا فويس\"", "ب ذا فويس"},
      {"و\u0654ا", "ؤا"},                                        // waw + combining hamza composes to ؤ
      {"ا\u0653", "ا"},                                         // alef + madda: آ, folded to ا
      {"13.8 مليار", "13.8 مليار"},
      {"شي-جين", "شي جين"},
      {"ﷲ", "الله"},                                            // ligature
      {"ی ک", "ي ك"},                                           // Persian yeh and keheh
      {"،،، ؟!", ""},                                           // punctuation only
      {"ًٌٍَُِّْ", ""},                                         // diacritics only
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(forms(a, c.input) == c.expected);
  }
}

TEST_CASE("token offsets point into the original text, marks included") {
  const Analyzer a("none");
  const std::string text = "قال الرئيسُ\u00A0بُوتِين: «جـديـد»";
  const auto tokens = a.tokenize(text);
  REQUIRE(tokens.size() == 4);
  const char* originals[] = {"قال", "الرئيسُ", "بُوتِين", "جـديـد"};
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    CAPTURE(i);
    CHECK(text.substr(tokens[i].start, tokens[i].end - tokens[i].start) == originals[i]);
  }
  CHECK(tokens[2].form == "بوتين");
}

TEST_CASE("normalised units and the original bytes each comes from, two-byte characters of every kind") {
  // Looked up in the normaliser's table (letters, folds, spaces, dropped marks) or normalised (É, ﻻ).
  struct Case {
    const char* input;
    std::u16string text;
    std::vector<std::uint32_t> from, to;
  } cases[] = {
      {"بَ", u"\u0628", {0}, {4}},                    // a diacritic belongs to its letter
      {"ب\u061C", u"\u0628", {0}, {2}},               // the Arabic letter mark is dropped, and does not
      {"a\u00ADb", u"ab", {0, 3}, {3, 4}},             // a soft hyphen belongs to the letter before it
      {"ب\u00A0٣", u"\u0628 3", {0, 2, 4}, {2, 4, 6}},  // NBSP is a space; Arabic-Indic digits are ASCII
      {"أی", u"\u0627\u064A", {0, 2}, {2, 4}},         // alef forms and Persian yeh folded
      {"بـب", u"\u0628\u0628", {0, 4}, {4, 6}},         // a tatweel stretching a letter is dropped
      {"Éa", u"\u00E9a", {0, 2}, {2, 3}},              // upper case: the slow path
      {"\u0622\u0670", u"\u0627", {0}, {4}},           // madda alef folded, dagger alef dropped with it
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    const bahth::NormalizedText n = bahth::normalize_with_offsets(c.input);
    CHECK(n.text == c.text);
    CHECK(n.from == c.from);
    CHECK(n.to == c.to);
  }
}

TEST_CASE("numbers are tokens and are not stemmed") {
  const Analyzer a("snowball");
  const auto tokens = a.tokenize("٢٠٢٢");
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].numeric);
  CHECK(a.stem(tokens[0]) == "2022");
}

TEST_CASE("over-long words are not terms") {
  const Analyzer a("none");
  CHECK(forms(a, std::string(200, 'x') + " كلمة") == "كلمة");
}

TEST_CASE("normalising twice equals normalising once (sample articles)") {
  const Analyzer a("none");
  for (const char* name : {"000_1c21489d73f88a25.txt", "002_7885229fa645d1c2.txt", "003_75c0f02aeffcf6cd.txt"}) {
    const std::string text = read_file(std::string(BAHTH_TEST_DATA_DIR) + "/../../corpus/" + name);
    REQUIRE(!text.empty());
    const std::string once = a.normalize(text);
    CHECK(a.normalize(once) == once);
    CHECK(forms(a, once) == forms(a, text));
  }
}

TEST_CASE("normalising is idempotent on marks around a dropped tatweel (fuzz regression)") {
  // tests/data/fuzz-regressions/analyzer-normalize-not-idempotent: x U+05AE U+0640 U+059B
  const Analyzer a("none");
  for (const std::string text : {"x\u05AE\u0640\u059B", "\u0628\u05AE\u0640\u059B\u0646", "x\u05AE\u200C\u059B"}) {
    const std::string once = a.normalize(text);
    CHECK(a.normalize(once) == once);
  }
}

TEST_CASE("an unknown stemmer is a usage error naming the valid ones") {
  CHECK_THROWS_WITH_AS(Analyzer("porter"), doctest::Contains("unknown stemmer 'porter'"), bahth::Error);
}
