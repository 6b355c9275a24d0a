// The stemmers an index can be built with. The stemmer is a swappable part of the analysis pipeline: its
// name is recorded in the index (schema.h: kMetaStemmer) so the searcher always analyses queries the same way.
//
//   light     (default) Light10-style light stemmer for Arabic, written for names to survive (see below)
//   snowball  Xapian's Snowball Arabic: aggressive, mangles names (بوتين → وتين)
//   none      identity: the stem key is the normalised word
//
// The light stemmer works on words the Analyzer has already normalised (alef forms folded, diacritics and
// tatweel removed). It adds the foldings that belong in the stem key only, so exact and phrase search keep
// the written form: ى → ي and the hamza seats ؤ ئ → ء (مسؤول = مسئول) (see stemmer.cpp for the
// measurements behind each choice). Then it takes off one definite-article group (ال وال بال كال فال لل,
// and و/ف + بال/كال/لل) when at least two letters remain, then the suffixes ها ه يه ات ة ي when at least
// three letters remain, and repeats until nothing changes, so stemming is idempotent (مغربية → مغرب,
// مدرسة = مدرسه → مدرس).
//
// What it deliberately does NOT do on its own, because the same letters begin or end names:
//   - the one-letter proclitics و ف ب ل ك (and وب ول وك فب فل فك): بيروت is not ب + يروت, but بفلسطين is
//     ب + فلسطين. `proclitic_splits` lists the possible splits; the Analyzer indexes every reading and picks
//     one at query time from the index's vocabulary (see analyzer.h).
//   - the plural and dual endings ين ون ان and the pronouns هم نا كم …: فلسطين, بوتين, لبنان, ايران are not
//     plurals, كورونا has no pronoun. They are kept in the index; the query reads them off where the
//     index's vocabulary says so (endings.h, text/word_family.h).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace bahth {

/// The stemmer names `make_stemmer` accepts, the default first.
const std::vector<std::string>& stemmer_names();

/// The default stemmer's name.
std::string default_stemmer_name();

/// A stemmer by name: "light", "snowball" (Xapian's Snowball Arabic) or "none" (identity).
/// Input words are already normalised (see Analyzer). Throws UsageError listing the valid names otherwise.
Xapian::Stem make_stemmer(std::string_view name);

/// The light stemmer's key for one normalised word (UTF-8). A word that is not all Arabic letters (Latin,
/// digits, mixed) is returned unchanged. Never fails; idempotent: light_stem(light_stem(w)) == light_stem(w).
///   light_stem("والصين") == "صين"; light_stem("معلمات") == "معلم"; light_stem("فلسطين") == "فلسطين";
///   light_stem("المغربية") == "مغرب"
std::string light_stem(std::string_view word);

/// The words `word` may stand for once a one-letter proclitic is taken off: for و/ف the rest, and for
/// و/ف + ب/ل/ك or a lone ب/ل/ك the rest after them; only when at least three letters remain and the word
/// does not start with a definite-article group (the stemmer strips those itself). The views point into
/// `word`; at most two, the longest first.
///   proclitic_splits("وبيروت") == {"بيروت", "يروت"}; proclitic_splits("بفلسطين") == {"فلسطين"}
struct ProcliticSplits {
  std::array<std::string_view, 2> rest;
  std::size_t count = 0;
};
ProcliticSplits proclitic_splits(std::string_view word);

/// The Arabic letters (U+0621..U+064A) of `word` as the light stemmer folds them (ى as ي, ؤ ئ as ء), a bit
/// each; other characters add none. A light stem key of a word, of any of its proclitic readings, is a run of
/// the word's letters, folded: it holds no letter the word does not, so
/// (stem_letters(key) & ~stem_letters(word)) == 0. A matcher passes over a word none of whose possible keys
/// it looks for without stemming it.
std::uint64_t stem_letters(std::string_view word);

}  // namespace bahth
