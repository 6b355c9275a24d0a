#include "text/spellings.h"

#include <algorithm>

#include "text/utf8.h"

namespace bahth {

namespace {

constexpr std::u32string_view kLongVowels = U"اوي";

// Letters that stand for one foreign sound; a letter may be in two (ق: g and k).
constexpr std::u32string_view kSoundClasses[] = {U"جغق", U"كق", U"تط", U"سص"};

}  // namespace

std::vector<std::pair<std::string, std::string>> word_splits(std::string_view word) {
  const std::u32string w = arabic_word_letters(word);
  std::vector<std::pair<std::string, std::string>> out;
  if (w.size() <= kMinSpellingLetters) return out;
  for (std::size_t i = 2; i + 2 <= w.size(); ++i) out.emplace_back(to_utf8(w.substr(0, i)), to_utf8(w.substr(i)));
  return out;
}

std::vector<std::string> spelling_edits(std::string_view word) {
  const std::u32string w = arabic_word_letters(word);
  if (w.size() < kMinSpellingLetters) return {};
  std::vector<std::u32string> out;
  // A long vowel dropped or added inside the word: the first and last letters stay.
  for (std::size_t i = 1; i + 1 < w.size(); ++i)
    if (kLongVowels.find(w[i]) != std::u32string_view::npos) out.push_back(w.substr(0, i) + w.substr(i + 1));
  for (std::size_t i = 1; i < w.size(); ++i)
    for (char32_t v : kLongVowels) out.push_back(w.substr(0, i) + v + w.substr(i));
  // Another letter for the same sound, at one place or at every place it stands (غوغل → جوجل).
  for (std::u32string_view cls : kSoundClasses) {
    for (char32_t from : cls) {
      if (w.find(from) == std::u32string::npos) continue;
      for (char32_t to : cls) {
        if (to == from) continue;
        std::u32string all = w;
        std::replace(all.begin(), all.end(), from, to);
        out.push_back(all);
        for (std::size_t i = 0; i < w.size(); ++i) {
          if (w[i] != from) continue;
          std::u32string one = w;
          one[i] = to;
          out.push_back(one);
        }
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  std::vector<std::string> utf8;
  for (const std::u32string& e : out)
    if (e != w && e.size() >= kMinSpellingLetters) utf8.push_back(to_utf8(e));
  return utf8;
}

}  // namespace bahth
