#include "search/flat_or.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <iterator>
#include <new>
#include <optional>
#include <string_view>
#include <system_error>
#include <thread>

#include "search/flat_or_parts.h"
#include "search/phrase_source.h"

namespace bahth {

const std::vector<Xapian::termcount>& ScoringMemory::lengths(const Xapian::Database& db) {
  const std::string uuid = db.get_uuid();  // empty for a database without one: read every time
  auto [it, added] = lengths_.try_emplace(uuid);
  if (added || uuid.empty()) {
    std::vector<Xapian::termcount>& lengths = it->second;
    lengths.assign(db.get_lastdocid() + 1, 0);
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) lengths[*p] = p.get_doclength();
  }
  return it->second;
}

detail::Scratch& ScoringMemory::scratch(std::size_t n) {
  while (scratch_.size() <= n) scratch_.push_back(std::make_unique<detail::Scratch>());
  return *scratch_[n];
}

void ScoringMemory::recycle(detail::Hits& hits) {
  hits.clear();
  detail::Hits& own = scratch(0).hits;
  if (own.empty() && hits.capacity() > own.capacity()) own.swap(hits);
  if (hits.capacity() > spare_.capacity()) spare_.swap(hits);
}

void detail::Scratch::size_for(Xapian::docid last) {
  if (weight.size() <= last) {  // all zero between queries: nothing to copy
    weight.zeroed(last + 1);
    wdf.zeroed(last + 1);
    matched.zeroed(last + 1);
    docs.zeroed(last + 1);
    unit_docs.zeroed(last + 1);
  }
}

const detail::LengthParts::Parts& detail::LengthParts::fill(Xapian::termcount wdf, Xapian::termcount len) {
  if (parts_.size() == 0) parts_.zeroed(std::size_t(kWdfs - 1) * kLengths);
  Parts& p = parts_[std::size_t(wdf - 1) * kLengths + len];
  const double wdf_to_len = double(wdf) / len;
  const double one_minus_wdf_to_len = 1.0 - wdf_to_len;
  p.log2_ratio = std::log2(wdf_to_len);
  p.rest = (len - wdf) * std::log2(one_minus_wdf_to_len) + 0.5 * std::log2(2.0 * M_PI * wdf * one_minus_wdf_to_len);
  return p;
}

void detail::Scratch::reset() {
  for (std::size_t i = 0; i < n_docs; ++i) {
    weight[docs[i]] = 0;
    matched[docs[i]] = 0;
  }
  for (std::size_t i = 0; i < n_unit_docs; ++i) wdf[unit_docs[i]] = 0;
  n_docs = 0;
  n_unit_docs = 0;
}

namespace detail {

// Xapian 1.4 has no accessor for OP_SCALE_WEIGHT's factor; its description prints it with 20 significant
// digits ("Query(0.25 * ...)"), which read back to the same double. Anything else is not flattened.
std::optional<double> scale_factor(const Xapian::Query& q) {
  const std::string d = q.get_description();
  constexpr std::string_view kOpen = "Query(";
  if (d.compare(0, kOpen.size(), kOpen) != 0) return std::nullopt;
  const char* start = d.c_str() + kOpen.size();
  char* end = nullptr;
  const double f = std::strtod(start, &end);
  if (end == start || std::string_view(end).substr(0, 3) != " * " || !(f >= 0)) return std::nullopt;
  return f;
}

// A term with the default within-query frequency and no position: its description is the term alone.
bool plain_term(const Xapian::Query& q) {
  return q.get_type() == Xapian::Query::LEAF_TERM && q.get_description() == "Query(" + *q.get_terms_begin() + ")";
}

// DLHWeight reads the total length back as the average length × the collection size, rounded.
double dlh_total_length(const Statistics& stats) {
  const double average = stats.collection_size == 0 ? 0 : double(stats.total_length) / stats.collection_size;
  return double(Xapian::totallength(average * stats.collection_size + 0.5));
}

// The statistics of `db` for `terms`, each looked up once, in term order: neighbouring terms share the
// B-tree's blocks (as in FlatOrSource::score).
Statistics statistics_of(const Xapian::Database& db, std::vector<std::string> terms) {
  Statistics stats;
  stats.collection_size = db.get_doccount();
  stats.total_length = db.get_total_length();
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  for (const std::string& t : terms)
    stats.collection_freq.emplace_hint(stats.collection_freq.end(), t, db.get_collection_freq(t));
  return stats;
}

}  // namespace detail

namespace {

using detail::Dlh;
using detail::dlh_total_length;
using detail::Phrase;
using detail::plain_term;
using detail::scale_factor;
using detail::Statistics;
using detail::statistics_of;
using detail::weighted_phrase;

// One weighted part of the OR, as Xapian weighs it: a term, or an OP_SYNONYM (the wdfs of its terms added up,
// as one term's). An OP_SYNONYM's parts are terms and nested OP_SYNONYMs, each of which Xapian matches as
// one OR of its own; their order is the query's (it shapes Xapian's estimate of the collection frequency).
struct Node {
  std::string term;         // a term, or empty for an OP_SYNONYM
  std::vector<Node> parts;  // an OP_SYNONYM's parts
};

struct Unit {
  Node node;
  double factor = 1;  // the product of the OP_SCALE_WEIGHTs above it
};

// The parts of an OP_SYNONYM into `group` (nested OP_ORs join the same OR, as in Xapian's do_or_like);
// false if one is of a kind this module does not score.
bool collect_group(const Xapian::Query& q, Node& group) {
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
    const Xapian::Query sub = q.get_subquery(i);
    if (plain_term(sub)) {
      group.parts.push_back({*sub.get_terms_begin(), {}});
    } else if (sub.get_type() == Xapian::Query::OP_SYNONYM) {
      Node inner;
      if (!collect_group(sub, inner)) return false;
      group.parts.push_back(std::move(inner));
    } else if (sub.get_type() == Xapian::Query::OP_OR) {
      if (!collect_group(sub, group)) return false;
    } else {
      return false;
    }
  }
  return true;
}

// Splits the branches of an OR (scaled by `factor`) into units and the rest (kept whole, with their factor).
void split_or(const Xapian::Query& q, double factor, std::vector<Unit>& units, std::vector<Xapian::Query>& rest) {
  const auto keep = [&](const Xapian::Query& sub) { rest.push_back(factor == 1 ? sub : Xapian::Query(factor, sub)); };
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM:
      if (plain_term(q)) units.push_back({{*q.get_terms_begin(), {}}, factor});
      else keep(q);
      return;
    case Xapian::Query::OP_SYNONYM: {
      Unit u;
      u.factor = factor;
      if (collect_group(q, u.node)) units.push_back(std::move(u));
      else keep(q);
      return;
    }
    case Xapian::Query::OP_OR:
      for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) split_or(q.get_subquery(i), factor, units, rest);
      return;
    case Xapian::Query::OP_SCALE_WEIGHT:
      if (const std::optional<double> f = scale_factor(q)) split_or(q.get_subquery(0), factor * *f, units, rest);
      else keep(q);
      return;
    default:
      keep(q);
  }
}

void gather_terms(const Node& node, std::vector<std::string>& out) {
  if (!node.term.empty()) out.push_back(node.term);
  for (const Node& part : node.parts) gather_terms(part, out);
}

// A node of the tree of two-way ORs that Xapian builds for an OP_SYNONYM in one database: its estimated
// document count there (which shapes the tree) and its estimated collection frequency over every database.
struct Estimate {
  Xapian::doccount local = 0;
  double collection_freq = 0;
};

double independent(double a, double b, double n) { return a + b - (a * b / n); }

// Xapian's OrContext::postlist and OrPostList's estimates: the parts in a heap by local estimate, the two
// least frequent joined first, each join estimated as if independent and rounded to a whole count.
// `local` holds each term's document count in the database.
Estimate estimate(const Node& node, const Xapian::Database& db, const Statistics& stats,
                  const std::map<std::string, Xapian::doccount>& local) {
  if (!node.term.empty()) return {local.at(node.term), double(stats.collection_freq.at(node.term))};
  std::vector<Estimate> heap;
  for (const Node& part : node.parts) heap.push_back(estimate(part, db, stats, local));
  if (heap.size() == 1) return heap[0];
  const auto greater = [](const Estimate& a, const Estimate& b) { return a.local > b.local; };
  const double local_size = db.get_doccount(), total_length = double(stats.total_length);
  std::make_heap(heap.begin(), heap.end(), greater);
  for (;;) {
    const Estimate r = heap.front();
    std::pop_heap(heap.begin(), heap.end(), greater);
    heap.pop_back();
    const Estimate& l = heap.front();
    Estimate joined;
    if (local_size != 0) joined.local = Xapian::doccount(independent(l.local, r.local, local_size) + 0.5);
    if (total_length != 0)
      joined.collection_freq = Xapian::termcount(independent(l.collection_freq, r.collection_freq, total_length) + 0.5);
    if (heap.size() == 1) return joined;
    std::pop_heap(heap.begin(), heap.end(), greater);
    heap.back() = joined;
    std::push_heap(heap.begin(), heap.end(), greater);
  }
}

struct Shared {
  std::vector<Unit> units;
  std::vector<Phrase> phrases;  // OR'ed with the units: weighed with them (FlatOrSource::add_phrases)
  bool required = false;        // phrases[0] must hold, the rest adds weight (+"…" beside words: OP_AND_MAYBE)
  Statistics stats;
  ScoringMemory* memory = nullptr;
  const ScoringHandles* handles = nullptr;
  std::function<void()> in_time;
  TopSelection* top = nullptr;  // the source is the whole query: it chooses the first hits
};

// A unit ready to score in one database: its terms, and DLH with its statistics there.
struct Prepared {
  bool synonym = false;
  std::vector<std::string> terms;
  Dlh dlh;
};

using detail::Hit;
using detail::Hits;

// The documents from `first` to `last` of the database `db` reads (one database) that hold a unit, with
// the sum of the units' weights, in document order, into `hits`.
void score_run(const Xapian::Database& db, const std::vector<Prepared>& units, const std::vector<Xapian::termcount>& lengths,
               Xapian::docid first, Xapian::docid last, detail::Scratch& s, const std::function<void()>& in_time, Hits& hits) {
  s.size_for(last);
  // A term's postings from `first` to `last`.
  const auto each_posting = [&](const std::string& term, auto&& visit) {
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (first > 1) p.skip_to(first);
    for (; p != db.postlist_end(term) && *p <= last; ++p) visit(*p, p.get_wdf());
  };
  // The arrays as plain pointers: a store through `matched` (a char) may alias anything reached through `s`.
  double* const weight = s.weight.data();
  char* const matched = s.matched.data();
  Xapian::docid* const docs = s.docs.data();
  Xapian::termcount* const unit_wdf = s.wdf.data();
  Xapian::docid* const unit_docs = s.unit_docs.data();
  std::size_t n_docs = 0, n_unit_docs = 0;
  const Xapian::termcount* const length = lengths.data();
  struct Reset {  // after an exception (a time limit, a database modified under it): zero what was touched
    detail::Scratch& s;
    const std::size_t &n_docs, &n_unit_docs;
    ~Reset() {
      s.n_docs = n_docs;
      s.n_unit_docs = n_unit_docs;
      s.reset();
    }
  } reset{s, n_docs, n_unit_docs};
  for (const Prepared& u : units) {
    const auto add = [&](Xapian::docid d, Xapian::termcount wdf) {
      docs[n_docs] = d;  // without a branch: which documents a term adds is too random to predict
      n_docs += std::size_t(matched[d] == 0);
      matched[d] = 1;
      weight[d] += u.dlh(wdf, length[d], s.parts);
    };
    if (!u.synonym) {
      each_posting(u.terms[0], add);
    } else {
      // The wdfs of the synonym's terms added up, at most the document's length (as SynonymPostList does);
      // without a branch, as above (this was the hottest spot of a query).
      for (const std::string& t : u.terms) {
        each_posting(t, [&](Xapian::docid d, Xapian::termcount wdf) {
          const bool first_term = unit_wdf[d] == 0;
          unit_docs[n_unit_docs] = d;
          n_unit_docs += std::size_t(first_term);
          unit_wdf[d] += wdf + Xapian::termcount(first_term);
        });
      }
      for (std::size_t i = 0; i < n_unit_docs; ++i) {
        const Xapian::docid d = unit_docs[i];
        const Xapian::termcount wdf = unit_wdf[d] - 1;
        unit_wdf[d] = 0;
        add(d, std::min(wdf, length[d]));
      }
      n_unit_docs = 0;
    }
    if (in_time) in_time();
  }
  // In document order: a scan of the arrays when the units hold many of the documents, else a sort.
  hits.clear();
  hits.resize(n_docs + 1);  // one to spare: the scan writes each document before it knows whether it counts
  Hit* out = hits.data();
  const auto take = [&](Xapian::docid d) {
    *out++ = {d, weight[d]};
    weight[d] = 0;
    matched[d] = 0;
  };
  if (n_docs * 16 > last - first + 1) {
    std::size_t n = 0;
    for (Xapian::docid d = first; d <= last; ++d) {  // without a branch, as above
      out[n] = {d, weight[d]};
      n += std::size_t(matched[d] != 0);
      weight[d] = 0;
      matched[d] = 0;
    }
  } else {
    std::sort(docs, docs + n_docs);
    for (std::size_t i = 0; i < n_docs; ++i) take(docs[i]);
  }
  hits.pop_back();
  n_docs = 0;  // all zero again
}

}  // namespace

namespace {

// The handles of `db` for threads past the first that read its revision (reopened once if they lag).
std::vector<Xapian::Database> helpers_of(const Xapian::Database& db, const ScoringHandles* handles) {
  if (!handles) return {};
  auto it = handles->find(db.get_uuid());
  if (it == handles->end() || it->first.empty()) return {};
  std::vector<Xapian::Database> helpers;
  for (Xapian::Database h : it->second) {
    if (h.get_revision() != db.get_revision()) h.reopen();
    if (h.get_revision() != db.get_revision()) return {};
    helpers.push_back(h);
  }
  return helpers;
}

class FlatOrSource : public detail::HitsSource {
 public:
  explicit FlatOrSource(std::shared_ptr<const Shared> shared) : shared_(std::move(shared)) {}
  // On the searcher's thread, at the end of the search (Xapian's matcher owns the clone it scored with).
  ~FlatOrSource() override {
    if (hits_.capacity() > 0) shared_->memory->recycle(hits_);
  }

  FlatOrSource* clone() const override { return new FlatOrSource(shared_); }
  std::string name() const override { return "bahth::FlatOrSource"; }
  std::string get_description() const override {
    return "FlatOrSource(" + std::to_string(shared_->units.size()) + " weighted parts, " +
           std::to_string(shared_->phrases.size()) + " phrases)";
  }

  void init(const Xapian::Database& db) override {
    restart();
    pending_.clear();
    pending_pos_ = 0;
    checks_.clear();
    double max_weight = 0;
    if (db.get_doccount() > 0 && !shared_->units.empty()) score(db, max_weight);
    min_ = est_ = Xapian::doccount(hits_.size());
    if (db.get_doccount() > 0 && !shared_->phrases.empty()) add_phrases(db, max_weight);
    if (shared_->top) SelectionAccess::choose(*shared_->top, db, *shared_->memory, hits_);
    set_maxweight(max_weight);
  }

  // Exact without phrases (and after TopSelection chose: what the matcher will see); with phrases the
  // documents that hold only a phrase's words are counted by the share of a sample that hold the phrase.
  Xapian::doccount get_termfreq_min() const override { return shared_->top ? Xapian::doccount(hits_.size()) : min_; }
  Xapian::doccount get_termfreq_est() const override { return shared_->top ? Xapian::doccount(hits_.size()) : est_; }
  Xapian::doccount get_termfreq_max() const override { return Xapian::doccount(hits_.size()); }

 private:
  // A phrase's part of a hit's weight, not yet checked against the document's position list.
  struct Pending {
    Xapian::docid doc;
    std::uint32_t phrase;  // index in Shared::phrases
    double weight;         // the phrase's
    double base;           // the hit's weight without its phrases (the units')
    bool alone;            // no unit matched the document: it matches only if a phrase holds
  };

  // The phrases OR'ed with the units, weighed as Xapian's OR would add them (the units' weight, then each
  // phrase's in the query's order) for every document that holds their words: the position lists are read
  // only in holds(), for a document that reaches the matcher's threshold, and what does not hold is taken
  // off its weight then. (Beside the OR as sources of their own, a phrase got the threshold less the
  // units' maximum: most of its documents were checked, 0.7-1.3 s at a million articles.)
  void add_phrases(const Xapian::Database& db, double& max_weight) {
    ScoringMemory& memory = *shared_->memory;
    struct Part {
      Xapian::docid doc;
      std::uint32_t phrase;
      double weight;
    };
    std::vector<Part> parts;
    detail::Hits candidates;
    double held_alone = 0;  // the estimated documents that only a phrase matches
    double held_required = 0;  // those that hold the required phrase
    checks_.resize(shared_->phrases.size());
    for (std::uint32_t k = 0; k < shared_->phrases.size(); ++k) {
      const Phrase& phrase = shared_->phrases[k];
      detail::phrase_candidates(db, phrase, shared_->stats, memory, shared_->in_time, candidates);
      if (candidates.empty()) continue;
      std::size_t alone = 0;
      auto h = hits_.begin();
      for (const Hit& c : candidates) {
        parts.push_back({c.doc, k, c.weight});
        while (h != hits_.end() && h->doc < c.doc) ++h;
        alone += std::size_t(h == hits_.end() || h->doc != c.doc);
      }
      if (shared_->required && k == 0)
        held_required = double(detail::held_estimate(db, phrase, candidates));
      else if (alone > 0)
        held_alone += double(detail::held_estimate(db, phrase, candidates)) * double(alone) / double(candidates.size());
      checks_[k] = std::make_unique<PhraseSource>(phrase.words, phrase.title);
      checks_[k]->init(db);
    }
    if (shared_->required && (parts.empty() || parts[0].phrase != 0)) {  // no document holds its words
      hits_.clear();
      min_ = est_ = 0;
      max_weight = 0;
      return;
    }
    if (parts.empty()) return;
    std::stable_sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.doc < b.doc; });
    const bool required = shared_->required;
    detail::Hits merged;
    merged.reserve(hits_.size() + parts.size());
    max_weight = 0;
    auto h = hits_.begin();
    for (std::size_t i = 0; i < parts.size();) {
      const Xapian::docid d = parts[i].doc;
      for (; h != hits_.end() && h->doc < d; ++h) {
        if (required) continue;  // not a candidate of the required phrase
        merged.push_back(*h);
        max_weight = std::max(max_weight, h->weight);
      }
      const bool alone = h == hits_.end() || h->doc != d;
      const double base = alone ? 0.0 : h->weight;
      if (!alone) ++h;
      if (required && parts[i].phrase != 0) {  // its parts come in the order of phrases: the required first
        for (; i < parts.size() && parts[i].doc == d; ++i) {}
        continue;
      }
      double weight = base;
      for (; i < parts.size() && parts[i].doc == d; ++i) {
        weight += parts[i].weight;
        pending_.push_back({d, parts[i].phrase, parts[i].weight, base, alone});
      }
      merged.emplace_back(d, weight);
      max_weight = std::max(max_weight, weight);
    }
    for (; !required && h != hits_.end(); ++h) {
      merged.push_back(*h);
      max_weight = std::max(max_weight, h->weight);
    }
    if (required) {
      min_ = 0;
      est_ = std::min(Xapian::doccount(merged.size()), Xapian::doccount(held_required + 0.5));
    } else {
      est_ = std::min(Xapian::doccount(merged.size()), Xapian::doccount(double(min_) + held_alone + 0.5));
    }
    hits_.swap(merged);
    memory.recycle(merged);
  }

  // A hit with phrase parts: its weight is the units' and those of the phrases that hold; with a required
  // phrase, a match only if that one holds.
  bool holds(Hit& hit, double min_wt) override {
    while (pending_pos_ < pending_.size() && pending_[pending_pos_].doc < hit.doc) ++pending_pos_;
    if (pending_pos_ == pending_.size() || pending_[pending_pos_].doc != hit.doc) return true;
    const Pending& first = pending_[pending_pos_];
    double weight = first.base;
    bool held = false;
    for (; pending_pos_ < pending_.size() && pending_[pending_pos_].doc == hit.doc; ++pending_pos_) {
      const Pending& p = pending_[pending_pos_];
      if (checks_[p.phrase]->check(hit.doc, 0)) {
        weight += p.weight;
        held = true;
      } else if (shared_->required && p.phrase == 0) {
        return false;
      }
    }
    hit.weight = weight;
    return (held || !first.alone) && weight >= min_wt;
  }

  // Every document of `db` that holds a unit, with the sum of the units' weights, in document order.
  void score(const Xapian::Database& db, double& max_weight) {
    const Statistics& stats = shared_->stats;
    const double total_length = dlh_total_length(stats);
    // Each term's count here, looked up in term order: neighbouring terms share the B-tree's blocks, which
    // a lookup in the query's order (a word's stem, then its exact form) read again and again.
    std::map<std::string, Xapian::doccount> local;
    for (const auto& [term, freq] : stats.collection_freq) local.emplace_hint(local.end(), term, db.get_termfreq(term));
    std::vector<Prepared> units;
    for (const Unit& u : shared_->units) {
      Prepared p;
      p.synonym = u.node.term.empty();
      gather_terms(u.node, p.terms);
      // An OP_SYNONYM of terms all absent here is empty: Xapian gives it no weight, and nothing matches.
      if (std::none_of(p.terms.begin(), p.terms.end(), [&](const std::string& t) { return local.at(t) > 0; }))
        continue;
      p.dlh.log_constant = total_length / estimate(u.node, db, stats, local).collection_freq;
      p.dlh.factor = u.factor;
      p.dlh.log2_constant = std::log2(p.dlh.log_constant);
      units.push_back(std::move(p));
    }
    ScoringMemory& memory = *shared_->memory;
    const std::vector<Xapian::termcount>& lengths = memory.lengths(db);
    // Documents added after the lengths were read are left to the next reopen.
    const Xapian::docid last = std::min(db.get_lastdocid(), Xapian::docid(lengths.size() - 1));
    const std::vector<Xapian::Database> helpers = helpers_of(db, shared_->handles);
    const std::size_t threads = helpers.size() + 1;
    std::vector<std::exception_ptr> failed(threads);
    std::vector<detail::Scratch*> scratch(threads);  // taken here: the threads only use them
    for (std::size_t n = 0; n < threads; ++n) scratch[n] = &memory.scratch(n);
    for (detail::Scratch* s : scratch) s->hits.clear();  // each thread's run (left by a stopped search)
    const auto run = [&](std::size_t n) {
      try {
        const Xapian::docid first = Xapian::docid(1 + std::uint64_t(last) * n / threads);
        const Xapian::docid upto = Xapian::docid(std::uint64_t(last) * (n + 1) / threads);
        if (first <= upto)
          score_run(n == 0 ? db : helpers[n - 1], units, lengths, first, upto, *scratch[n], shared_->in_time, scratch[n]->hits);
      } catch (...) {
        failed[n] = std::current_exception();
      }
    };
    std::vector<std::thread> others;
    std::size_t started = 1;
    try {
      for (; started < threads; ++started) others.emplace_back(run, started);
    } catch (const std::system_error&) {  // no thread to be had: this one scores the rest too
    }
    run(0);
    for (std::size_t n = started; n < threads; ++n) run(n);
    for (std::thread& t : others) t.join();
    for (const std::exception_ptr& e : failed)
      if (e) std::rethrow_exception(e);
    // The runs joined in document order, without copying a lone run (16 bytes a matching document; perf put
    // 8% of a 300k-article batch on two threads in memmove before).
    std::size_t total = 0;
    for (const detail::Scratch* s : scratch) {
      for (const Hit& h : s->hits) max_weight = std::max(max_weight, h.weight);
      total += s->hits.size();
    }
    if (threads == 1) {
      hits_.swap(scratch[0]->hits);
    } else {
      hits_.swap(memory.spare_hits());  // empty, with the capacity an earlier search left
      hits_.reserve(total);
      for (detail::Scratch* s : scratch) {
        hits_.insert(hits_.end(), s->hits.begin(), s->hits.end());
        s->hits.clear();
      }
    }
  }

  std::shared_ptr<const Shared> shared_;
  Xapian::doccount min_ = 0, est_ = 0;
  std::vector<Pending> pending_;  // in document order, then the query's order of phrases
  std::size_t pending_pos_ = 0;
  std::vector<std::unique_ptr<PhraseSource>> checks_;  // by phrase (null: no document holds its words)
};

// The statistics of a source's terms and what it scores with.
void complete(Shared& shared, const Xapian::Database& db, ScoringMemory& memory, const std::function<void()>& in_time,
              const ScoringHandles* handles) {
  std::vector<std::string> terms;
  for (const Unit& u : shared.units) gather_terms(u.node, terms);
  for (const Phrase& p : shared.phrases) terms.insert(terms.end(), p.terms.begin(), p.terms.end());
  shared.stats = statistics_of(db, std::move(terms));
  shared.memory = &memory;
  shared.handles = handles;
  shared.in_time = in_time;
}

// OP_AND_MAYBE(a phrase, an OR of terms, synonyms and phrases) (+"…" beside words: query.cpp) as one source
// whose hits are the documents holding the phrase's words, the phrase checked as for the OR's phrases; else
// nothing. Left to Xapian, the phrase filter read the position list of every document holding its words
// (4.6-5.3 s at a million articles for سوريا +"الأمم المتحدة").
std::optional<Xapian::Query> required_phrase(const Xapian::Query& q, const Xapian::Database& db, ScoringMemory& memory,
                                             const std::function<void()>& in_time, const ScoringHandles* handles) {
  if (q.get_num_subqueries() != 2) return std::nullopt;
  std::optional<Phrase> must = detail::phrase_of(q.get_subquery(0), 1.0);
  if (!must) return std::nullopt;
  auto shared = std::make_shared<Shared>();
  shared->required = true;
  shared->phrases.push_back(std::move(*must));
  std::vector<Xapian::Query> rest;
  split_or(q.get_subquery(1), 1.0, shared->units, rest);
  for (const Xapian::Query& r : rest) {
    std::optional<Phrase> phrase = detail::phrase_of(r, 1.0);
    if (!phrase) return std::nullopt;
    shared->phrases.push_back(std::move(*phrase));
  }
  complete(*shared, db, memory, in_time, handles);
  return Xapian::Query((new FlatOrSource(std::move(shared)))->release());
}

// Replaces the weighted OR found at the top of `q` (under the left side of filters) with the source.
// With `top`, the source chooses the first hits when it is the whole query.
Xapian::Query rewrite(const Xapian::Query& q, const Xapian::Database& db, ScoringMemory& memory,
                      const std::function<void()>& in_time, const ScoringHandles* handles, TopSelection* top) {
  if (std::optional<Xapian::Query> phrase = weighted_phrase(q, 1.0, db, memory, in_time)) return *phrase;
  switch (q.get_type()) {
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_AND_NOT: {
      std::vector<Xapian::Query> subs;
      subs.push_back(rewrite(q.get_subquery(0), db, memory, in_time, handles, nullptr));
      for (std::size_t i = 1; i < q.get_num_subqueries(); ++i) subs.push_back(q.get_subquery(i));
      return Xapian::Query(q.get_type(), subs.begin(), subs.end());
    }
    case Xapian::Query::LEAF_TERM:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SCALE_WEIGHT:
      break;
    case Xapian::Query::OP_AND_MAYBE:
      return required_phrase(q, db, memory, in_time, handles).value_or(q);
    default:
      return q;
  }
  auto shared = std::make_shared<Shared>();
  std::vector<Xapian::Query> rest, others;
  split_or(q, 1.0, shared->units, rest);
  // The phrases among the OR's branches are weighed with the units (add_phrases); a phrase alone stays a
  // source of its own (weighted_phrase).
  for (const Xapian::Query& r : rest) {
    if (std::optional<Phrase> phrase = detail::phrase_of(r, 1.0)) shared->phrases.push_back(std::move(*phrase));
    else others.push_back(r);
  }
  if (shared->units.empty() && shared->phrases.size() < 2) {
    for (Xapian::Query& r : rest)
      if (std::optional<Xapian::Query> phrase = weighted_phrase(r, 1.0, db, memory, in_time)) r = *phrase;
    shared->phrases.clear();
  } else {
    rest.swap(others);
  }
  if (!shared->units.empty() || !shared->phrases.empty()) {  // else the branches are parts kept whole
    complete(*shared, db, memory, in_time, handles);
    if (top && rest.empty() && shared->phrases.empty()) {
      shared->top = top;
      SelectionAccess::place(*top, db);
    }
    rest.insert(rest.begin(), Xapian::Query((new FlatOrSource(std::move(shared)))->release()));
  }
  return rest.size() == 1 ? rest[0] : Xapian::Query(Xapian::Query::OP_OR, rest.begin(), rest.end());
}

}  // namespace

Xapian::Query with_flat_or(const Xapian::Query& query, const Xapian::Database& db, ScoringMemory& memory,
                           std::function<void()> in_time, const ScoringHandles* handles, TopSelection* top) {
  return rewrite(query, db, memory, in_time, handles, top);
}

}  // namespace bahth
