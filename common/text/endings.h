// Word endings the light stemmer keeps (stemmer.h), read off at query time like the proclitics.
//
// The sound plurals and duals (ون ين ان, يون يين for a nisba, تان تين for a feminine) and the attached
// pronouns (هم هما كم كما نا هن كن, also after the ت of a feminine noun: حكومتهم) end too many names to be
// stripped while indexing: فلسطين, بوتين, لبنان, سلمان, قانون, مليون, كورونا. So the index keeps every word
// whole (its key with the ending), and a query word is read as base + ending only where the index's
// vocabulary says the ending is one (text/word_family.h decides): a plural ending exists where its case
// partner does too (معلمون beside معلمين; no فلسطون beside فلسطين), a pronoun where the bare word is the
// more common (بلاد beside بلادهم; no كورو beside كورونا).
//
// This module only spells the candidates out; it knows no vocabulary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bahth {

/// What an ending says of the word it ends.
enum class EndingKind {
  plural,   ///< a sound plural or a dual: ون ين ان, يون يين, تان تين; `partners` are its other case forms
  pronoun,  ///< an attached pronoun: هم هما كم كما نا هن كن, and the ت of a feminine before one (حكومتهم; حكومته
            ///< is حكومت once the stemmer strips ه) or of a verb (قالت)
  alef,     ///< ا: the accusative of an indefinite noun (عاما, شخصا); يا: a place beside its nisba (سوريا, سوري)
};

struct Ending {
  std::string_view suffix;                ///< UTF-8
  EndingKind kind;
  std::vector<std::string_view> partners; ///< plural: the endings of the same word in the other case (ون ↔ ين)
};

/// Every ending, longest first.
const std::vector<Ending>& endings();

/// One reading of a stem key as a base and an ending.
struct EndingSplit {
  std::string base;       ///< the key without the ending, stemmed again (stemmer.h: light_stem): سوريين → سور
  const Ending* ending;   ///< the ending read off
};

/// The readings of `key` (a light-stemmed key of Arabic letters) as base + ending, for each ending it ends
/// with that leaves at least three letters, longest ending first. A key of other characters has none. The
/// other forms of a base are `base + suffix` for each ending: the stemmer leaves those keys whole.
///   ending_splits("معلمين") == {{"معلم", ين}}; ending_splits("فلسطين") == {{"فلسط", ين}}
///   ending_splits("السوريين") is not asked (keys have no article); ending_splits("سوريين") == {{"سور", يين},
///   {"سور", ين}}; ending_splits("حكومتهم") == {{"حكوم", تهم}, {"حكومت", هم}}
std::vector<EndingSplit> ending_splits(std::string_view key);

}  // namespace bahth
