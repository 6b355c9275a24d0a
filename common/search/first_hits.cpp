// The first hits chosen inside the term-at-a-time OR (TopSelection) and the keys they are chosen by, kept
// in ScoringMemory (flat_or.h).
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "search/flat_or.h"

namespace bahth {

namespace {

// 16 lowercase hex digits (hex64: their order as text is their order as numbers) into `out`; false otherwise.
bool parse_hex64(const std::string& s, std::uint64_t& out) {
  if (s.size() != 16) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return false;
    v = v << 4 | unsigned(digit);
  }
  out = v;
  return true;
}

}  // namespace

DocumentKeys* ScoringMemory::keys(const Xapian::Database& db, Xapian::valueno collapse, Xapian::valueno order) {
  const std::string uuid = db.get_uuid();
  if (uuid.empty()) return nullptr;
  auto [it, added] = keys_.try_emplace(uuid + '/' + std::to_string(collapse) + '/' + std::to_string(order));
  DocumentKeys& k = it->second;
  if (!added) return &k;
  const Xapian::docid last = db.get_lastdocid();
  k.order.assign(last + 1, 0);
  bool ok = true;
  Xapian::doccount ordered = 0;
  for (auto v = db.valuestream_begin(order); ok && v != db.valuestream_end(order); ++v, ++ordered)
    ok = parse_hex64(*v, k.order[v.get_docid()]);
  ok = ok && ordered == db.get_doccount();
  if (collapse != Xapian::BAD_VALUENO) ok = ok && db.get_doccount() < DocumentKeys::kAlone;  // room for the flag
  if (ok && collapse != Xapian::BAD_VALUENO) {
    std::vector<std::pair<Xapian::docid, std::uint64_t>> keyed;
    for (auto v = db.valuestream_begin(collapse); ok && v != db.valuestream_end(collapse); ++v) {
      keyed.emplace_back(v.get_docid(), 0);
      ok = parse_hex64(*v, keyed.back().second);
    }
    for (const auto& [d, key] : keyed) k.keys.push_back(key);
    std::sort(k.keys.begin(), k.keys.end());
    k.keys.erase(std::unique(k.keys.begin(), k.keys.end()), k.keys.end());
    k.cluster.assign(last + 1, 0);
    k.count.assign(k.keys.size() + 1, 0);
    for (const auto& [d, key] : keyed) {
      const auto c = std::uint32_t(1 + (std::lower_bound(k.keys.begin(), k.keys.end(), key) - k.keys.begin()));
      k.cluster[d] = c;
      ++k.count[c];
    }
    for (const auto& [d, key] : keyed) {
      if (k.count[k.cluster[d]] == 1) k.cluster[d] |= DocumentKeys::kAlone;
    }
    std::fill(k.count.begin(), k.count.end(), 0);
    k.best.assign(k.keys.size() + 1, 0);
  }
  k.usable = ok;
  if (!ok) k = DocumentKeys{};
  return &k;
}

namespace {
std::atomic<bool> choose_in_source{false};
}  // namespace

void choose_first_hits_in_source() { choose_in_source = true; }
bool choosing_first_hits_in_source() { return choose_in_source; }

Xapian::doccount TopSelection::matches() const {
  Xapian::doccount n = 0;
  if (collapse_ == Xapian::BAD_VALUENO) {
    for (const Chosen& c : chosen_) n += c.hits;
    return n;
  }
  if (chosen_.size() == 1) return chosen_[0].unkeyed + Xapian::doccount(chosen_[0].keys->touched.size());
  std::vector<std::uint64_t> clusters;  // a cluster may have matches in several databases
  for (const Chosen& c : chosen_) {
    n += c.unkeyed;
    for (std::uint32_t t : c.keys->touched) clusters.push_back(c.keys->keys[t - 1]);
  }
  std::sort(clusters.begin(), clusters.end());
  return n + Xapian::doccount(std::unique(clusters.begin(), clusters.end()) - clusters.begin());
}

Xapian::doccount TopSelection::duplicates(const std::string& key) const {
  std::uint64_t k = 0;
  if (collapse_ == Xapian::BAD_VALUENO || !parse_hex64(key, k)) return 0;
  Xapian::doccount n = 0;
  for (const Chosen& c : chosen_) {
    const std::vector<std::uint64_t>& keys = c.keys->keys;
    const auto it = std::lower_bound(keys.begin(), keys.end(), k);
    if (it != keys.end() && *it == k) n += c.keys->count[std::size_t(1 + (it - keys.begin()))];
  }
  return n > 0 ? n - 1 : 0;
}

// Chooses a database's part of the first hits (TopSelection) from all of them, `hits` (in document order).
void SelectionAccess::place(TopSelection& top, const Xapian::Database& db) {
  top.placed_ = true;
  top.one_database_ = db.size() == 1;
}

void SelectionAccess::choose(TopSelection& top, const Xapian::Database& db, ScoringMemory& memory, detail::Hits& hits) {
  if (top.declined_) return;
  DocumentKeys* keys = memory.keys(db, top.collapse_, top.order_);
  // The same database twice in the search would mix its counts.
  const bool again = std::any_of(top.chosen_.begin(), top.chosen_.end(),
                                 [&](const TopSelection::Chosen& c) { return c.keys == keys; });
  if (!keys || !keys->usable || again || (!hits.empty() && hits.back().doc >= keys->order.size())) {
    top.declined_ = true;  // the matcher chooses from every hit, as without a selection
    return;
  }
  TopSelection::Chosen chosen{keys, Xapian::doccount(hits.size()), 0};
  const std::vector<std::uint64_t>& order = keys->order;
  // As the matcher orders (msetcmp_by_relevance_then_value): weight, then order key, then document.
  struct Before {
    const detail::Hits& hits;
    const std::vector<std::uint64_t>& order;
    bool operator()(std::uint32_t a, std::uint32_t b) const {
      const auto &x = hits[a], &y = hits[b];
      if (x.weight != y.weight) return x.weight > y.weight;
      if (order[x.doc] != order[y.doc]) return order[x.doc] < order[y.doc];
      return x.doc < y.doc;
    }
  };
  const Before before{hits, order};
  const bool collapse = top.collapse_ != Xapian::BAD_VALUENO;
  // Over one database, a document alone in its cluster is collapsed with nothing (over several, its
  // cluster may have documents in another).
  const std::uint32_t alone = top.one_database_ ? DocumentKeys::kAlone : 0;
  const auto cluster_of = [&](Xapian::docid d) -> std::uint32_t {  // 0: collapsed with nothing
    const std::uint32_t c = collapse ? keys->cluster[d] : 0;
    return c & alone ? 0 : c & ~DocumentKeys::kAlone;
  };
  // The first `depth` hits so far, one per cluster (as Xapian's matcher keeps them, in document order):
  // a hit that is not ahead of the last of them is passed over on its weight alone, so only a few
  // hundred hits are looked at further. `best` holds the best hit seen of each cluster looked at.
  std::set<std::uint32_t, Before> first_hits(before);  // indexes into hits
  std::vector<std::uint32_t>& best = keys->best;       // 1 + an index into hits; 0: none seen
  std::vector<std::uint32_t> looked_at;                // clusters whose `best` is set
  double worst = -1;  // the weight of the last of the first hits once there are `depth` of them
  for (std::uint32_t i = 0; i < hits.size(); ++i) {
    if (hits[i].weight < worst || (worst >= 0 && !before(i, *first_hits.rbegin()))) continue;
    if (const std::uint32_t c = cluster_of(hits[i].doc)) {
      if (best[c] == 0) {
        looked_at.push_back(c);
      } else {
        if (!before(i, best[c] - 1)) continue;  // a better copy is ahead of it
        first_hits.erase(best[c] - 1);          // if it is still among them, this one takes its place
      }
      best[c] = i + 1;
    }
    first_hits.insert(i);
    if (first_hits.size() > top.depth_) first_hits.erase(std::prev(first_hits.end()));
    if (first_hits.size() == top.depth_) worst = hits[*first_hits.rbegin()].weight;
  }
  for (std::uint32_t c : looked_at) best[c] = 0;
  // Every hit counted, for matches() and duplicates().
  if (collapse) {
    std::vector<std::uint32_t>& count = keys->count;
    std::vector<std::uint32_t>& touched = keys->touched;
    for (std::uint32_t c : touched) count[c] = 0;  // the previous search's
    touched.clear();
    for (const auto& hit : hits) {
      if (const std::uint32_t c = cluster_of(hit.doc)) {
        if (count[c]++ == 0) touched.push_back(c);
      } else {
        ++chosen.unkeyed;
      }
    }
  }
  std::vector<std::uint32_t> chosen_hits(first_hits.begin(), first_hits.end());
  std::sort(chosen_hits.begin(), chosen_hits.end());  // document order
  detail::Hits first;
  first.reserve(chosen_hits.size());
  for (std::uint32_t i : chosen_hits) first.push_back(hits[i]);
  hits.swap(first);
  memory.recycle(first);
  top.chosen_.push_back(chosen);
}

}  // namespace bahth
