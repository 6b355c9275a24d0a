// Query words the index has never seen: 91 in the 3,102 questions of the open QA sets. Typos (مجاس
// for مجلس, اسنخدم for استخدم, بالجيكيا), names spelled another way (روتشليد), a letter dropped or doubled.
// Such a word matches nothing, so the query loses what is often its most specific word. The query parser
// reads it instead as the form one edit away that the index holds in the most documents, and says so
// (query.cpp). Measured on the relevance benchmark (scripts/bench-relevance.sh), all 3,102 questions:
// MRR@10 0.6921 → 0.6946, Recall@100 0.9088 → 0.9104. Words the index holds, however rarely, are never
// touched: a rare word is as likely a name as a typo (also correcting words held by at most 2 documents
// when a neighbour is 20–100 times as common added only 0.001).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace bahth {

/// How many documents hold an exact (unprefixed, normalised) term; 0 when none does.
using DocumentCount = std::function<Xapian::doccount(const std::string& term)>;

/// The normalised form one edit away from `form` (one letter deleted, inserted or replaced, or two
/// neighbouring letters swapped) that `documents` finds in the most documents; ties go to the smallest
/// form in byte order. nullopt when no such form is held, or when `form` is not a normalised word of at
/// least three Arabic letters (numbers, Latin words and two-letter words are too ambiguous to correct).
/// Forms shorter than three letters are never offered. `documents` is called about 70 times per letter.
std::optional<std::string> nearest_known_form(std::string_view form, const DocumentCount& documents);

}  // namespace bahth
