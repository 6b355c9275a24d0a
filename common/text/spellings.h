// Spellings of one foreign name (issue #13): Arabic news writes a name heard in another language in
// several ways, each source keeping its own: ترامب and ترمب, غوغل and جوجل, بوتين and بوتن, نتانياهو and
// نتنياهو, سامسونغ and سامسونج. They differ by the edits of transliteration:
//
//   a long vowel written or not     ترامب ↔ ترمب, بوتين ↔ بوتن, تشيلسي ↔ تشلسي   (ا و ي, inside the word)
//   the letter for g                غوغل ↔ جوجل ↔ قوقل, غرينتش ↔ جرينتش        (ج غ ق, one or every one)
//   k, t, s                         ك ↔ ق, ت ↔ ط, س ↔ ص                          (one or every one)
//   split or joined                 نيويورك ↔ نيو يورك, فيسبوك ↔ فيس بوك, واتساب ↔ واتس اب
//
// Arabic words of one root differ by the same edits (كتاب ↔ كتب, قتل ↔ كتل, سار ↔ صار), so this module only
// spells the candidates out; index/spelling_groups.h keeps the pairs the index shows to be one name.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bahth {

/// The words one transliteration edit (above) away from `word` (normalised Arabic letters, at least
/// kMinSpellingLetters of them), each of at least kMinSpellingLetters letters; `word` itself not included.
/// Empty for a shorter word or one with other characters.
///   spelling_edits("ترامب") holds "ترمب"; spelling_edits("غوغل") holds "جوجل" and "قوقل"
std::vector<std::string> spelling_edits(std::string_view word);

/// The ways `word` (normalised Arabic letters) splits into two words of at least two letters each, as
/// {first, second}, for a word of at least kMinSpellingLetters + 1 letters; empty otherwise.
///   word_splits("نيويورك") holds {"نيو", "يورك"}
std::vector<std::pair<std::string, std::string>> word_splits(std::string_view word);

/// Shorter words have too many look-alikes (سار, صار, سر) to tell a spelling from another word.
inline constexpr std::size_t kMinSpellingLetters = 4;

}  // namespace bahth
