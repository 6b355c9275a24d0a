// The query language, parsed with the same Analyzer that indexed the documents.
//
//   words            any of them (ranked by DLH); each word is normalised and stemmed like the text
//   "a phrase"       the exact words in order (also « » and “ ”); a single quoted word matches exactly
//   +word  -word     the word is required / excluded
//   a AND b, a OR b, a NOT b, a AND NOT b, ( ... )   (OR is also written أو)
//   title:word, title:"a phrase"                    in the title only
//   source:NAME, category:NAME                      filters on the article's source or category
//   date:2018-03..2018-05, date:2018                publication date (either side of .. may be empty)
//   date:7d.., date:yesterday, date:"الشهر الماضي"..   days before today (dates/calendar.h: date_bound)
//   mentioned:2022, mentioned:2016..2018             articles whose text mentions a date in that period
//
// Synonyms stored in the index (index/synonym_table.h): a plain word (not quoted, signed or in a field other
// than title:), or a run of plain words forming a multi-word entry, also matches its synonyms at
// kSynonymWeight of their weight: a one-word synonym by its stem key like a typed word, a longer one as an
// exact phrase. A warning says which were added; quoted words match only as typed.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "dates/calendar.h"
#include "search/pair_bonus.h"
#include "text/analyzer.h"
#include "text/word_family.h"

namespace bahth {

/// What a snippet should highlight: tokens whose stem or exact form is here, and phrase occurrences.
struct MatchSpec {
  std::set<std::string> stems;                     ///< stemmed keys of plain words
  std::set<std::string> exact;                     ///< exact forms of single quoted words
  std::vector<std::vector<std::string>> phrases;   ///< exact forms of each phrase, in order
  bool empty() const { return stems.empty() && exact.empty() && phrases.empty(); }
};

struct ParsedQuery {
  Xapian::Query query;
  MatchSpec match;                    ///< positive terms only: excluded words are never highlighted
  std::vector<std::string> warnings;  ///< e.g. an unbalanced quote that was closed at the end
  std::vector<WordPair> pairs;        ///< neighbouring plain words (pair_bonus.h), in query order
  std::string repaired;               ///< the first warning that repaired the syntax (an unbalanced quote or
                                      ///< parenthesis), or empty: SearchRequest::strict_syntax makes it an error
};

/// How a phrase is checked: given the phrase's exact (body-field) terms in order, and whether it must stand
/// in the title, the query that keeps only the documents holding them in that order (used as the filter of
/// the AND of its words). The default, a PhraseSource (phrase_source.h), needs a local index; the searcher
/// resolves phrases itself over remote shards (Searcher::phrase_documents).
using PhraseFilter = std::function<Xapian::Query(const std::vector<std::string>& terms, bool title)>;

/// The index's synonyms of a normalised word: every stored key that is `word` or starts with `word` and a
/// space (a multi-word entry), with its synonyms (normalised, words joined by one space). Empty: none.
using SynonymLookup =
    std::function<std::vector<std::pair<std::string, std::vector<std::string>>>(const std::string& word)>;

/// The other spellings of the name with stem key `key` (index/spelling_groups.h: ترامب for ترمب); empty for
/// most words. A plain or title: word searches them as itself, and a warning names them; a quoted word
/// matches only as typed.
using SpellingLookup = std::function<std::vector<std::string>(const std::string& key)>;

/// word_family(key, frequency) (text/word_family.h), from a searcher that remembers it for the revision of
/// the index it reads: a question's words recur from query to query, and finding a word's family asks the
/// vocabulary some hundred times. The family returned stays valid until the next call. Empty: computed each
/// time.
using FamilyLookup = std::function<const WordFamily&(const std::string& key, const KeyFrequency& frequency)>;

/// Parses `text` (UTF-8); relative dates in date: count back from `today` (no valid date: they are refused).
/// Throws QueryError when it is empty, has no searchable word (only punctuation or diacritics), is not valid
/// UTF-8, or only excludes words.
ParsedQuery parse_query(std::string_view text, const Analyzer& analyzer, const CivilDate& today,
                        const PhraseFilter& phrase_filter = {}, const SynonymLookup& synonyms = {},
                        const SpellingLookup& spellings = {}, const FamilyLookup& families = {});

}  // namespace bahth

#include <functional>
#include <istream>

namespace bahth {

/// One query of a batch file.
struct BatchQuery {
  std::string id;      ///< the ID before a tab, or the line number
  std::string text;
  std::string origin;  ///< "file:line" for messages
};

/// Reads a batch of queries, one per line: "ID<TAB>query" or just "query" (its id is the line number).
/// Blank lines and lines starting with '#' are skipped; a line that is not valid UTF-8 is reported to
/// `problem` and skipped. Calls `query` for each, in order, as they are read (stdin streams).
void read_query_lines(std::istream& in, const std::string& name, const std::function<void(BatchQuery&&)>& query,
                      const std::function<void(const std::string&)>& problem);

}  // namespace bahth
