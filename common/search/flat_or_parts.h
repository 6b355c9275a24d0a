// What the term-at-a-time OR (flat_or.cpp) and the weighted phrase (weighted_phrase.cpp) share: Xapian's
// statistics and DLH formula, and the reading of query shapes Xapian 1.4 has no accessor for. Used by those
// two files only.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/flat_or.h"

namespace bahth::detail {

// The statistics Xapian weighs with: those of the whole database (every shard).
struct Statistics {
  Xapian::doccount collection_size = 0;
  Xapian::totallength total_length = 0;
  std::map<std::string, Xapian::termcount> collection_freq;  // of every term weighed
};

// DLH's total length as DLHWeight reads it back: the average length × the collection size, rounded.
double dlh_total_length(const Statistics& stats);
// The statistics of `db` (every shard) for `terms`, each looked up once, in term order.
Statistics statistics_of(const Xapian::Database& db, std::vector<std::string> terms);

// OP_SCALE_WEIGHT's factor, read from the query's description; nothing for any other query.
std::optional<double> scale_factor(const Xapian::Query& q);
// A term with the default within-query frequency and no position.
bool plain_term(const Xapian::Query& q);

// DLHWeight::get_sumpart of Xapian 1.4, with its init's constants (log_constant: the total length over the
// collection frequency; factor: the scale of the query's part):
//   wt = wdf·log2(wdf/len · log_constant) + (len − wdf)·log2(1 − wdf/len) + ½·log2(2π · wdf · (1 − wdf/len))
//   weight = factor · wt / (wdf + ½); 0 when wt ≤ 0, when wdf is 0 and when it is the whole length
// For the usual wdfs and lengths (LengthParts) the parts that depend on them alone come from the
// scoring thread's table, computed there as Xapian computes them, and the first part is split as
// wdf·(log2(log_constant) + log2(wdf/len)): such a posting costs no logarithm (the three took 7% of a top-10
// query's time), and its weight moves by a rounding (all 3,102 questions: the same TREC output).
struct Dlh {
  double log_constant = 0, factor = 0;
  double log2_constant = 0;  // log2(log_constant)
  double operator()(Xapian::termcount wdf, Xapian::termcount len, LengthParts& table) const {
    if (wdf == 0 || wdf == len) return 0.0;
    double wt;
    if (wdf < LengthParts::kWdfs && len < LengthParts::kLengths) {
      const LengthParts::Parts& p = table.of(wdf, len);
      wt = wdf * (log2_constant + p.log2_ratio) + p.rest;
    } else {
      const double wdf_to_len = double(wdf) / len;
      const double one_minus_wdf_to_len = 1.0 - wdf_to_len;
      wt = wdf * std::log2(wdf_to_len * log_constant) + (len - wdf) * std::log2(one_minus_wdf_to_len) +
           0.5 * std::log2(2.0 * M_PI * wdf * one_minus_wdf_to_len);
    }
    if (wt <= 0.0) return 0.0;
    return factor * wt / (wdf + 0.5);
  }
};

// A posting source over hits in document order (hits_, filled by init): the matcher moves through those that
// reach its threshold (next(min_wt), skip_to) and that holds() accepts, asked of those hits alone (it may
// lower the hit's weight: what it weighed but found not to hold).
class HitsSource : public Xapian::PostingSource {
 public:
  void next(double min_wt) override {
    if (started_) ++pos_;
    started_ = true;
    settle(min_wt);
  }
  void skip_to(Xapian::docid did, double min_wt) override {
    if (!started_) started_ = true;
    else if (pos_ < hits_.size() && hits_[pos_].doc >= did) return;
    pos_ = std::size_t(std::lower_bound(hits_.begin() + std::ptrdiff_t(pos_), hits_.end(), did,
                                        [](const Hit& h, Xapian::docid d) { return h.doc < d; }) -
                       hits_.begin());
    settle(min_wt);
  }
  bool at_end() const override { return started_ && pos_ >= hits_.size(); }
  Xapian::docid get_docid() const override { return hits_[pos_].doc; }
  double get_weight() const override { return hits_[pos_].weight; }

 protected:
  // Whether `hit`, whose weight reaches `min_wt`, is a match whose weight still reaches it.
  virtual bool holds(Hit&, double) { return true; }
  // Before a new init: no hits, not started.
  void restart() {
    hits_.clear();
    pos_ = 0;
    started_ = false;
  }
  Hits hits_;

 private:
  void settle(double min_wt) {
    while (pos_ < hits_.size() && (hits_[pos_].weight < min_wt || !holds(hits_[pos_], min_wt))) ++pos_;
  }
  std::size_t pos_ = 0;
  bool started_ = false;
};

// A phrase of the query, OP_FILTER(OP_AND(its words' terms), PhraseSource) (query.cpp's phrase_of), scaled.
struct Phrase {
  std::vector<std::string> terms;  // the AND's
  std::vector<std::string> words;  // the PhraseSource's
  bool title = false;
  double factor = 1;
};

/// `q` (scaled by `factor`) read as a phrase of plain terms, or nothing (weighted_phrase.cpp).
std::optional<Phrase> phrase_of(const Xapian::Query& q, double factor);

/// The documents of `db` (one database) up to the last whose length `memory` holds that hold every term of
/// `phrase`, with the sum of the terms' DLH weights (with `stats`, which must hold the terms), in document
/// order, into `hits`; `in_time` called after each term. The position lists are not read.
void phrase_candidates(const Xapian::Database& db, const Phrase& phrase, const Statistics& stats,
                       ScoringMemory& memory, const std::function<void()>& in_time, Hits& hits);

/// The estimated count of `candidates` (in document order) that hold `phrase`: their number times the
/// share of 32 of them, evenly spaced, that hold it (all of them when there are no more: the count).
Xapian::doccount held_estimate(const Xapian::Database& db, const Phrase& phrase, const Hits& candidates);

/// `q` as one posting source when it is a phrase of plain terms (phrase_of), scaled by `factor`
/// (weighted_phrase.cpp); otherwise nothing. `memory` and `db` must outlive the search.
std::optional<Xapian::Query> weighted_phrase(const Xapian::Query& q, double factor, const Xapian::Database& db,
                                             ScoringMemory& memory, const std::function<void()>& in_time);

}  // namespace bahth::detail
