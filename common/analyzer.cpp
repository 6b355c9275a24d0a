#include "analyzer.h"

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "errors.h"
#include "stemmer.h"
#include "text.h"

namespace bahth {

namespace {

// The normalised text in UTF-16, and for every code unit the original byte range it came from.
struct Folded {
  icu::UnicodeString text;
  std::vector<std::size_t> from;  // original start byte of the unit's source character
  std::vector<std::size_t> to;    // original end byte of the unit's source character (marks folded in included)
};

// Removed entirely: tashkeel, Quranic annotation marks, tatweel, and invisible format characters.
// U+0653..U+0655 (madda, hamza above/below) are not here: they first compose with the letter before them.
bool is_dropped(char32_t c) {
  return (c >= 0x064B && c <= 0x0652) || (c >= 0x0656 && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E8) || (c >= 0x06EA && c <= 0x06ED) ||
         c == 0x0640 || c == 0x061C || c == 0x00AD || (c >= 0x200C && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0xFEFF;
}

bool is_space(char32_t c) {
  return c == 0x00A0 || c == 0x200B || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x1680;
}

// Letter-level folding after NFKC. Returns 0 for characters to drop.
char32_t fold(char32_t c) {
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671:  // آ أ إ ٱ
      return 0x0627;                                   // ا
    case 0x06CC: return 0x064A;  // Persian yeh ی → ي
    case 0x06A9: return 0x0643;  // keheh ک → ك
    default: break;
  }
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  if (is_dropped(c)) return 0;
  if (c >= 0x0653 && c <= 0x0655) return 0;  // a madda or hamza mark that composed with nothing
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

void emit(Folded& f, char32_t c, std::size_t from, std::size_t to) {
  f.text.append(static_cast<UChar32>(c));
  const std::size_t units = c > 0xFFFF ? 2 : 1;
  for (std::size_t k = 0; k < units; ++k) {
    f.from.push_back(from);
    f.to.push_back(to);
  }
}

Folded fold_text(std::string_view s) {
  const icu::Normalizer2& norm = nfkc_cf();
  Folded f;
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
    char32_t c = next_code_point(s, i);
    if (is_dropped(c)) {
      // A diacritic or tatweel right after a letter belongs to that word: a token ends after its marks.
      if (!f.to.empty() && f.to.back() == start && !(c >= 0x200C && c <= 0x206F) && c != 0xFEFF && c != 0x061C)
        f.to.back() = i;
      continue;
    }
    if (c >= 0x0653 && c <= 0x0655) {
      // Compose with the previous output letter where Unicode defines it (و + ٔ → ؤ), then fold again.
      if (!f.from.empty()) {
        const int32_t last = f.text.length() - 1;
        const UChar32 prev = f.text.char32At(last);
        const UChar32 composed = norm.composePair(prev, static_cast<UChar32>(c));
        if (composed >= 0) {
          const std::size_t prev_from = f.from.back();
          f.text.truncate(last);
          f.from.pop_back();
          f.to.pop_back();
          if (char32_t g = fold(static_cast<char32_t>(composed))) emit(f, g, prev_from, i);
          continue;
        }
        f.to.back() = i;  // the dropped mark belongs to the letter before it
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
    // compatibility characters, Latin with combining accents, upper case).
    while (i < s.size()) {
      std::size_t j = i;
      char32_t d = next_code_point(s, j);
      if (norm.hasBoundaryBefore(static_cast<UChar32>(d))) break;
      i = j;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString chunk = icu::UnicodeString::fromUTF8(
        icu::StringPiece(s.data() + start, static_cast<int32_t>(i - start)));
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

Analyzer::Analyzer(const std::string& stemmer_name)
    : stemmer_name_(stemmer_name), stemmer_(make_stemmer(stemmer_name)) {}

std::vector<Token> Analyzer::tokenize(std::string_view text) const {
  std::vector<Token> tokens;
  if (text.empty()) return tokens;
  Folded f = fold_text(text);
  if (f.text.isEmpty()) return tokens;
  icu::BreakIterator& words = word_breaker();
  words.setText(f.text);
  int32_t start = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
    const int32_t status = words.getRuleStatus();
    if (status < UBRK_WORD_NUMBER) continue;  // spaces and punctuation
    Token t;
    f.text.tempSubStringBetween(start, end).toUTF8String(t.form);
    if (t.form.size() > kMaxWordBytes) continue;
    t.start = f.from[static_cast<std::size_t>(start)];
    t.end = f.to[static_cast<std::size_t>(end - 1)];
    t.numeric = status < UBRK_WORD_LETTER;
    tokens.push_back(std::move(t));
  }
  return tokens;
}

std::string Analyzer::normalize(std::string_view text) const {
  std::string out;
  fold_text(text).text.toUTF8String(out);
  return out;
}

std::string Analyzer::stem(const Token& token) const {
  if (token.numeric) return token.form;
  return stemmer_(token.form);
}

void Analyzer::index_text(Xapian::Document& doc, std::string_view text, const std::string& prefix,
                          const std::string& stem_prefix, Xapian::termcount& pos,
                          Xapian::termcount wdf_inc) const {
  for (const Token& t : tokenize(text)) {
    doc.add_posting(prefix + t.form, ++pos, wdf_inc);
    const std::string s = stem(t);
    if (!s.empty()) doc.add_term(stem_prefix + s, wdf_inc);
  }
}

}  // namespace bahth
