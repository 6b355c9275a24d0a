// The one normaliser of Arabic text: every stage that compares words (index terms, query words, snippets,
// duplicate fingerprints) sees text through it, and keeps a map from every normalised character back to the
// bytes it came from, so that offsets always point into the original text.
//
//   original UTF-8 ──▶ NFKC + case folding ──▶ Arabic folding ──▶ UTF-16 text, from[] / to[] byte offsets
//
// What it does: NFKC (presentation forms, ligatures, full-width forms), case folding, diacritics and
// Quranic marks removed, tatweel removed where it stretches a letter and read as a dash elsewhere ("2016ـ2017",
// "دبي ـ واس"; text/chars.h: is_arabic_mark, is_tatweel), invisible format characters
// removed (is_invisible), alef forms أ إ آ ٱ → ا, Persian ی ک → ي ك, Arabic-Indic and Persian digits →
// ASCII, every white space character (and U+200B) → one space each, ASCII control characters → space except
// the line feed, which stays (line structure matters to datelines and dates). A madda or hamza mark written
// as a separate character composes with the letter before it where Unicode defines it (و + ٔ → ؤ).
//
// What it deliberately does NOT do: fold ى/ي or ة/ه or the hamza seats ؤ ئ (exact and phrase search keep
// the written form; the stem key folds them: text/stemmer.h), split words (text/analyzer.h), or collapse
// runs of spaces (offsets stay one-to-one).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/unistr.h>

namespace bahth {

/// Normalised text in UTF-16, and for every code unit the byte range of the original character(s) it came
/// from. A diacritic or tatweel dropped right after a letter is counted in that letter's range, so a word's
/// range covers its marks. Offsets are 32-bit: inputs are at most 64 MiB (ingest/reader.h), and on a huge
/// article the map is the biggest cost.
struct NormalizedText {
  std::u16string text;
  std::vector<std::uint32_t> from;  ///< original start byte of each unit's source character
  std::vector<std::uint32_t> to;    ///< original end byte of each unit's source character, marks included

  /// A read-only ICU view of `text` (valid while `text` is unchanged).
  icu::UnicodeString icu_text() const {
    return icu::UnicodeString(false, text.data(), static_cast<int32_t>(text.size()));
  }
  /// `text` as UTF-8.
  std::string utf8() const {
    std::string out;
    icu_text().toUTF8String(out);
    return out;
  }
};

/// Normalises valid UTF-8 `s` (invalid bytes come out as U+FFFD). Never fails.
///   normalize_with_offsets("أَحْمَد ٢٠٢٢").text == u"احمد 2022"
NormalizedText normalize_with_offsets(std::string_view s);

/// The looser folding some matchers apply on top of the normal form, one character at a time: ة → ه and
/// ى → ي (writers swap them freely: "رمضان المبارك" / "ذو الحجة" / "ذو الحجه"), Unicode dashes and minus →
/// '-', fraction and division slashes → '/'. Dates match month names and numeric dates on it (dates/tokens.h).
/// Every other character is returned unchanged.
char32_t fold_variants(char32_t c);

}  // namespace bahth
