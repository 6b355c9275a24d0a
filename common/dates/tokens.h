// The date module's view of a text: the project's normal form (text/normalizer.h) with the looser folding
// dates match on (fold_variants: ة → ه, ى → ي, dashes, slashes), the original code points it maps back to,
// and tokens (words, numbers, single punctuation marks) looked up in the lexicon (lexicon.h).
//
//   UTF-8 ──normalize_with_offsets (the analyzer's normal form, or made here)──▶ fold_variants ──▶ tokens
//
// Normalisation is the analyzer's, so the indexer analyses a text once (text/analyzer.h: AnalyzedText): marks,
// tatweel and invisible characters dropped (a tatweel that stretches no letter is a dash), alef forms and
// Persian letters folded, digits to ASCII, white space to ' ', line breaks kept (a date never spans two
// lines). Words are runs of letters (is_letter) and split from digits ("2016م" is 2016 + م), unlike the
// analyzer's ICU words. A word's lexicon entry is looked up as written and with its clitics stripped (و ف,
// then ب ل ك; لل for ل + ال). Invalid UTF-8 bytes become U+FFFD. Internal to common/dates/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dates/lexicon.h"
#include "text/chars.h"
#include "text/normalizer.h"

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
/// The same from `text`'s normal form, made already (normalize_with_offsets(text), e.g. by the analyzer).
void analyse(std::string_view text, const NormalizedText& normalized, Analysis& a);

/// The code points of `s` into `cps` and the byte offset of each into `byte_of`, plus one for the end.
void decode_utf8(std::string_view s, std::u32string& cps, std::vector<std::uint32_t>& byte_of);

/// `w` normalised as dates see it (normal form, then fold_variants): for comparing short phrases.
std::u32string normalise(std::u32string_view w);

/// Characters matching looks through (text/chars.h): diacritics and Quranic marks, tatweel, invisible marks.
inline bool is_ignorable(char32_t c) { return is_arabic_mark(c) || is_tatweel(c) || is_invisible(c); }

/// White space other than the line feed.
inline bool is_space(char32_t c) { return c != '\n' && is_white_space(c); }

/// A letter of a word token: Arabic letters, ASCII and Latin accented letters.
inline bool is_letter(char32_t c) {
    return is_arabic_letter(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x00C0 && c <= 0x024F);
}

}  // namespace bahth::detail
