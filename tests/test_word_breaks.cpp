// Word breaks: the fast rules give ICU's words, character by character and on random texts; texts they do
// not handle go to ICU.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "text/word_breaks.h"

using bahth::WordSpan;
using bahth::word_spans;
using bahth::detail::icu_word_spans;
using bahth::detail::simple_word_spans;

namespace {

// The words of `text` as "word word#" (# marks a number), for readable failures.
std::string words(std::u16string_view text, const std::vector<WordSpan>& spans) {
  std::string out;
  for (const WordSpan& w : spans) {
    if (!out.empty()) out += ' ';
    for (char16_t u : text.substr(w.begin, w.end - w.begin)) {
      if (u < 0x80) out += static_cast<char>(u);
      else out += "<" + std::to_string(static_cast<unsigned>(u)) + ">";
    }
    if (w.numeric) out += '#';
  }
  return out;
}

}  // namespace

TEST_CASE("word breaks: news text, split without ICU as ICU splits it") {
  struct Case {
    std::u16string text;
    const char* expected;  // ASCII letters stand for themselves, others by code
  } cases[] = {
      {u"a b", "a b"},
      {u"don't stop", "don't stop"},            // letter ' letter (WB6/7)
      {u"U.S. army", "U.S army"},               // the last full stop is followed by no letter
      {u"1,000,000 and 3.5", "1,000,000# and 3.5#"},  // digit , digit (WB11/12)
      {u"2016-2017", "2016# 2017#"},            // a dash joins nothing
      {u"a:b", "a b"},                          // ICU takes ':' out of MidLetter
      {u"x1 1x 12a3", "x1# 1x 12a3#"},          // letters and digits join (WB9/10); ending in a digit: a number
      {u"5\u060C6", "5<1548>6#"},              // the Arabic comma joins digits (MidNum)
      {u"\u0628\u0627\u0644\u0639\u0631\u0628\u064A\u060C \u0642\u0627\u0644", "<1576><1575><1604><1593><1585><1576><1610> <1602><1575><1604>"},
      {u"\u201C\u0647\u0627\u0645\u201D.", "<1607><1575><1605>"},  // quotes and a full stop are not words
      {u"", ""},
      {u" .,", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(words(c.text, icu_word_spans(c.text)));
    std::vector<WordSpan> fast;
    REQUIRE(simple_word_spans(c.text, fast));
    CHECK(words(c.text, fast) == c.expected);
    CHECK(fast == icu_word_spans(c.text));
  }
}

TEST_CASE("word breaks: a character the fast rules do not handle sends the whole text to ICU") {
  const std::u16string texts[] = {
      u"snake_case word",          // ExtendNumLet
      u"e\u0301t\u00E9",           // a combining accent (Extend)
      u"\u05E9\u05DC\u05D5\u05DD",  // Hebrew letters
      u"\u0627\u200D\u0644",       // ZWJ
      u"\U0001F600 smile",         // an emoji (a surrogate pair)
      u"\u0E20\u0E32\u0E29\u0E32",  // Thai: split by dictionary
      u"news@example.org",         // ICU's own rules for e-mail addresses
      u"\u65E5\u672C",             // ideographs
  };
  for (const std::u16string& t : texts) {
    std::vector<WordSpan> fast{{0, 1, false}};
    CHECK_FALSE(simple_word_spans(t, fast));
    CHECK(fast.empty());
    CHECK(word_spans(t) == icu_word_spans(t));
  }
}

TEST_CASE("word breaks: every character of the fast table, in context, as ICU splits it") {
  // Each character the fast rules take, between and beside letters and digits of two scripts.
  const std::u16string around[] = {u"ab", u"12", u"\u0628\u0633", u"\u0663\u0664", u"", u" "};
  std::size_t fast_characters = 0;
  for (char32_t c = 0; c < 0x2070; ++c) {
    if (c == 0x0800) c = 0x2000;
    const std::u16string ch(1, static_cast<char16_t>(c));
    std::vector<WordSpan> probe;
    if (!simple_word_spans(ch, probe)) continue;
    ++fast_characters;
    for (const std::u16string& left : around) {
      for (const std::u16string& right : around) {
        for (const std::u16string& t : {left + ch + right, left + ch + ch + right, ch + left + ch, left + right + ch}) {
          std::vector<WordSpan> fast;
          if (!simple_word_spans(t, fast)) continue;
          CAPTURE(static_cast<unsigned>(c));
          CAPTURE(words(t, icu_word_spans(t)));
          REQUIRE(words(t, fast) == words(t, icu_word_spans(t)));
        }
      }
    }
  }
  // Arabic, Latin, digits and the common punctuation all take the fast path.
  CHECK(fast_characters > 1500);
  std::vector<WordSpan> out;
  CHECK(simple_word_spans(u"\u0642\u0627\u0644: \u00AB\u0627\u0644\u0633\u0644\u0627\u0645\u00BB\u061F (2022) \u2013 \u2026 don't 3.5 \u0661\u066B\u0665", out));
}

TEST_CASE("word breaks: random texts split as ICU splits them (fixed seed)") {
  // Letters, digits and every kind of mark between words, spaces, and characters the fast rules leave to ICU.
  const std::u16string alphabet =
      u"aZ\u00E9\u0628\u0627\u064A\u06A9"  // letters: Latin, Arabic, Persian
      u"09\u0663\u06F5"                    // digits: ASCII, Arabic-Indic, Persian
      u".,;:'\u2019\u2018\u00B7\u060C\u066B\u066C\u061B\u2024\u2027\u0387\u055F\u07F8\u2044\""  // mid marks, quotes
      u" \n\t-()\u061F\u00AB\u00BB\u2013\u2026!@#%/\u200B"  // spaces and punctuation
      u"_\u0301\u200C\u200D\u200E\u05D0\u202F\u00AD";  // to ICU: ExtendNumLet, Extend, Format, Hebrew
  std::mt19937 rng(20261205);
  std::uniform_int_distribution<std::size_t> letter(0, alphabet.size() - 1), length(1, 12);
  std::size_t fast = 0;
  for (int k = 0; k < 30000; ++k) {
    std::u16string t;
    for (std::size_t n = length(rng); n > 0; --n) t += alphabet[letter(rng)];
    std::vector<WordSpan> out;
    fast += simple_word_spans(t, out);
    CAPTURE(words(t, icu_word_spans(t)));
    REQUIRE(words(t, word_spans(t)) == words(t, icu_word_spans(t)));
  }
  CHECK(fast > 10000);  // most of them took the fast path
}
