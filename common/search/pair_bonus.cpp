#include "search/pair_bonus.h"

#include <algorithm>
#include <map>

#include "index/positions.h"
#include "index/schema.h"

namespace bahth {

Xapian::Query pair_clause(const WordPair& pair) {
  const Xapian::Query both[] = {Xapian::Query(pair.first), Xapian::Query(pair.second)};
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_AND, both, both + 2), kPairBonus);
}

namespace {

// Which pairs stand together (the second word right after the first) in a run of words, as indexes into
// the pairs' distinct `terms` (sorted); `together[k]` is set for each pair k that does.
void mark_pairs(const std::vector<Token>& words, const std::vector<std::string>& terms,
                const std::vector<std::pair<std::size_t, std::size_t>>& pair_terms, std::vector<bool>& together) {
  const std::size_t none = terms.size();
  std::size_t previous = none;
  const std::string prefix = schema::kBodyExact;
  std::string term;
  for (const Token& w : words) {
    term.assign(prefix).append(w.form);
    const auto it = std::lower_bound(terms.begin(), terms.end(), term);
    const std::size_t current = it != terms.end() && *it == term ? std::size_t(it - terms.begin()) : none;
    if (previous != none && current != none) {
      for (std::size_t k = 0; k < pair_terms.size(); ++k)
        if (pair_terms[k] == std::make_pair(previous, current)) together[k] = true;
    }
    previous = current;
  }
}

}  // namespace

std::vector<PairMatch> pair_bonuses(const Xapian::Database& db, const Xapian::Weight& weight, const Xapian::MSet& mset,
                                    Xapian::doccount depth, const std::vector<WordPair>& pairs, const HitTexts& texts) {
  const Xapian::doccount n = std::min<Xapian::doccount>(depth, mset.size());
  std::vector<PairMatch> out(n);
  if (pairs.empty() || n == 0) return out;
  std::vector<std::string> terms;  // the pairs' distinct terms
  for (const WordPair& p : pairs) terms.insert(terms.end(), {p.first, p.second});
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  auto index_of = [&](const std::string& t) { return std::size_t(std::lower_bound(terms.begin(), terms.end(), t) - terms.begin()); };
  std::vector<std::pair<std::size_t, std::size_t>> pair_terms;
  for (const WordPair& p : pairs) pair_terms.emplace_back(index_of(p.first), index_of(p.second));

  // Which pairs stand together in each hit: the documents of each pair's clause, by id term.
  std::vector<std::vector<Xapian::Query>> docs_of_pair(pairs.size());
  std::map<Xapian::docid, std::size_t> hit_of;
  Xapian::MSetIterator it = mset.begin();
  for (std::size_t h = 0; h < n; ++h, ++it) {
    const Xapian::docid did = *it;
    hit_of[did] = h;
    if (const HitText* text = texts ? texts(h) : nullptr) {
      if (text->id.empty()) continue;
      std::vector<bool> together(pairs.size(), false);
      mark_pairs(text->title, terms, pair_terms, together);
      mark_pairs(text->text, terms, pair_terms, together);
      for (std::size_t k = 0; k < pairs.size(); ++k) {
        if (!together[k]) continue;
        out[h].pairs.push_back(k);
        docs_of_pair[k].emplace_back(schema::kId + text->id);
      }
      continue;
    }
    std::string id_term;
    const std::vector<std::size_t> ranks =
        exact_term_ranks(db.termlist_begin(did), db.termlist_end(did), terms, schema::kId, &id_term);
    bool any = false;
    for (const WordPair& p : pairs)
      any = any || (ranks[index_of(p.first)] != kNoRank && ranks[index_of(p.second)] != kNoRank);
    if (!any || id_term.empty()) continue;
    const auto positions = decode_positions(db.get_document(did).get_value(schema::kSlotPositions), ranks);
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      if (phrase_occurs({positions.lists[index_of(pairs[k].first)], positions.lists[index_of(pairs[k].second)]})) {
        out[h].pairs.push_back(k);
        docs_of_pair[k].emplace_back(id_term);
      }
    }
  }

  // Their weights: each pair's clause, filtered to the hits where it stands together, weighed by Xapian.
  std::vector<Xapian::Query> clauses;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    if (docs_of_pair[k].empty()) continue;
    clauses.emplace_back(Xapian::Query::OP_FILTER, pair_clause(pairs[k]),
                         Xapian::Query(Xapian::Query::OP_OR, docs_of_pair[k].begin(), docs_of_pair[k].end()));
  }
  if (clauses.empty()) return out;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(weight);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, clauses.begin(), clauses.end()));
  const Xapian::MSet bonus = enquire.get_mset(0, n);
  for (auto b = bonus.begin(); b != bonus.end(); ++b) {
    auto h = hit_of.find(*b);
    if (h != hit_of.end()) out[h->second].bonus = b.get_weight();
  }
  return out;
}

}  // namespace bahth
