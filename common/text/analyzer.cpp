#include "text/analyzer.h"

#include <cstdint>
#include <memory>
#include <unordered_set>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "base/errors.h"
#include "text/stemmer.h"
#include "text/utf8.h"

namespace bahth {

namespace {

// The normalised text in UTF-16, and for every code unit the original byte range it came from.
// Offsets are 32-bit: inputs are at most 64 MiB (reader.h), and a huge article's map is its biggest cost.
struct Folded {
  std::u16string buf;             // appended to unit by unit: far cheaper than UnicodeString::append
  std::vector<std::uint32_t> from;  // original start byte of the unit's source character
  std::vector<std::uint32_t> to;    // original end byte of the unit's source character (marks folded in included)
  // A read-only ICU view of `buf` (valid while `buf` is unchanged).
  icu::UnicodeString text() const { return icu::UnicodeString(false, buf.data(), static_cast<int32_t>(buf.size())); }
};

// Removed entirely: tashkeel, honorific and Quranic annotation marks, tatweel, and invisible format characters.
// U+0653..U+0655 (madda, hamza above/below) are not here: they first compose with the letter before them.
bool is_dropped(char32_t c) {
  return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x0652) || (c >= 0x0656 && c <= 0x065F) || c == 0x0670 ||
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
  std::size_t units = 1;
  if (c > 0xFFFF) {
    f.buf.push_back(static_cast<char16_t>(U16_LEAD(c)));
    f.buf.push_back(static_cast<char16_t>(U16_TRAIL(c)));
    units = 2;
  } else {
    f.buf.push_back(static_cast<char16_t>(c));
  }
  for (std::size_t k = 0; k < units; ++k) {
    f.from.push_back(static_cast<std::uint32_t>(from));
    f.to.push_back(static_cast<std::uint32_t>(to));
  }
}

Folded fold_text(std::string_view s) {
  const icu::Normalizer2& norm = nfkc_cf();
  Folded f;
  f.buf.reserve(s.size());
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
        f.to.back() = static_cast<std::uint32_t>(i);
      continue;
    }
    if (c >= 0x0653 && c <= 0x0655) {
      // Compose with the previous output letter where Unicode defines it (و + ٔ → ؤ), then fold again.
      if (!f.from.empty()) {
        const UChar32 prev = U16_IS_SURROGATE(f.buf.back()) ? -1 : f.buf.back();
        const UChar32 composed = prev < 0 ? -1 : norm.composePair(prev, static_cast<UChar32>(c));
        if (composed >= 0) {
          const std::size_t prev_from = f.from.back();
          f.buf.pop_back();
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

// Function words and question words, in normalised spelling (alef forms folded, as tokenize() leaves them).
// Short on purpose: only words that carry no topic. Question words are here because every question has
// one and they would otherwise weigh as much as the topic words (من، ما، هل are in most documents).
const std::unordered_set<std::string>& stopwords() {
  static const std::unordered_set<std::string> words{
      // prepositions
      "في", "من", "على", "الى", "عن", "مع", "حتى", "منذ", "عند", "لدى", "بين", "خلال", "حول", "نحو", "دون",
      "عبر", "ضد", "قبل", "بعد", "تحت", "فوق", "امام", "لدي",
      // with a pronoun attached
      "له", "لها", "لهم", "به", "بها", "بهم", "منه", "منها", "منهم", "عليه", "عليها", "عليهم", "فيه", "فيها",
      "فيهم", "اليه", "اليها", "عنه", "عنها", "لنا", "انه", "انها", "بانه", "بانها",
      // conjunctions and particles
      "او", "ام", "ثم", "بل", "لكن", "ولكن", "ان", "لان", "لا", "لم", "لن", "ما", "قد", "لقد", "كما", "اذا",
      "اذ", "الا", "اما", "حيث", "عندما", "بينما", "كي", "لكي", "ايضا", "فقط", "غير", "كل", "بعض", "تم",
      "يا", "سوف", "هناك", "هنا",
      // pronouns and demonstratives, relatives
      "هو", "هي", "هم", "هن", "انا", "نحن", "انت", "انتم", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "اولئك",
      "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللاتي", "اللواتي",
      // kana and its forms
      "كان", "كانت", "كانوا", "يكون", "تكون", "ليس", "ليست",
      // question words
      "ماذا", "متى", "اين", "كيف", "كم", "هل", "لماذا", "اي", "ايه", "ايش", "مما", "ممن", "بما", "بم", "فيم",
      "لم", "عم", "كيفية",
      // ما glued to the pronoun that follows it, and a lone article (ال written apart from its word)
      "ماهو", "ماهي", "بماذا", "عما", "ال"};
  return words;
}

// The stop words as people type them: the final ى and ي are often swapped (فى for في, متي for متى, هى for
// هي, اى for اي: 158 of the 3,102 questions of the open QA sets; 153 more have ماهو, ماهي or a lone ال).
// Each word is also listed with its last letter swapped, except على → علي, which is the name Ali.
// Measured on the benchmark (BM25 then): arcd MRR@10 +0.007, the other sets ±0.001.
const std::unordered_set<std::string>& stopword_spellings() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> all = stopwords();
    const std::string yeh = "\u064A", maksura = "\u0649";
    for (const std::string& w : stopwords()) {
      if (w.size() < 2) continue;
      const std::string last = w.substr(w.size() - 2), stem = w.substr(0, w.size() - 2);
      if (last == yeh) all.insert(stem + maksura);
      else if (last == maksura && stem + yeh != "\u0639\u0644\u064A") all.insert(stem + yeh);
    }
    return all;
  }();
  return words;
}

bool is_letter_waw_or_feh(std::string_view w) {
  return w.size() > 2 && (w.substr(0, 2) == "\u0648" || w.substr(0, 2) == "\u0641");
}

}  // namespace

Analyzer::Analyzer(const std::string& stemmer_name)
    : stemmer_name_(stemmer_name), stemmer_(make_stemmer(stemmer_name)), light_(stemmer_name == "light") {}

bool Analyzer::is_stopword(const Token& token) const {
  if (token.numeric || token.form.size() > 16) return false;
  const auto& words = stopword_spellings();
  if (words.count(token.form)) return true;
  // و / ف glued to a stop word: وفي، ومن، فهل
  return is_letter_waw_or_feh(token.form) && words.count(token.form.substr(2));
}

std::vector<Token> Analyzer::tokenize(std::string_view text) const {
  std::vector<Token> tokens;
  if (text.empty()) return tokens;
  const Folded f = fold_text(text);
  if (f.buf.empty()) return tokens;
  const icu::UnicodeString folded = f.text();
  icu::BreakIterator& words = word_breaker();
  words.setText(folded);
  int32_t start = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
    const int32_t status = words.getRuleStatus();
    if (status < UBRK_WORD_NUMBER) continue;  // spaces and punctuation
    Token t;
    folded.tempSubStringBetween(start, end).toUTF8String(t.form);
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
  fold_text(text).text().toUTF8String(out);
  return out;
}

std::string Analyzer::stem(const Token& token) const {
  if (token.numeric) return token.form;
  if (!light_) return stemmer_(token.form);
  if (vocabulary_) {
    const ProcliticSplits splits = proclitic_splits(token.form);
    if (splits.count) {
      // The reading the index attests most; ties keep the whole word, so a word whose readings the index
      // does not know at all is never cut.
      std::string_view best = token.form;
      Xapian::doccount best_freq = vocabulary_(token.form);
      for (std::size_t k = 0; k < splits.count; ++k) {
        const Xapian::doccount f = vocabulary_(std::string(splits.rest[k]));
        if (f > best_freq) {
          best = splits.rest[k];
          best_freq = f;
        }
      }
      return light_stem(best);
    }
  }
  return light_stem(token.form);
}

std::vector<std::string> Analyzer::index_keys(const Token& token) const {
  std::vector<std::string> keys;
  if (is_stopword(token)) return keys;
  if (token.numeric) {
    keys.push_back(token.form);
    return keys;
  }
  if (!light_) {
    keys.push_back(stemmer_(token.form));
    return keys;
  }
  keys.push_back(light_stem(token.form));
  const ProcliticSplits splits = proclitic_splits(token.form);
  for (std::size_t k = 0; k < splits.count; ++k) {
    std::string key = light_stem(splits.rest[k]);
    if (key != keys.front() && (keys.size() < 2 || key != keys[1])) keys.push_back(std::move(key));
  }
  return keys;
}

void Analyzer::index_text(Xapian::Document& doc, std::string_view text, const std::string& prefix,
                          const std::string& stem_prefix, Xapian::termcount& pos,
                          Xapian::termcount wdf_inc) const {
  std::string term;
  for (const Token& t : tokenize(text)) {
    term.assign(prefix).append(t.form);
    doc.add_posting(term, ++pos, wdf_inc);
    for (const std::string& key : index_keys(t)) {
      if (key.empty()) continue;
      term.assign(stem_prefix).append(key);
      doc.add_term(term, wdf_inc);
    }
  }
}

}  // namespace bahth
