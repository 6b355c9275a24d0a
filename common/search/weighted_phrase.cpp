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

using detail::Dlh;
using detail::Hit;
using detail::Statistics;

// A phrase of the query, OP_FILTER(OP_AND(its words' terms), PhraseSource) (query.cpp), as one source: the
// documents that hold every word, with the words' DLH weights as the AND gave them, found a term at a time;
// a document's position list is read only when the matcher still wants it, its weight reaching the
// matcher's threshold (next(min_wt)). A top 10 then reads a few hundred position lists, not one for each
// document holding the words (flat_or.h has the figures).
struct PhraseShared {
  std::vector<std::string> terms;  // the AND's
  std::vector<std::string> words;  // the PhraseSource's
  bool title = false;
  double factor = 1;
  Statistics stats;
  ScoringMemory* memory = nullptr;
  std::function<void()> in_time;
};

class WeightedPhraseSource : public detail::HitsSource {
 public:
  explicit WeightedPhraseSource(std::shared_ptr<const PhraseShared> shared)
      : shared_(std::move(shared)), phrase_(shared_->words, shared_->title) {}

  WeightedPhraseSource* clone() const override { return new WeightedPhraseSource(shared_); }
  std::string name() const override { return "bahth::WeightedPhraseSource"; }
  std::string get_description() const override { return "Weighted" + phrase_.get_description(); }

  void init(const Xapian::Database& db) override {
    phrase_.init(db);
    restart();
    estimate_ = 0;
    if (db.get_doccount() > 0) score(db);
    sample(db);
    double max_weight = 0;
    for (const Hit& h : hits_) max_weight = std::max(max_weight, h.weight);
    set_maxweight(max_weight);
  }

  // The matcher estimates the matches from these before it reads a document (and then reads only the
  // heaviest): the documents that hold the words, in the share of a sample that hold the phrase.
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return estimate_; }
  Xapian::doccount get_termfreq_max() const override { return Xapian::doccount(hits_.size()); }

 private:
  bool holds(Xapian::docid did) override { return phrase_.check(did, 0); }

  // The share of the documents holding the words that hold the phrase, from 32 of them evenly spaced (all of
  // them when there are no more: then the estimate is the count).
  void sample(const Xapian::Database& db) {
    constexpr std::size_t kSample = 32;
    const std::size_t n = std::min(kSample, hits_.size());
    if (n == 0) return;
    PhraseSource probe(shared_->words, shared_->title);  // read forward on its own, as phrase_ is
    probe.init(db);
    std::size_t held = 0;
    for (std::size_t i = 0; i < n; ++i) held += probe.check(hits_[i * hits_.size() / n].doc, 0);
    estimate_ = Xapian::doccount(double(hits_.size()) * double(held) / double(n) + 0.5);
  }

  // The documents of `db` that hold every term, with the sum of the terms' weights, in document order.
  void score(const Xapian::Database& db) {
    const PhraseShared& shared = *shared_;
    const double total_length = dlh_total_length(shared.stats);
    std::vector<std::pair<Xapian::doccount, std::string>> by_count;  // the rarest first: the fewest skips
    for (const std::string& t : shared.terms) {
      by_count.emplace_back(db.get_termfreq(t), t);
      if (by_count.back().first == 0) return;
    }
    std::stable_sort(by_count.begin(), by_count.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    const std::vector<Xapian::termcount>& lengths = shared.memory->lengths(db);
    const Xapian::docid last = Xapian::docid(lengths.size() - 1);  // later documents: at the next reopen
    detail::LengthParts& table = shared.memory->scratch(0).parts;
    for (std::size_t k = 0; k < by_count.size(); ++k) {
      const std::string& term = by_count[k].second;
      Dlh dlh;
      dlh.log_constant = total_length / double(shared.stats.collection_freq.at(term));
      dlh.log2_constant = std::log2(dlh.log_constant);
      dlh.factor = shared.factor;
      Xapian::PostingIterator p = db.postlist_begin(term);
      const Xapian::PostingIterator end = db.postlist_end(term);
      if (k == 0) {
        for (; p != end && *p <= last; ++p) hits_.emplace_back(*p, dlh(p.get_wdf(), lengths[*p], table));
      } else {  // the documents so far that hold this term too
        std::size_t kept = 0;
        for (std::size_t i = 0; i < hits_.size() && p != end; ++i) {
          const Xapian::docid d = hits_[i].doc;
          p.skip_to(d);
          if (p != end && *p == d) hits_[kept++] = {d, hits_[i].weight + dlh(p.get_wdf(), lengths[d], table)};
        }
        hits_.resize(kept);
      }
      if (shared.in_time) shared.in_time();
    }
  }

  std::shared_ptr<const PhraseShared> shared_;
  PhraseSource phrase_;
  Xapian::doccount estimate_ = 0;
};

}  // namespace

// `q` as a WeightedPhraseSource, scaled by `factor`, when it is a phrase of plain terms (query.cpp's
// phrase_of, whose PhraseSource's description names its words); otherwise nothing.
std::optional<Xapian::Query> detail::weighted_phrase(const Xapian::Query& q, double factor,
                                                     const Xapian::Database& db, ScoringMemory& memory,
                                                     const std::function<void()>& in_time) {
  if (q.get_type() == Xapian::Query::OP_SCALE_WEIGHT) {
    const std::optional<double> f = scale_factor(q);
    return f ? weighted_phrase(q.get_subquery(0), factor * *f, db, memory, in_time) : std::nullopt;
  }
  if (q.get_type() != Xapian::Query::OP_FILTER || q.get_num_subqueries() != 2) return std::nullopt;
  const Xapian::Query words = q.get_subquery(0), source = q.get_subquery(1);
  if (words.get_type() != Xapian::Query::OP_AND || source.get_type() != Xapian::Query::LEAF_POSTING_SOURCE)
    return std::nullopt;
  auto shared = std::make_shared<PhraseShared>();
  for (std::size_t i = 0; i < words.get_num_subqueries(); ++i) {
    const Xapian::Query w = words.get_subquery(i);
    if (!plain_term(w)) return std::nullopt;
    shared->terms.push_back(*w.get_terms_begin());
  }
  // "Query(PostingSource(PhraseSource(title: w1 w2)))": the words are terms, which hold no space.
  std::string d = source.get_description();
  constexpr std::string_view kOpen = "Query(PostingSource(PhraseSource(", kClose = ")))", kTitle = "title: ";
  if (d.size() < kOpen.size() + kClose.size() || d.compare(0, kOpen.size(), kOpen) != 0 ||
      d.compare(d.size() - kClose.size(), kClose.size(), kClose) != 0)
    return std::nullopt;
  d = d.substr(kOpen.size(), d.size() - kOpen.size() - kClose.size());
  if (d.compare(0, kTitle.size(), kTitle) == 0) {
    shared->title = true;
    d.erase(0, kTitle.size());
  }
  for (std::size_t from = 0; from <= d.size();) {
    const std::size_t space = std::min(d.find(' ', from), d.size());
    shared->words.push_back(d.substr(from, space - from));
    from = space + 1;
  }
  if (shared->words.size() < 2) return std::nullopt;
  shared->factor = factor;
  shared->stats = statistics_of(db, shared->terms);
  shared->memory = &memory;
  shared->in_time = in_time;
  return Xapian::Query((new WeightedPhraseSource(std::move(shared)))->release());
}

}  // namespace bahth
