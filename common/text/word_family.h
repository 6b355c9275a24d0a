// The other forms of a plain query word that the index holds: the same word with another ending (a plural
// for a singular, a dual, an attached pronoun: text/endings.h), decided by the index's vocabulary so that
// names keep their letters.
//
//   a plural ending (ون ين ان …) is one where the index also holds the word in its other case:
//       معلمين is معلم + ين, because معلمون is there too (58 documents beside 461); فلسطين (no فلسطون, no
//       فلسطان), بوتين (2 بوتون beside 717), لبنان (1 لبنين beside 2,157), سلطان (4 سلطين beside 1,282)
//       are read whole;
//   a pronoun (هم نا كم … and the ت before one) is one where the bare word is the more common: بلادهم is
//       بلاد + هم (11,885 beside 576); كورونا is not كورو + نا.
// A word read whole still gains the forms of its own endings that pass the same tests (معلم: معلمين,
// معلمون). The counts are documents per stem key (Z term or the exact term that stands for it), measured on
// the 77k-document benchmark index.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

namespace bahth {

/// How many documents hold a stem key (without prefix); 0 for a key the index does not hold.
using KeyFrequency = std::function<Xapian::doccount(const std::string& key)>;

/// The base `key` is read as, by the tests above: معلم for معلمين, بلاد for بلادهم; `key` itself where the
/// vocabulary reads it whole (فلسطين, كورونا).
std::string ending_reading(const std::string& key, const KeyFrequency& frequency);

/// The stem keys of the other forms of the word with stem key `key` (its own key not included), most
/// common first; empty when the vocabulary attests none.
///   ending_family("معلمون", f) == {"معلم", "معلمين"} on the benchmark index; ending_family("فلسطين", f)
///   holds no فلسط
std::vector<std::string> ending_family(const std::string& key, const KeyFrequency& frequency);

/// The stem keys of the derived forms of the word with stem key `key` (text/derived.h: انسحاب for انسحب)
/// that the index holds in at least kMinDerivedDocuments documents, most common first.
std::vector<std::string> derived_family(const std::string& key, const KeyFrequency& frequency);

/// The stem keys of the broken plurals or singulars of the word with stem key `key` (text/derived.h: اسواق
/// for سوق) that the index holds in at least two documents, most common first.
std::vector<std::string> plural_family(const std::string& key, const KeyFrequency& frequency);

/// The three families of the word with stem key `key`, as a query searches them (search/query.h).
struct WordFamily {
  std::vector<std::string> endings;  ///< ending_family
  std::vector<std::string> derived;  ///< derived_family
  std::vector<std::string> plurals;  ///< plural_family
};
WordFamily word_family(const std::string& key, const KeyFrequency& frequency);

}  // namespace bahth
