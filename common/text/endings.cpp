#include "text/endings.h"

#include "text/stemmer.h"
#include "text/utf8.h"

namespace bahth {

const std::vector<Ending>& endings() {
  // Longest first, so that a key's longest ending is read off first (سوريين: يين before ين).
  static const std::vector<Ending> all = {
      {"\u062A\u0647\u0645\u0627", EndingKind::pronoun, {}},                              // تهما
      {"\u062A\u0643\u0645\u0627", EndingKind::pronoun, {}},                              // تكما
      {"\u064A\u064A\u0646", EndingKind::plural, {"\u064A\u0648\u0646"}},                 // يين ↔ يون
      {"\u064A\u0648\u0646", EndingKind::plural, {"\u064A\u064A\u0646"}},                 // يون ↔ يين
      {"\u062A\u064A\u0646", EndingKind::plural, {"\u062A\u0627\u0646"}},                 // تين ↔ تان
      {"\u062A\u0627\u0646", EndingKind::plural, {"\u062A\u064A\u0646"}},                 // تان ↔ تين
      {"\u062A\u0647\u0645", EndingKind::pronoun, {}},                                    // تهم
      {"\u062A\u0647\u0646", EndingKind::pronoun, {}},                                    // تهن
      {"\u062A\u0643\u0645", EndingKind::pronoun, {}},                                    // تكم
      {"\u062A\u0646\u0627", EndingKind::pronoun, {}},                                    // تنا
      {"\u0647\u0645\u0627", EndingKind::pronoun, {}},                                    // هما
      {"\u0643\u0645\u0627", EndingKind::pronoun, {}},                                    // كما
      {"\u0648\u0646", EndingKind::plural, {"\u064A\u0646"}},                             // ون ↔ ين
      {"\u064A\u0646", EndingKind::plural, {"\u0648\u0646", "\u0627\u0646"}},             // ين ↔ ون (plural), ان (dual)
      {"\u0627\u0646", EndingKind::plural, {"\u064A\u0646"}},                             // ان ↔ ين
      {"\u0647\u0645", EndingKind::pronoun, {}},                                          // هم
      {"\u0647\u0646", EndingKind::pronoun, {}},                                          // هن
      {"\u0643\u0645", EndingKind::pronoun, {}},                                          // كم
      {"\u0643\u0646", EndingKind::pronoun, {}},                                          // كن
      {"\u064A\u0627", EndingKind::alef, {}},                                             // يا: سوريا beside سوري
      {"\u0646\u0627", EndingKind::pronoun, {}},                                          // نا
      // The ت a feminine noun's ة becomes before ه ها, which the stemmer strips (حكومته → حكومت), and the
      // ت of a verb's feminine past (قالت).
      {"\u062A", EndingKind::pronoun, {}},                                                // ت
      {"\u0627", EndingKind::alef, {}},                                                   // ا
  };
  return all;
}

namespace {
// Letters a base keeps at least: the stemmer's own bound for suffixes (stemmer.cpp, kMinSuffixStem).
constexpr std::size_t kMinBaseLetters = 3;

bool all_arabic_letters(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t c = next_code_point(s, i);
    if (c < 0x0621 || c > 0x064A || c == 0x0640) return false;
  }
  return !s.empty();
}
}  // namespace

std::vector<EndingSplit> ending_splits(std::string_view key) {
  std::vector<EndingSplit> out;
  if (!all_arabic_letters(key)) return out;
  for (const Ending& e : endings()) {
    // Arabic letters are two bytes each in UTF-8.
    if (key.size() < e.suffix.size() + 2 * kMinBaseLetters || key.substr(key.size() - e.suffix.size()) != e.suffix)
      continue;
    std::string base = light_stem(key.substr(0, key.size() - e.suffix.size()));
    bool seen = false;
    for (const EndingSplit& s : out) seen = seen || s.base == base;
    if (!seen) out.push_back({std::move(base), &e});
  }
  return out;
}

}  // namespace bahth
