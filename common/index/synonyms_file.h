// Reading a synonyms file (bahth-index --synonyms FILE) into groups of equivalent entries, each entry in the
// normal form the query parser looks synonyms up by. Storing the groups is synonym_table.h's job.
//
// Format: UTF-8 text, one group of equivalent words or phrases a line, its entries separated by commas
// (ASCII , or the Arabic comma ،) or tabs:
//     # the acronym and the full name
//     داعش، تنظيم الدولة، الدولة الإسلامية
//     الأمم المتحدة, هيئة الأمم
// Blank lines and lines whose first non-blank character is # are skipped; a trailing CR is ignored. Each
// entry is normalised by the Analyzer that parses queries (diacritics, alef forms, tatweel … as in
// normalizer.h) and its words are joined by one space: أمريكا, امريكا and أمْرِيكا are one entry. Entries
// that normalise alike are kept once.
//
// A line that cannot be used is skipped and described in `problems` as "FILE:LINE: cause; skipped": not
// valid UTF-8, fewer than two different entries, an entry with no searchable word, a word longer than
// Analyzer::kMaxWordBytes, an entry longer than kMaxSynonymBytes. The other lines are kept.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include "text/analyzer.h"

namespace bahth {

/// Longest entry (bytes, normalised): a Xapian term holds at most 245 bytes; the synonym table's key has a
/// byte of overhead, so 240 leaves a margin.
inline constexpr std::size_t kMaxSynonymBytes = 240;

/// A group of equivalent entries from one line: each entry points to all the others.
struct SynonymGroup {
  std::vector<std::string> entries;  ///< normalised, words joined by one space; at least two, all different
  std::string origin;                ///< "FILE:LINE", for messages
};

struct SynonymFile {
  std::vector<SynonymGroup> groups;   ///< the usable lines, in file order
  std::vector<std::string> problems;  ///< one line per skipped line: "FILE:LINE: cause; skipped"
};

/// Reads the groups of `in`; `name` names it in messages. Uses only `analyzer`'s normalisation and word
/// splitting (not its stemmer or vocabulary). Never throws for bad content: see problems.
SynonymFile read_synonyms(std::istream& in, const std::string& name, const Analyzer& analyzer);

}  // namespace bahth
