#include "search/spelling.h"

#include <set>

#include "text/utf8.h"

namespace bahth {

namespace {

// The letters a normalised Arabic word is made of (analyzer.h: alef forms are folded to ا and Persian
// letters to their Arabic twins; ى, ة and the hamza seats stay as written).
constexpr std::u32string_view kLetters = U"ءؤئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي";

constexpr std::size_t kMinLetters = 3;

}  // namespace

std::optional<std::string> nearest_known_form(std::string_view form, const DocumentCount& documents) {
  std::u32string word;
  for (std::size_t i = 0; i < form.size();) {
    const char32_t c = next_code_point(form, i);
    if (kLetters.find(c) == std::u32string_view::npos) return std::nullopt;
    word.push_back(c);
  }
  if (word.size() < kMinLetters) return std::nullopt;

  std::set<std::u32string> edits;
  for (std::size_t i = 0; i < word.size(); ++i) {
    edits.insert(std::u32string(word).erase(i, 1));
    if (i + 1 < word.size()) {
      std::u32string swapped = word;
      std::swap(swapped[i], swapped[i + 1]);
      edits.insert(swapped);
    }
    for (char32_t c : kLetters) {
      std::u32string replaced = word;
      replaced[i] = c;
      edits.insert(replaced);
    }
  }
  for (std::size_t i = 0; i <= word.size(); ++i) {
    for (char32_t c : kLetters) edits.insert(std::u32string(word).insert(i, 1, c));
  }
  edits.erase(word);

  // The set visits the edits in code point order, which is the byte order of their UTF-8: the first of
  // equal counts is the smallest form.
  std::optional<std::string> best;
  Xapian::doccount best_count = 0;
  for (const std::u32string& edit : edits) {
    if (edit.size() < kMinLetters) continue;
    std::string candidate = to_utf8(edit);
    const Xapian::doccount count = documents(candidate);
    if (count > best_count) {
      best = std::move(candidate);
      best_count = count;
    }
  }
  return best;
}

}  // namespace bahth
