// text/chars.h: the character classes every stage shares.
#include <doctest/doctest.h>

#include "text/chars.h"

TEST_CASE("digits of the three scripts have their values; nothing else is a digit") {
  struct Case {
    char32_t c;
    int value;
  } cases[] = {{U'0', 0}, {U'9', 9}, {U'٠', 0}, {U'٣', 3}, {U'٩', 9}, {U'۰', 0}, {U'۷', 7},
               {U'a', -1}, {U'/', -1}, {U'ا', -1}, {U'\uFF11', -1} /* full-width: NFKC's job */};
  for (const auto& c : cases) {
    CAPTURE(static_cast<unsigned>(c.c));
    CHECK(bahth::digit_value(c.c) == c.value);
    CHECK(bahth::fold_digit(c.c) == (c.value < 0 ? c.c : U'0' + static_cast<char32_t>(c.value)));
  }
}

TEST_CASE("white space, invisible marks, diacritics and letters are told apart") {
  for (char32_t c : {U' ', U'\t', U'\n', U'\r', U'\u00A0', U'\u2009', U'\u202F', U'\u3000', U'\u2028'}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(bahth::is_white_space(c));
    CHECK_FALSE(bahth::is_invisible(c));
  }
  for (char32_t c : {U'\u200B', U'\u200C', U'\u200F', U'\u202B', U'\u2066', U'\uFEFF', U'\u00AD', U'\u061C'}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(bahth::is_invisible(c));
    CHECK_FALSE(bahth::is_white_space(c));
  }
  for (char32_t c : {U'\u064E', U'\u0651', U'\u0652', U'\u0610', U'\u06E1'}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(bahth::is_arabic_mark(c));
    CHECK_FALSE(bahth::is_arabic_letter(c));
  }
  // The dagger alef is a mark that the letter range U+066E..U+06D3 also covers: the normaliser drops it
  // (marks are tested first); letter counts (arabic_letter_share) count it as a letter.
  CHECK(bahth::is_arabic_mark(U'\u0670'));
  CHECK(bahth::is_tatweel(U'\u0640'));
  CHECK_FALSE(bahth::is_arabic_mark(U'\u06DD'));  // end of ayah: a sign, not a mark on a letter
  CHECK(bahth::is_arabic_letter(U'ب'));
  CHECK(bahth::is_arabic_letter(U'\uFE91'));  // presentation form
  CHECK_FALSE(bahth::is_arabic_letter(U'b'));
  CHECK(bahth::has_arabic_letter("Putin بوتين"));
  CHECK_FALSE(bahth::has_arabic_letter("Putin 2022"));
  CHECK(bahth::arabic_letter_share("ab بت") == doctest::Approx(0.5));
}

TEST_CASE("fold_digits: Arabic-Indic and Persian digits in a string become ASCII, nothing else changes") {
  CHECK(bahth::fold_digits("١٤٣٦هـ") == "1436هـ");
  CHECK(bahth::fold_digits("۲۰۱۸-۰۲-۱۸T17:35") == "2018-02-18T17:35");
  CHECK(bahth::fold_digits("2018 ٢٠١٨ ۲۰۱۸") == "2018 2018 2018");
  CHECK(bahth::fold_digits(std::string("a\xff\xd9") + "٣") == std::string("a\xff\xd9") + "3");  // invalid bytes kept
}
