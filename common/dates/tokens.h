// The date module's own view of a text: code points, a normalised copy that maps back to them, and tokens
// (words, numbers, single punctuation marks) looked up in the lexicon (lexicon.h).
//
//   UTF-8 ──decode_utf8──▶ code points (+ byte offsets) ──fold──▶ normalised text (+ map back) ──▶ tokens
//
// Normalisation (fold) looks through what writers vary: tashkeel, dagger alef, Quranic marks, tatweel,
// zero-width and bidi controls are dropped; alef and hamza seats → ا, ى ی → ي, ة → ه, ک → ك; Arabic-Indic
// and Persian digits → ASCII; Unicode dashes → '-', fraction and division slashes → '/', white space → ' '
// (line breaks are kept: a date never spans two lines). A tatweel that does not stretch a letter is a dash.
// A word's lexicon entry is looked up as written and with its clitics stripped (و ف, then ب ل ك; لل for
// ل + ال).
//
// This is deliberately NOT the project's text analyzer (text/analyzer.h): it keeps ة/ه and ى/ي apart there,
// folds them here, and splits words on letters only. Invalid UTF-8 bytes become U+FFFD, one code point
// each. Internal to common/dates/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dates/lexicon.h"

namespace bahth::detail {

enum class Kind : std::uint8_t { word, number, punct };

/// One word, number or punctuation mark of the normalised text.
struct Token {
    Kind kind = Kind::punct;
    std::uint32_t b = 0, e = 0;   // range in the normalised text
    std::u32string_view s;        // normalised text
    const Lex* lex = nullptr;     // exact lexicon entry
    const Lex* lexc = nullptr;    // entry after stripping clitics (= lex when there are none)
    std::uint8_t clitic = 0;      // clitic letters stripped for lexc
    std::uint8_t ndigits = 0;
    bool nl_before = false;       // a line break separates it from the previous token
    bool space_before = false;
    long num = -1;                // value of a number of at most 9 digits
    char32_t p = 0;               // the punctuation character
};

/// A text analysed for date matching. Token views point into `norm`: keep the Analysis alive and unchanged
/// while they are used.
struct Analysis {
    std::u32string cps;               // original code points
    std::vector<std::uint32_t> byte_of;  // byte offset of each code point, plus the end
    std::u32string norm;              // normalised characters
    std::vector<std::uint32_t> src;   // original code point of each normalised character
    std::vector<Token> toks;
};

/// Fills `a` from UTF-8 `text` (any bytes), reusing its buffers.
void analyse(std::string_view text, Analysis& a);

/// The code points of `s` into `cps` and the byte offset of each into `byte_of`, plus one for the end.
void decode_utf8(std::string_view s, std::u32string& cps, std::vector<std::uint32_t>& byte_of);

/// One normalised character, or 0 to drop it (see above).
char32_t fold(char32_t c);

/// Characters matching looks through: tashkeel, dagger alef, Quranic marks, tatweel, zero-width and bidi
/// controls, soft hyphen.
bool is_ignorable(char32_t c);

/// Horizontal white space, NBSP and the other Unicode spaces (not '\n').
bool is_space(char32_t c);

/// A letter of a word token: Arabic letters, ASCII lower case and Latin accented letters (after fold).
bool is_letter(char32_t c);

}  // namespace bahth::detail
