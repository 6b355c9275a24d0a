#include "text/word_breaks.h"

#include <array>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "base/errors.h"

namespace bahth {

namespace {

// What a character does to words under the rules of the fast path; kNeedsIcu: it is not handled there.
enum class Kind : std::uint8_t { kOther, kLetter, kDigit, kMidLetter, kMidNum, kMidNumLet, kNeedsIcu };

// The two ranges the table covers: Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac, Thaana, N'Ko
// (U+0000–U+07FF), and General Punctuation (U+2000–U+206F: dashes, quotes, the ellipsis).
constexpr char16_t kLowEnd = 0x0800, kPunctBegin = 0x2000, kPunctEnd = 0x2070;

Kind kind_from_icu(UChar32 c) {
  // ICU's root rules take ':' (and its small and full-width forms) out of MidLetter: "a:b" is two words.
  if (c == ':') return Kind::kOther;
  if (c == '@') return Kind::kNeedsIcu;  // ICU 72 joins e-mail addresses by rules of its own
  if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) return Kind::kNeedsIcu;  // emoji sequences
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
      // Letters of scripts split by dictionary (none in these ranges today) are ICU's.
      return u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT ? Kind::kNeedsIcu : Kind::kLetter;
    case U_WB_NUMERIC: return Kind::kDigit;
    case U_WB_MIDLETTER: return Kind::kMidLetter;
    case U_WB_MIDNUM: return Kind::kMidNum;
    case U_WB_MIDNUMLET: case U_WB_SINGLE_QUOTE: return Kind::kMidNumLet;
    case U_WB_OTHER: case U_WB_CR: case U_WB_LF: case U_WB_NEWLINE: case U_WB_WSEGSPACE:
    case U_WB_DOUBLE_QUOTE:  // joins Hebrew letters only, and those are ICU's
      return Kind::kOther;
    default: return Kind::kNeedsIcu;  // Extend, Format, ZWJ, ExtendNumLet, Hebrew_Letter, Katakana, ...
  }
}

struct KindTable {
  std::array<Kind, kLowEnd> low;
  std::array<Kind, kPunctEnd - kPunctBegin> punct;
  KindTable() {
    for (UChar32 c = 0; c < kLowEnd; ++c) low[static_cast<std::size_t>(c)] = kind_from_icu(c);
    for (UChar32 c = kPunctBegin; c < kPunctEnd; ++c) punct[static_cast<std::size_t>(c - kPunctBegin)] = kind_from_icu(c);
  }
  Kind operator()(char16_t u) const {
    if (u < kLowEnd) return low[u];
    if (u >= kPunctBegin && u < kPunctEnd) return punct[u - kPunctBegin];
    return Kind::kNeedsIcu;
  }
};

const KindTable& kinds() {
  static const KindTable table;
  return table;
}

bool joins_letters(Kind k) { return k == Kind::kMidLetter || k == Kind::kMidNumLet; }
bool joins_digits(Kind k) { return k == Kind::kMidNum || k == Kind::kMidNumLet; }

// One word-break iterator per thread: creating one is expensive, and they are not thread-safe.
icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !b) throw Error(std::string("ICU word breaker unavailable: ") + u_errorName(status));
    return b;
  }();
  return *it;
}

}  // namespace

namespace detail {

bool simple_word_spans(std::u16string_view text, std::vector<WordSpan>& out) {
  out.clear();
  const KindTable& kind = kinds();
  const std::size_t n = text.size();
  // Each character's kind once: the rules look one character ahead and behind.
  std::size_t i = 0;
  Kind here = n ? kind(text[0]) : Kind::kOther;
  while (i < n) {
    if (here == Kind::kNeedsIcu) {
      out.clear();
      return false;
    }
    if (here != Kind::kLetter && here != Kind::kDigit) {  // a space or a mark between words: not a word
      ++i;
      here = i < n ? kind(text[i]) : Kind::kOther;
      continue;
    }
    const std::size_t begin = i;
    Kind last = here;  // the last letter or digit taken
    for (;;) {
      ++i;
      here = i < n ? kind(text[i]) : Kind::kOther;
      if (here == Kind::kLetter || here == Kind::kDigit) {  // WB5, WB8, WB9, WB10
        last = here;
        continue;
      }
      if (i + 1 < n && ((last == Kind::kLetter && joins_letters(here)) || (last == Kind::kDigit && joins_digits(here)))) {
        const Kind next = kind(text[i + 1]);
        if (next == last) {  // WB6/WB7 (letter mark letter), WB11/WB12 (digit mark digit)
          ++i;
          here = next;
          continue;
        }
      }
      break;
    }
    // ICU's status is that of the rule that took the last character: a word that ends in a digit is a
    // number ("x1", "12a3"), one that ends in a letter is not ("1x").
    out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i), last == Kind::kDigit});
  }
  return true;
}

std::vector<WordSpan> icu_word_spans(std::u16string_view text) {
  std::vector<WordSpan> out;
  if (text.empty()) return out;
  const icu::UnicodeString view(false, text.data(), static_cast<int32_t>(text.size()));
  icu::BreakIterator& words = word_breaker();
  words.setText(view);
  int32_t start = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
    const int32_t status = words.getRuleStatus();
    if (status < UBRK_WORD_NUMBER) continue;  // spaces and punctuation
    out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), status < UBRK_WORD_LETTER});
  }
  return out;
}

}  // namespace detail

std::vector<WordSpan> word_spans(std::u16string_view text) {
  std::vector<WordSpan> out;
  if (detail::simple_word_spans(text, out)) return out;
  return detail::icu_word_spans(text);
}

}  // namespace bahth
