// A phrase of the query scored as one posting source (flat_or.h, flat_or_parts.h).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "search/flat_or_parts.h"
#include "search/phrase_source.h"

namespace bahth {

namespace {

using detail::Hit;
using detail::Phrase;
using detail::Statistics;

// A phrase of the query as one source: the documents that hold every word, with the words' DLH weights as
// the AND gave them, found a term at a time (detail::phrase_candidates); a document's position list is read
// only when the matcher still wants it, its weight reaching the matcher's threshold (next(min_wt)). A top
// 10 then reads a few hundred position lists, not one for each document holding the words (flat_or.h has
// the figures).
struct PhraseShared {
  Phrase phrase;
  Statistics stats;
  ScoringMemory* memory = nullptr;
  std::function<void()> in_time;
};

class WeightedPhraseSource : public detail::HitsSource {
 public:
  explicit WeightedPhraseSource(std::shared_ptr<const PhraseShared> shared)
      : shared_(std::move(shared)), check_(shared_->phrase.words, shared_->phrase.title) {}

  WeightedPhraseSource* clone() const override { return new WeightedPhraseSource(shared_); }
  std::string name() const override { return "bahth::WeightedPhraseSource"; }
  std::string get_description() const override { return "Weighted" + check_.get_description(); }

  void init(const Xapian::Database& db) override {
    check_.init(db);
    restart();
    estimate_ = 0;
    if (db.get_doccount() > 0) {
      detail::phrase_candidates(db, shared_->phrase, shared_->stats, *shared_->memory, shared_->in_time, hits_);
      estimate_ = detail::held_estimate(db, shared_->phrase, hits_);
    }
    double max_weight = 0;
    for (const Hit& h : hits_) max_weight = std::max(max_weight, h.weight);
    set_maxweight(max_weight);
  }

  // The matcher estimates the matches from these before it reads a document (and then reads only the
  // heaviest).
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return estimate_; }
  Xapian::doccount get_termfreq_max() const override { return Xapian::doccount(hits_.size()); }

 private:
  bool holds(Hit& hit, double) override { return check_.check(hit.doc, 0); }

  std::shared_ptr<const PhraseShared> shared_;
  PhraseSource check_;
  Xapian::doccount estimate_ = 0;
};

}  // namespace

void detail::phrase_candidates(const Xapian::Database& db, const Phrase& phrase, const Statistics& stats,
                               ScoringMemory& memory, const std::function<void()>& in_time, Hits& hits) {
  hits.clear();
  const double total_length = dlh_total_length(stats);
  std::vector<std::pair<Xapian::doccount, std::string>> by_count;  // the rarest first: the fewest skips
  for (const std::string& t : phrase.terms) {
    by_count.emplace_back(db.get_termfreq(t), t);
    if (by_count.back().first == 0) return;
  }
  std::stable_sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::vector<Xapian::termcount>& lengths = memory.lengths(db);
  const Xapian::docid last = Xapian::docid(lengths.size() - 1);  // later documents: at the next reopen
  LengthParts& table = memory.scratch(0).parts;
  for (std::size_t k = 0; k < by_count.size(); ++k) {
    const std::string& term = by_count[k].second;
    Dlh dlh;
    dlh.log_constant = total_length / double(stats.collection_freq.at(term));
    dlh.log2_constant = std::log2(dlh.log_constant);
    dlh.factor = phrase.factor;
    Xapian::PostingIterator p = db.postlist_begin(term);
    const Xapian::PostingIterator end = db.postlist_end(term);
    if (k == 0) {
      for (; p != end && *p <= last; ++p) hits.emplace_back(*p, dlh(p.get_wdf(), lengths[*p], table));
    } else {  // the documents so far that hold this term too
      std::size_t kept = 0;
      for (std::size_t i = 0; i < hits.size() && p != end; ++i) {
        const Xapian::docid d = hits[i].doc;
        p.skip_to(d);
        if (p != end && *p == d) hits[kept++] = {d, hits[i].weight + dlh(p.get_wdf(), lengths[d], table)};
      }
      hits.resize(kept);
    }
    if (in_time) in_time();
  }
}

Xapian::doccount detail::held_estimate(const Xapian::Database& db, const Phrase& phrase, const Hits& candidates) {
  constexpr std::size_t kSample = 32;
  const std::size_t n = std::min(kSample, candidates.size());
  if (n == 0) return 0;
  PhraseSource probe(phrase.words, phrase.title);  // read forward on its own
  probe.init(db);
  std::size_t held = 0;
  for (std::size_t i = 0; i < n; ++i) held += probe.check(candidates[i * candidates.size() / n].doc, 0);
  return Xapian::doccount(double(candidates.size()) * double(held) / double(n) + 0.5);
}

// PhraseSource's description names its words: "Query(PostingSource(PhraseSource(title: w1 w2)))"; the words
// are terms, which hold no space.
std::optional<Phrase> detail::phrase_of(const Xapian::Query& q, double factor) {
  if (q.get_type() == Xapian::Query::OP_SCALE_WEIGHT) {
    const std::optional<double> f = scale_factor(q);
    return f ? phrase_of(q.get_subquery(0), factor * *f) : std::nullopt;
  }
  if (q.get_type() != Xapian::Query::OP_FILTER || q.get_num_subqueries() != 2) return std::nullopt;
  const Xapian::Query words = q.get_subquery(0), source = q.get_subquery(1);
  if (words.get_type() != Xapian::Query::OP_AND || source.get_type() != Xapian::Query::LEAF_POSTING_SOURCE)
    return std::nullopt;
  Phrase phrase;
  for (std::size_t i = 0; i < words.get_num_subqueries(); ++i) {
    const Xapian::Query w = words.get_subquery(i);
    if (!plain_term(w)) return std::nullopt;
    phrase.terms.push_back(*w.get_terms_begin());
  }
  std::string d = source.get_description();
  constexpr std::string_view kOpen = "Query(PostingSource(PhraseSource(", kClose = ")))", kTitle = "title: ";
  if (d.size() < kOpen.size() + kClose.size() || d.compare(0, kOpen.size(), kOpen) != 0 ||
      d.compare(d.size() - kClose.size(), kClose.size(), kClose) != 0)
    return std::nullopt;
  d = d.substr(kOpen.size(), d.size() - kOpen.size() - kClose.size());
  if (d.compare(0, kTitle.size(), kTitle) == 0) {
    phrase.title = true;
    d.erase(0, kTitle.size());
  }
  for (std::size_t from = 0; from <= d.size();) {
    const std::size_t space = std::min(d.find(' ', from), d.size());
    phrase.words.push_back(d.substr(from, space - from));
    from = space + 1;
  }
  if (phrase.words.size() < 2) return std::nullopt;
  phrase.factor = factor;
  return phrase;
}

std::optional<Xapian::Query> detail::weighted_phrase(const Xapian::Query& q, double factor,
                                                     const Xapian::Database& db, ScoringMemory& memory,
                                                     const std::function<void()>& in_time) {
  std::optional<Phrase> phrase = phrase_of(q, factor);
  if (!phrase) return std::nullopt;
  auto shared = std::make_shared<PhraseShared>();
  shared->stats = statistics_of(db, phrase->terms);
  shared->phrase = std::move(*phrase);
  shared->memory = &memory;
  shared->in_time = in_time;
  return Xapian::Query((new WeightedPhraseSource(std::move(shared)))->release());
}

}  // namespace bahth
