#include "text/stemmer.h"

#include "base/choices.h"
#include "base/errors.h"
#include "text/utf8.h"

namespace bahth {

namespace {

// Identity: the "none" stemmer still folds nothing further; the Z terms equal the exact forms.
class IdentityStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return word; }
  std::string get_description() const override { return "none"; }
};

class LightStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return light_stem(word); }
  std::string get_description() const override { return "light"; }
};

constexpr char32_t kBeh = 0x0628, kFeh = 0x0641, kKaf = 0x0643, kLam = 0x0644, kWaw = 0x0648,
                   kAlefMaksura = 0x0649, kYeh = 0x064A, kHamza = 0x0621, kWawHamza = 0x0624,
                   kYehHamza = 0x0626;

// A word as code points, on the stack: normalised words are at most Analyzer::kMaxWordBytes (64) bytes,
// so at most 32 Arabic letters; longer words are returned unchanged.
struct Letters {
  static constexpr std::size_t kMax = 64;
  char32_t c[kMax];
  std::size_t begin = 0, end = 0;
  std::size_t size() const { return end - begin; }
  bool starts_with(std::u32string_view p) const {
    if (p.size() > size()) return false;
    for (std::size_t k = 0; k < p.size(); ++k) {
      if (c[begin + k] != p[k]) return false;
    }
    return true;
  }
  bool ends_with(std::u32string_view p) const {
    if (p.size() > size()) return false;
    for (std::size_t k = 0; k < p.size(); ++k) {
      if (c[end - p.size() + k] != p[k]) return false;
    }
    return true;
  }
};

bool is_arabic_base_letter(char32_t c) { return c >= 0x0621 && c <= 0x064A && c != 0x0640; }

// Decodes `word` if it is all Arabic letters; false otherwise (Latin, digits, too long).
bool decode(std::string_view word, Letters& out) {
  std::size_t i = 0;
  out.begin = out.end = 0;
  while (i < word.size()) {
    if (static_cast<unsigned char>(word[i]) < 0x80 || out.end == Letters::kMax) return false;
    const char32_t ch = next_code_point(word, i);
    if (!is_arabic_base_letter(ch)) return false;
    out.c[out.end++] = ch;
  }
  return out.end > 0;
}

// Definite-article groups, longest first: the conjunctions و ف and the prepositions ب ك before ال, and
// لل (ل + ال, whose alef is not written).
constexpr std::u32string_view kArticles[] = {
    U"\u0648\u0628\u0627\u0644", U"\u0648\u0643\u0627\u0644", U"\u0641\u0628\u0627\u0644",
    U"\u0641\u0643\u0627\u0644", U"\u0648\u0627\u0644",       U"\u0628\u0627\u0644",
    U"\u0643\u0627\u0644",       U"\u0641\u0627\u0644",       U"\u0648\u0644\u0644",
    U"\u0641\u0644\u0644",       U"\u0627\u0644",             U"\u0644\u0644",
};

// Suffixes, longest first: the pronouns ها ه, the nisba يه ي, the feminine plural ات, the feminine ending ة
// (with ي after it, the fixed point takes ية: مغربية → مغرب, so مغربية meets المغرب). Not ين ون ان: they
// end too many names (فلسطين بوتين لبنان ايران); stripping them measured +0.004 MRR@10 on xquad-ar and
// -0.002 on arcd, no reason to cut names.
// ة is stripped as Light10 and Lucene do. It merges مدرسة (school) with مدرس (teacher), but it also makes
// the common spelling with ه meet the written one (الطبقه → طبق = الطبقة), and the nisba adjective meet its
// noun. Measured with DLH ranking (QA paragraphs + a quarter of the news, all questions of the three open
// sets): MRR@10 +0.004 overall (arcd +0.007, mlqa-dev-ar +0.007, xquad-ar ±0.000), Recall@100 +0.003.
// On the news known-item test (searcher.cpp) it cost about 0.01 MRR@10 (0.812 → 0.798): watch this on the
// held-out news sets. (An earlier measurement with BM25 and ة folded to ه, not stripped, was -0.003 to -0.006.)
constexpr std::u32string_view kSuffixes[] = {U"\u0647\u0627", U"\u064A\u0647", U"\u0627\u062A", U"\u0647",
                                             U"\u0629", U"\u064A"};

// Letters a stem keeps at least, after a suffix is taken off: two-letter stems are too ambiguous (and
// measured slightly worse than three: MRR@10 -0.004).
constexpr std::size_t kMinSuffixStem = 3;

// One pass: an article group, then suffixes. Returns whether anything was stripped.
bool strip_once(Letters& w) {
  bool changed = false;
  for (std::u32string_view a : kArticles) {
    if (w.size() >= a.size() + 2 && w.starts_with(a)) {
      w.begin += a.size();
      changed = true;
      break;
    }
  }
  for (std::u32string_view s : kSuffixes) {
    if (w.size() >= s.size() + kMinSuffixStem && w.ends_with(s)) {
      w.end -= s.size();
      changed = true;
    }
  }
  return changed;
}

bool is_conjunction(char32_t c) { return c == kWaw || c == kFeh; }
bool is_preposition(char32_t c) { return c == kBeh || c == kLam || c == kKaf; }

}  // namespace

std::string light_stem(std::string_view word) {
  Letters w;
  if (!decode(word, w)) return std::string(word);
  // Stem-key foldings, each kept because it measured no worse (MRR@10 over all questions of the three open
  // sets, subset corpus): ى → ي (+0.002; ى is only written at the end of a word, so folding it everywhere is
  // the same and cheaper) and ؤ ئ → ء (±0.001, kept for مسؤول = مسئول). ة is not folded here: it is a
  // suffix (kSuffixes).
  for (std::size_t i = w.begin; i < w.end; ++i) {
    char32_t& ch = w.c[i];
    if (ch == kAlefMaksura) ch = kYeh;
    else if (ch == kWawHamza || ch == kYehHamza) ch = kHamza;
  }
  // Repeat to a fixed point: one pass may uncover another suffix (مهندساتها → مهندسات → مهندس), and a
  // fixed point makes stemming idempotent, so a stem fed back in (query expansion, tests) stays put.
  while (strip_once(w)) {
  }
  std::string out;
  out.reserve(w.size() * 2);
  for (std::size_t i = w.begin; i < w.end; ++i) append_utf8(out, w.c[i]);
  return out;
}

ProcliticSplits proclitic_splits(std::string_view word) {
  ProcliticSplits out;
  Letters w;
  if (!decode(word, w) || w.size() < 4) return out;
  for (std::u32string_view a : kArticles) {
    if (w.size() >= a.size() + 2 && w.starts_with(a)) return out;
  }
  // Byte offsets: every Arabic letter is two bytes in UTF-8.
  const char32_t first = w.c[0], second = w.c[1];
  if (is_conjunction(first)) {
    out.rest[out.count++] = word.substr(2);
    if (is_preposition(second) && w.size() >= 5) out.rest[out.count++] = word.substr(4);
  } else if (is_preposition(first)) {
    out.rest[out.count++] = word.substr(2);
  }
  return out;
}

std::uint64_t stem_letters(std::string_view word) {
  std::uint64_t letters = 0;
  // Byte by byte: U+0621..U+064A are D8 A1..D9 8A in UTF-8, and D8, D9 only ever lead a character.
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    const unsigned char lead = static_cast<unsigned char>(word[i]);
    if (lead != 0xD8 && lead != 0xD9) continue;
    char32_t c = static_cast<char32_t>(((lead & 0x1F) << 6) | (static_cast<unsigned char>(word[i + 1]) & 0x3F));
    ++i;
    if (!is_arabic_base_letter(c)) continue;
    if (c == kAlefMaksura) c = kYeh;
    else if (c == kWawHamza || c == kYehHamza) c = kHamza;
    letters |= std::uint64_t{1} << (c - kHamza);
  }
  return letters;
}

namespace {
// The stemmers by name, the default first: the one table behind make_stemmer, stemmer_names and --help.
using StemmerFactory = Xapian::Stem (*)();
constexpr Choice<StemmerFactory> kStemmers[] = {
    {"light", [] { return Xapian::Stem(new LightStem); }},
    {"snowball", [] { return Xapian::Stem("arabic"); }},
    {"none", [] { return Xapian::Stem(new IdentityStem); }}};
}  // namespace

const std::vector<std::string>& stemmer_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const auto& c : kStemmers) all.emplace_back(c.name);
    return all;
  }();
  return names;
}

std::string default_stemmer_name() { return stemmer_names().front(); }

Xapian::Stem make_stemmer(std::string_view name) {
  if (const auto* c = find_choice(kStemmers, name)) return c->value();
  throw UsageError("unknown stemmer '" + std::string(name) + "' (valid: " + choice_names(kStemmers, ", ", ", ") + ")");
}

}  // namespace bahth
