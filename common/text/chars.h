// Character classes of Arabic text, in one place: what is a space, an invisible mark, a diacritic, an Arabic
// letter, a digit. Every stage asks these functions instead of listing code points of its own (the
// normaliser, the query lexer, the HTML text collector, dates).
//
// Deliberately NOT here: what to do with a character (drop it, fold it, break a word on it): that is the
// normaliser's job (text/normalizer.h), and its options say where a stage wants more folding.
#pragma once

#include <string>
#include <string_view>

namespace bahth {

/// White space between words: ASCII space, tab, CR, LF, FF, VT, NEL, NBSP, ogham space, the en/em/thin/hair
/// spaces U+2000..U+200A, the line and paragraph separators, narrow NBSP, medium mathematical space and
/// ideographic space (Unicode's White_Space property). Not the zero-width space U+200B (see is_invisible).
bool is_white_space(char32_t c);

/// Invisible format characters that carry no text: soft hyphen, Arabic letter mark, zero-width space,
/// non-joiner and joiner, LRM/RLM, the bidi embeddings, overrides and isolates, word joiner and invisible
/// operators, BOM / zero-width no-break space.
bool is_invisible(char32_t c);

/// Arabic diacritics and Quranic annotation marks: honorifics U+0610..U+061A, tashkeel U+064B..U+065F (with
/// madda and hamza above/below, U+0653..U+0655, which the normaliser first tries to compose), the dagger
/// alef U+0670, and the small high/low marks U+06D6..U+06ED except the end-of-ayah and rub el hizb signs.
bool is_arabic_mark(char32_t c);

/// The madda and hamza marks U+0653..U+0655, which compose with the letter before them (و + ٔ = ؤ).
inline bool is_combining_hamza(char32_t c) { return c >= 0x0653 && c <= 0x0655; }

/// Tatweel (kashida) U+0640: stretches a letter, carries nothing.
inline bool is_tatweel(char32_t c) { return c == 0x0640; }

/// Whether `c` is a letter of the Arabic script (U+0620..U+064A, U+066E..U+06D3, U+06FA..U+06FC,
/// presentation forms).
bool is_arabic_letter(char32_t c);

/// The Arabic-script letters in `s` divided by all letters (0 when there are none).
double arabic_letter_share(std::string_view s);

/// Whether `s` contains at least one Arabic letter.
bool has_arabic_letter(std::string_view s);

/// The value 0..9 of an ASCII, Arabic-Indic (٠..٩) or Persian (۰..۹) digit; -1 for anything else.
int digit_value(char32_t c);

/// An Arabic-Indic or Persian digit as its ASCII digit; every other character unchanged.
inline char32_t fold_digit(char32_t c) {
  const int v = digit_value(c);
  return v < 0 ? c : static_cast<char32_t>(U'0' + v);
}

/// `s` with its Arabic-Indic and Persian digits as ASCII digits; every other byte (invalid UTF-8 too) kept.
///   fold_digits("١٤٣٦هـ") == "1436هـ"
std::string fold_digits(std::string_view s);

}  // namespace bahth
