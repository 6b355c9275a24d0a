#include "text/normalizer.h"

#include <array>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include "base/errors.h"
#include "text/chars.h"
#include "text/utf8.h"

namespace bahth {

namespace {

// Removed entirely. The combining madda and hamza marks are not: they first try to compose with the letter
// before them. U+200B is not either: it separates words, so it becomes a space.
bool is_dropped(char32_t c) {
  return (is_arabic_mark(c) && !is_combining_hamza(c)) || is_tatweel(c) || (is_invisible(c) && c != 0x200B);
}

// Whether a tatweel after normalised unit `u` stretches a letter (else it stands for a dash).
bool stretches(char16_t u) { return U16_IS_SURROGATE(u) || u_isalpha(u); }

// Spaces other than ASCII's (which the fast path handles), and the zero-width space.
bool is_space(char32_t c) { return (c >= 0x80 && is_white_space(c)) || c == 0x200B; }

// Letter-level folding after NFKC. Returns 0 for characters to drop.
char32_t fold(char32_t c) {
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671:  // آ أ إ ٱ
      return 0x0627;                                   // ا
    case 0x06CC: return 0x064A;  // Persian yeh ی → ي
    case 0x06A9: return 0x0643;  // keheh ک → ك
    default: break;
  }
  c = fold_digit(c);
  if (is_dropped(c)) return 0;
  if (is_combining_hamza(c)) return 0;  // a madda or hamza mark that composed with nothing
  if (is_space(c)) return U' ';
  return c;
}

const icu::Normalizer2& nfkc_cf() {
  static const icu::Normalizer2* n = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* inst = icu::Normalizer2::getInstance(nullptr, "nfkc_cf", UNORM2_COMPOSE, status);
    if (U_FAILURE(status)) throw Error(std::string("ICU normaliser unavailable: ") + u_errorName(status));
    return inst;
  }();
  return *n;
}

void emit(NormalizedText& f, char32_t c, std::size_t from, std::size_t to) {
  std::size_t units = 1;
  if (c > 0xFFFF) {
    f.text.push_back(static_cast<char16_t>(U16_LEAD(c)));
    f.text.push_back(static_cast<char16_t>(U16_TRAIL(c)));
    units = 2;
  } else {
    f.text.push_back(static_cast<char16_t>(c));
  }
  for (std::size_t k = 0; k < units; ++k) {
    f.from.push_back(static_cast<std::uint32_t>(from));
    f.to.push_back(static_cast<std::uint32_t>(to));
  }
}

// What the loop below does with a character of two UTF-8 bytes (U+0080..U+07FF: Latin-1 and Latin, Greek,
// Cyrillic, Hebrew, Arabic) that needs no context, decided once per character by the same tests the loop
// makes, in the same order: most of an Arabic text is looked up, not tested.
struct TwoByteAction {
  enum Kind : std::uint8_t { kAsTested, kEmit, kNothing, kDrop } kind = kAsTested;  // kAsTested: the loop's tests
  bool attaches = false;  // kDrop: the character belongs to the letter before it (a diacritic, a soft hyphen)
  char16_t out = 0;       // kEmit: the unit written
};

const std::array<TwoByteAction, 0x780>& two_byte_actions() {
  static const std::array<TwoByteAction, 0x780> table = [] {
    std::array<TwoByteAction, 0x780> t{};
    const icu::Normalizer2& norm = nfkc_cf();
    for (char32_t c = 0x80; c < 0x800; ++c) {
      TwoByteAction& a = t[c - 0x80];
      if (is_tatweel(c) || is_combining_hamza(c)) continue;  // they depend on the letter before them
      if (is_dropped(c)) {
        a.kind = TwoByteAction::kDrop;
        a.attaches = !is_invisible(c) || c == 0x00AD;
        continue;
      }
      char32_t out;
      if (c >= 0x0600 && c <= 0x06FF && !(c >= 0x0675 && c <= 0x0678)) out = fold(c);
      else if (is_space(c)) out = U' ';
      else if (norm.isInert(static_cast<UChar32>(c))) out = fold(c);
      else continue;  // the slow path: NFKC of its segment
      a.kind = out ? TwoByteAction::kEmit : TwoByteAction::kNothing;
      a.out = static_cast<char16_t>(out);
    }
    return t;
  }();
  return table;
}

}  // namespace

NormalizedText normalize_with_offsets(std::string_view s) {
  const icu::Normalizer2& norm = nfkc_cf();
  const std::array<TwoByteAction, 0x780>& actions = two_byte_actions();
  NormalizedText f;
  f.text.reserve(s.size());
  f.from.reserve(s.size());
  f.to.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII fast path
      ++i;
      char32_t c = (b >= 'A' && b <= 'Z') ? b + 32 : b;
      if (c < 0x20 && c != '\n') c = ' ';
      emit(f, c, start, i);
      continue;
    }
    if (b >= 0xC2 && b <= 0xDF && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      const char32_t c2 = (char32_t(b & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      const TwoByteAction& a = actions[c2 - 0x80];
      if (a.kind != TwoByteAction::kAsTested) {
        i += 2;
        if (a.kind == TwoByteAction::kEmit) {
          emit(f, a.out, start, i);
        } else if (a.kind == TwoByteAction::kDrop && a.attaches && !f.to.empty() && f.to.back() == start) {
          f.to.back() = static_cast<std::uint32_t>(i);
        }
        continue;
      }
    }
    char32_t c = next_code_point(s, i);
    if (is_tatweel(c) && (f.text.empty() || !stretches(f.text.back()))) {
      emit(f, U'-', start, i);  // a tatweel that stretches no letter is a dash: "2016ـ2017", "دبي ـ واس"
      continue;
    }
    if (is_dropped(c)) {
      // A diacritic or tatweel right after a letter belongs to that word: a token ends after its marks (a
      // soft hyphen too: it stands inside words). Invisible controls do not.
      if (!f.to.empty() && f.to.back() == start && (!is_invisible(c) || c == 0x00AD))
        f.to.back() = static_cast<std::uint32_t>(i);
      continue;
    }
    if (is_combining_hamza(c)) {
      // Compose with the previous output letter where Unicode defines it (و + ٔ → ؤ), then fold again.
      if (!f.from.empty()) {
        const UChar32 prev = U16_IS_SURROGATE(f.text.back()) ? -1 : f.text.back();
        const UChar32 composed = prev < 0 ? -1 : norm.composePair(prev, static_cast<UChar32>(c));
        if (composed >= 0) {
          const std::size_t prev_from = f.from.back();
          f.text.pop_back();
          f.from.pop_back();
          f.to.pop_back();
          if (char32_t g = fold(static_cast<char32_t>(composed))) emit(f, g, prev_from, i);
          continue;
        }
        f.to.back() = static_cast<std::uint32_t>(i);  // the dropped mark belongs to the letter before it
      }
      continue;
    }
    if (c >= 0x0600 && c <= 0x06FF && !(c >= 0x0675 && c <= 0x0678)) {  // Arabic block: NFKC-stable
      if (char32_t g = fold(c)) emit(f, g, start, i);
      continue;
    }
    if (is_space(c)) {
      emit(f, U' ', start, i);
      continue;
    }
    if (norm.isInert(static_cast<UChar32>(c))) {
      if (char32_t g = fold(c)) emit(f, g, start, i);
      continue;
    }
    // Slow path: normalise the whole normalisation segment that starts here (presentation forms,
    // compatibility characters, Latin with combining accents, upper case). Characters we drop are left out
    // BEFORE normalising: removing a tatweel between two marks afterwards could leave them out of canonical
    // order, and normalising the result again would then change it (found by fuzzing).
    icu::UnicodeString chunk;
    chunk.append(static_cast<UChar32>(c));
    while (i < s.size()) {
      std::size_t j = i;
      char32_t d = next_code_point(s, j);
      if (!is_dropped(d) && norm.hasBoundaryBefore(static_cast<UChar32>(d))) break;
      if (!is_dropped(d)) chunk.append(static_cast<UChar32>(d));
      i = j;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = norm.normalize(chunk, status);
    if (U_FAILURE(status)) out = chunk;
    for (int32_t k = 0; k < out.length();) {
      UChar32 d = out.char32At(k);
      k += U16_LENGTH(d);
      if (char32_t g = fold(static_cast<char32_t>(d))) emit(f, g, start, i);
    }
  }
  return f;
}

char32_t fold_variants(char32_t c) {
  switch (c) {
    case 0x0629: return 0x0647;  // ة → ه
    case 0x0649: return 0x064A;  // ى → ي
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return U'-';
    case 0x2044: case 0x2215: return U'/';
    default: return c;
  }
}

}  // namespace bahth
