// Where the words of normalised text begin and end: ICU's word break rules (UAX #29 as ICU's root locale
// applies them), with the characters news text is made of split without ICU.
//
// ICU's break iterator was three fifths of analysing a text (some 200 ns a word: its rule machine, its
// cache, a UnicodeString per text). Arabic news after normalisation (text/normalizer.h) is made of letters,
// digits, spaces and punctuation, for which the rules come down to a few: letters and digits join (WB5,
// WB8–WB10); a letter, a mid-letter mark (. ' ’ ·) and a letter join (WB6/WB7); a digit, a mid-number mark
// (. , ، ٬ ; ') and a digit join (WB11/WB12); everything else stands alone. A word is a number when it ends
// in a digit (ICU's status is that of the rule that took the last character: "x1" is a number, "1x" not). So each character's Word_Break class comes from ICU once (a table of U+0000–U+07FF and
// U+2000–U+206F), and a text whose every character has one of those classes is split by those rules; any
// other character anywhere in the text (combining marks, format controls, ExtendNumLet such as _, emoji,
// Hebrew, Katakana, CJK and Thai, whose rules are more involved or dictionary-based, characters ICU's own
// rules treat apart from their class, such as @) sends the whole text to ICU's iterator. Either way the words are
// ICU's: `tests/test_word_breaks.cpp` compares the two on every character of the table in context and on
// random texts.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace bahth {

/// One word of a text: its UTF-16 units [begin, end), and whether ICU calls it a number (UBRK_WORD_NUMBER)
/// rather than a word of letters (UBRK_WORD_LETTER, or kana and ideographs).
struct WordSpan {
  std::uint32_t begin = 0, end = 0;
  bool numeric = false;
  bool operator==(const WordSpan& o) const { return begin == o.begin && end == o.end && numeric == o.numeric; }
};

/// The words of `text` (UTF-16; spaces and punctuation are not words), as ICU's root word break iterator
/// finds them. Throws Error if ICU's iterator cannot be created (broken ICU data).
std::vector<WordSpan> word_spans(std::u16string_view text);

namespace detail {
/// The same words from ICU's iterator alone (the reference the fast path is tested against).
std::vector<WordSpan> icu_word_spans(std::u16string_view text);
/// The same words by the fast rules, or false when a character of `text` needs ICU (`out` is then cleared).
bool simple_word_spans(std::u16string_view text, std::vector<WordSpan>& out);
}  // namespace detail

}  // namespace bahth
