#include "search/related.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "index/document.h"
#include "index/schema.h"

namespace bahth {

namespace {

// A term of the index's own prefixes (schema.h) starts with an ASCII capital; exact words are case-folded.
bool prefixed(const std::string& term) { return !term.empty() && term[0] >= 'A' && term[0] <= 'Z'; }

bool all_digits(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Key {
  Xapian::termcount wdf = 0;  // occurrences in the article: Z<key> plus the exact term standing for it
  bool exact = false;         // the exact term <key> stands for the key (schema.h, kBodyStem)
  double weight = 0;
};

}  // namespace

// Choosing the terms: each key of the article weighs (1 + ln wdf) · ln(N / df), df the documents of its Z
// term (or of the exact term that stands for it, whichever is larger); keys in fewer than 2 documents (only
// this one), numbers and one-letter keys (بـ alone) are left out. The kRelatedTerms heaviest are searched,
// each scaled by its weight over the heaviest's, so that a shared name counts more than a shared common word.
// Measured on the 100 pairs of tests/data/related_pairs.tsv over all 72k news articles (tests/related.py
// --full), partner in the top 10: scaled, 20 terms 94, 25 96, 30 93, 40 94, 60 94; unscaled, 25 94, 40 94.
// The differences are a few pairs (noise); 25 scaled is kept, and fewer terms are also a cheaper query.
RelatedQuery related_query(const Xapian::Database& db, const Analyzer& analyzer, const std::string& id) {
  const std::string id_term = schema::kId + id;
  Xapian::PostingIterator p = id.empty() || id.size() > kMaxIdBytes ? db.postlist_end("") : db.postlist_begin(id_term);
  if (id.empty() || id.size() > kMaxIdBytes || p == db.postlist_end(id_term))
    throw UnknownArticleError("no article with id '" + id + "' in the index (--like)");
  const Xapian::Document doc = db.get_document(*p);
  const std::string stem_prefix = schema::kBodyStem, title_prefix = schema::kTitleStem;
  std::map<std::string, Key> keys;
  for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (term.compare(0, stem_prefix.size(), stem_prefix) == 0 && term.compare(0, title_prefix.size(), title_prefix) != 0) {
      keys[term.substr(stem_prefix.size())].wdf += t.get_wdf();
    } else if (!prefixed(term)) {
      Token word;
      word.form = term;
      const std::vector<std::string> of_word = analyzer.index_keys(word);
      if (std::find(of_word.begin(), of_word.end(), term) == of_word.end()) continue;
      Key& k = keys[term];
      k.wdf += t.get_wdf();
      k.exact = true;
    }
  }
  const double n = db.get_doccount();
  std::vector<std::pair<double, std::string>> ranked;
  for (auto& [key, k] : keys) {
    if (all_digits(key) || key.size() <= 2) continue;  // numbers, and a one-letter key (بـ: a clitic alone)
    const Xapian::doccount df = std::max(db.get_termfreq(stem_prefix + key), k.exact ? db.get_termfreq(key) : 0);
    if (df < 2) continue;
    k.weight = (1 + std::log(static_cast<double>(k.wdf))) * std::log(n / df);
    ranked.emplace_back(-k.weight, key);
  }
  std::sort(ranked.begin(), ranked.end());
  if (ranked.size() > kRelatedTerms) ranked.resize(kRelatedTerms);
  RelatedQuery out;
  std::vector<Xapian::Query> terms;
  for (const auto& [weight, key] : ranked) {
    if (keys[key].exact) {
      const Xapian::Query both[] = {Xapian::Query(stem_prefix + key), Xapian::Query(key)};
      terms.emplace_back(Xapian::Query::OP_SYNONYM, both, both + 2);
    } else {
      terms.emplace_back(stem_prefix + key);
    }
    terms.back() = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, terms.back(), weight / ranked.front().first);  // both negated
    out.match.stems.insert(key);
  }
  if (terms.empty()) {
    out.query = Xapian::Query::MatchNothing;
    return out;
  }
  out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                            Xapian::Query(id_term));
  out.cluster = doc.get_value(schema::kSlotDuplicate);
  return out;
}

}  // namespace bahth
