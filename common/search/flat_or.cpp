#include "search/flat_or.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <optional>
#include <system_error>
#include <thread>

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

void detail::Scratch::size_for(Xapian::docid last) {
  if (weight.size() <= last) {
    weight.assign(last + 1, 0);
    wdf.assign(last + 1, 0);
    matched.assign(last + 1, 0);
  }
}

void detail::Scratch::reset() {
  for (Xapian::docid d : docs) {
    weight[d] = 0;
    matched[d] = 0;
  }
  for (Xapian::docid d : unit_docs) wdf[d] = 0;
  docs.clear();
  unit_docs.clear();
}

namespace {

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

// The statistics Xapian weighs with: those of the whole database (every shard).
struct Statistics {
  Xapian::doccount collection_size = 0;
  Xapian::totallength total_length = 0;
  std::map<std::string, Xapian::termcount> collection_freq;  // of every term of the units
};

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
Estimate estimate(const Node& node, const Xapian::Database& db, const Statistics& stats) {
  if (!node.term.empty()) return {db.get_termfreq(node.term), double(stats.collection_freq.at(node.term))};
  std::vector<Estimate> heap;
  for (const Node& part : node.parts) heap.push_back(estimate(part, db, stats));
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

// DLHWeight::get_sumpart of Xapian 1.4, with its init's constants: the same operations in the same order,
// so the same bits.
struct Dlh {
  double log_constant = 0, factor = 0;
  double operator()(Xapian::termcount wdf, Xapian::termcount len) const {
    if (wdf == 0 || wdf == len) return 0.0;
    const double wdf_to_len = double(wdf) / len;
    const double one_minus_wdf_to_len = 1.0 - wdf_to_len;
    const double wt = wdf * std::log2(wdf_to_len * log_constant) + (len - wdf) * std::log2(one_minus_wdf_to_len) +
                      0.5 * std::log2(2.0 * M_PI * wdf * one_minus_wdf_to_len);
    if (wt <= 0.0) return 0.0;
    return factor * wt / (wdf + 0.5);
  }
};

struct Shared {
  std::vector<Unit> units;
  Statistics stats;
  ScoringMemory* memory = nullptr;
  const ScoringHandles* handles = nullptr;
  std::function<void()> in_time;
};

// A unit ready to score in one database: its terms, and DLH with its statistics there.
struct Prepared {
  bool synonym = false;
  std::vector<std::string> terms;
  Dlh dlh;
};

using Hits = std::vector<std::pair<Xapian::docid, double>>;

// The documents from `first` to `last` of the database `db` reads (one database) that hold a unit, with
// the sum of the units' weights, in document order, into `hits`.
void score_run(const Xapian::Database& db, const std::vector<Prepared>& units, const std::vector<Xapian::termcount>& lengths,
               Xapian::docid first, Xapian::docid last, detail::Scratch& s, const std::function<void()>& in_time, Hits& hits) {
  struct Reset {
    detail::Scratch& s;
    ~Reset() { s.reset(); }
  } reset{s};
  s.size_for(last);
  // A term's postings from `first` to `last`.
  const auto each_posting = [&](const std::string& term, auto&& visit) {
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (first > 1) p.skip_to(first);
    for (; p != db.postlist_end(term) && *p <= last; ++p) visit(*p, p.get_wdf());
  };
  for (const Prepared& u : units) {
    const auto add = [&](Xapian::docid d, Xapian::termcount wdf) {
      if (!s.matched[d]) {
        s.matched[d] = 1;
        s.docs.push_back(d);
      }
      s.weight[d] += u.dlh(wdf, lengths[d]);
    };
    if (!u.synonym) {
      each_posting(u.terms[0], add);
    } else {
      // The wdfs of the synonym's terms added up, at most the document's length (as SynonymPostList does).
      // A document may be listed twice when a term has wdf 0 (a boolean term): its second entry adds 0.
      for (const std::string& t : u.terms) {
        each_posting(t, [&](Xapian::docid d, Xapian::termcount wdf) {
          if (s.wdf[d] == 0) s.unit_docs.push_back(d);
          s.wdf[d] += wdf;
        });
      }
      for (Xapian::docid d : s.unit_docs) {
        const Xapian::termcount wdf = s.wdf[d];
        s.wdf[d] = 0;
        add(d, std::min(wdf, lengths[d]));
      }
      s.unit_docs.clear();
    }
    if (in_time) in_time();
  }
  // In document order: a scan of the arrays when the units hold many of the documents, else a sort.
  hits.reserve(s.docs.size());
  const auto take = [&](Xapian::docid d) {
    hits.emplace_back(d, s.weight[d]);
    s.weight[d] = 0;
    s.matched[d] = 0;
  };
  if (s.docs.size() * 16 > last - first + 1) {
    for (Xapian::docid d = first; d <= last; ++d)
      if (s.matched[d]) take(d);
  } else {
    std::sort(s.docs.begin(), s.docs.end());
    for (Xapian::docid d : s.docs) take(d);
  }
  s.docs.clear();
}

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

class FlatOrSource : public Xapian::PostingSource {
 public:
  explicit FlatOrSource(std::shared_ptr<const Shared> shared) : shared_(std::move(shared)) {}

  FlatOrSource* clone() const override { return new FlatOrSource(shared_); }
  std::string name() const override { return "bahth::FlatOrSource"; }
  std::string get_description() const override {
    return "FlatOrSource(" + std::to_string(shared_->units.size()) + " weighted parts)";
  }

  void init(const Xapian::Database& db) override {
    hits_.clear();
    pos_ = 0;
    started_ = false;
    double max_weight = 0;
    if (db.get_doccount() > 0) score(db, max_weight);
    set_maxweight(max_weight);
  }

  Xapian::doccount get_termfreq_min() const override { return Xapian::doccount(hits_.size()); }
  Xapian::doccount get_termfreq_est() const override { return Xapian::doccount(hits_.size()); }
  Xapian::doccount get_termfreq_max() const override { return Xapian::doccount(hits_.size()); }

  void next(double min_wt) override {
    if (started_) ++pos_;
    started_ = true;
    while (pos_ < hits_.size() && hits_[pos_].second < min_wt) ++pos_;
  }
  void skip_to(Xapian::docid did, double min_wt) override {
    if (!started_) started_ = true;
    else if (pos_ < hits_.size() && hits_[pos_].first >= did) return;
    pos_ = std::size_t(std::lower_bound(hits_.begin() + std::ptrdiff_t(pos_), hits_.end(), did,
                                        [](const auto& h, Xapian::docid d) { return h.first < d; }) -
                       hits_.begin());
    while (pos_ < hits_.size() && hits_[pos_].second < min_wt) ++pos_;
  }
  bool at_end() const override { return started_ && pos_ >= hits_.size(); }
  Xapian::docid get_docid() const override { return hits_[pos_].first; }
  double get_weight() const override { return hits_[pos_].second; }

 private:
  // Every document of `db` that holds a unit, with the sum of the units' weights, in document order.
  void score(const Xapian::Database& db, double& max_weight) {
    const Statistics& stats = shared_->stats;
    // DLHWeight reads the total length back as the average length × the collection size, rounded.
    const double average = stats.collection_size == 0 ? 0 : double(stats.total_length) / stats.collection_size;
    const double total_length = double(Xapian::totallength(average * stats.collection_size + 0.5));
    std::vector<Prepared> units;
    for (const Unit& u : shared_->units) {
      Prepared p;
      p.synonym = u.node.term.empty();
      gather_terms(u.node, p.terms);
      // An OP_SYNONYM of terms all absent here is empty: Xapian gives it no weight, and nothing matches.
      if (std::none_of(p.terms.begin(), p.terms.end(), [&](const std::string& t) { return db.get_termfreq(t) > 0; }))
        continue;
      p.dlh = {total_length / estimate(u.node, db, stats).collection_freq, u.factor};
      units.push_back(std::move(p));
    }
    ScoringMemory& memory = *shared_->memory;
    const std::vector<Xapian::termcount>& lengths = memory.lengths(db);
    // Documents added after the lengths were read are left to the next reopen.
    const Xapian::docid last = std::min(db.get_lastdocid(), Xapian::docid(lengths.size() - 1));
    const std::vector<Xapian::Database> helpers = helpers_of(db, shared_->handles);
    const std::size_t threads = helpers.size() + 1;
    std::vector<Hits> runs(threads);
    std::vector<std::exception_ptr> failed(threads);
    std::vector<detail::Scratch*> scratch(threads);  // taken here: the threads only use them
    for (std::size_t n = 0; n < threads; ++n) scratch[n] = &memory.scratch(n);
    const auto run = [&](std::size_t n) {
      try {
        const Xapian::docid first = Xapian::docid(1 + std::uint64_t(last) * n / threads);
        const Xapian::docid upto = Xapian::docid(std::uint64_t(last) * (n + 1) / threads);
        if (first <= upto)
          score_run(n == 0 ? db : helpers[n - 1], units, lengths, first, upto, *scratch[n], shared_->in_time, runs[n]);
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
    for (Hits& r : runs) {
      for (const auto& h : r) max_weight = std::max(max_weight, h.second);
      hits_.insert(hits_.end(), r.begin(), r.end());
    }
  }

  std::shared_ptr<const Shared> shared_;
  std::vector<std::pair<Xapian::docid, double>> hits_;
  std::size_t pos_ = 0;
  bool started_ = false;
};

// Replaces the weighted OR found at the top of `q` (under the left side of filters) with the source.
Xapian::Query rewrite(const Xapian::Query& q, const Xapian::Database& db, ScoringMemory& memory,
                      const std::function<void()>& in_time, const ScoringHandles* handles) {
  switch (q.get_type()) {
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_AND_NOT: {
      std::vector<Xapian::Query> subs;
      subs.push_back(rewrite(q.get_subquery(0), db, memory, in_time, handles));
      for (std::size_t i = 1; i < q.get_num_subqueries(); ++i) subs.push_back(q.get_subquery(i));
      return Xapian::Query(q.get_type(), subs.begin(), subs.end());
    }
    case Xapian::Query::LEAF_TERM:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SCALE_WEIGHT:
      break;
    default:
      return q;
  }
  auto shared = std::make_shared<Shared>();
  std::vector<Xapian::Query> rest;
  split_or(q, 1.0, shared->units, rest);
  if (shared->units.empty()) return q;
  Statistics& stats = shared->stats;
  stats.collection_size = db.get_doccount();
  stats.total_length = db.get_total_length();
  std::vector<std::string> terms;
  for (const Unit& u : shared->units) gather_terms(u.node, terms);
  for (const std::string& t : terms) {
    if (!stats.collection_freq.count(t)) stats.collection_freq[t] = db.get_collection_freq(t);
  }
  shared->memory = &memory;
  shared->handles = handles;
  shared->in_time = in_time;
  rest.insert(rest.begin(), Xapian::Query((new FlatOrSource(std::move(shared)))->release()));
  return rest.size() == 1 ? rest[0] : Xapian::Query(Xapian::Query::OP_OR, rest.begin(), rest.end());
}

}  // namespace

Xapian::Query with_flat_or(const Xapian::Query& query, const Xapian::Database& db, ScoringMemory& memory,
                           std::function<void()> in_time, const ScoringHandles* handles) {
  return rewrite(query, db, memory, in_time, handles);
}

}  // namespace bahth
