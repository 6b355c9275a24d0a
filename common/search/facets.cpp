#include "search/facets.h"

#include <algorithm>
#include <map>

#include "base/errors.h"
#include "index/schema.h"

namespace bahth {

namespace {

// Counts the comma-separated items of a value slot (one document mentions several years).
class ListCountSpy : public Xapian::MatchSpy {
 public:
  explicit ListCountSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double) override {
    const std::string v = doc.get_value(slot_);
    std::size_t start = 0;
    while (start < v.size()) {
      std::size_t comma = v.find(',', start);
      if (comma == std::string::npos) comma = v.size();
      if (comma > start) ++counts_[v.substr(start, comma - start)];
      start = comma + 1;
    }
  }
  std::string name() const override { return "bahth::ListCountSpy"; }
  const std::map<std::string, Xapian::doccount>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  std::map<std::string, Xapian::doccount> counts_;
};

std::vector<FacetValue> by_count(const Xapian::ValueCountMatchSpy& spy) {
  std::vector<FacetValue> out;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) out.push_back({*it, it.get_termfreq()});
  std::stable_sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  return out;
}

// Dates "YYYYMMDD" rolled up to "YYYY" (width 4) or "YYYY-MM" (width 6), in time order.
std::vector<FacetValue> by_period(const Xapian::ValueCountMatchSpy& spy, std::size_t width) {
  std::map<std::string, Xapian::doccount> sums;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string v = *it;
    if (v.size() < width) continue;
    std::string key = v.substr(0, 4);
    if (width == 6) key += "-" + v.substr(4, 2);
    sums[key] += it.get_termfreq();
  }
  std::vector<FacetValue> out;
  for (const auto& [k, n] : sums) out.push_back({k, n});
  return out;
}

}  // namespace

std::string facet_name(FacetKind kind) { return std::string(choice_name(kFacetKinds, kind)); }

std::vector<FacetKind> parse_facets(const std::string& list) {
  std::vector<FacetKind> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    const std::string name = list.substr(start, comma - start);
    start = comma + 1;
    if (name.empty()) continue;
    const Choice<FacetKind>* k = find_choice(kFacetKinds, name);
    if (!k) throw UsageError("unknown facet '" + name + "' (valid: " + choice_names(kFacetKinds, ", ", ", ") + ")");
    if (std::find(out.begin(), out.end(), k->value) == out.end()) out.push_back(k->value);
  }
  return out;
}

std::vector<Facet> facets_from_terms(const Xapian::Database& db, const std::vector<FacetKind>& kinds) {
  std::vector<Facet> out;
  for (FacetKind k : kinds) {
    Facet f;
    f.name = facet_name(k);
    const std::string prefix = k == FacetKind::year       ? schema::kYear
                               : k == FacetKind::month    ? schema::kMonth
                               : k == FacetKind::source   ? schema::kSource
                               : k == FacetKind::category ? schema::kCategory
                                                          : schema::kMentionedYear;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      std::string value = (*t).substr(prefix.size());
      // Years and months are all digits: skip any other term that happens to share the prefix.
      const bool digits = std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
      if ((k == FacetKind::year || k == FacetKind::mentioned_year) && (value.size() != 4 || !digits)) continue;
      if (k == FacetKind::month) {
        if (value.size() != 6 || !digits) continue;
        value.insert(4, "-");
      }
      if (k == FacetKind::source || k == FacetKind::category) {
        // The term is lower-cased (document.h: filter_term); show the value as the articles give it, as the
        // counts over a query's matches do (their match spy reads the value slot).
        const Xapian::PostingIterator first = db.postlist_begin(*t);
        if (first != db.postlist_end(*t)) {
          const std::string given = db.get_document(*first, Xapian::DOC_ASSUME_VALID)
                                        .get_value(k == FacetKind::source ? schema::kSlotSource : schema::kSlotCategory);
          if (!given.empty()) value = given;
        }
      }
      f.values.push_back({value, t.get_termfreq()});
    }
    if (k == FacetKind::source || k == FacetKind::category)  // by count, then by value: as over a query's matches
      std::sort(f.values.begin(), f.values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
      });
    out.push_back(std::move(f));
  }
  return out;
}

FacetCollector::FacetCollector(std::vector<FacetKind> kinds) : kinds_(std::move(kinds)) {}
FacetCollector::~FacetCollector() = default;

void FacetCollector::attach(Xapian::Enquire& enquire) {
  for (FacetKind k : kinds_) {
    Xapian::MatchSpy* spy = nullptr;
    switch (k) {
      case FacetKind::year: case FacetKind::month:
        if (!date_) spy = date_ = new Xapian::ValueCountMatchSpy(schema::kSlotDate);
        break;
      case FacetKind::source:
        spy = source_ = new Xapian::ValueCountMatchSpy(schema::kSlotSource);
        break;
      case FacetKind::category:
        spy = category_ = new Xapian::ValueCountMatchSpy(schema::kSlotCategory);
        break;
      case FacetKind::mentioned_year:
        spy = mentioned_ = new ListCountSpy(schema::kSlotMentionedYears);
        break;
    }
    if (!spy) continue;
    spies_.emplace_back(spy);
    enquire.add_matchspy(spy);
  }
}

std::vector<Facet> FacetCollector::results() const {
  std::vector<Facet> out;
  for (FacetKind k : kinds_) {
    Facet f;
    f.name = facet_name(k);
    switch (k) {
      case FacetKind::year: f.values = by_period(*date_, 4); break;
      case FacetKind::month: f.values = by_period(*date_, 6); break;
      case FacetKind::source: f.values = by_count(*source_); break;
      case FacetKind::category: f.values = by_count(*category_); break;
      case FacetKind::mentioned_year:
        for (const auto& [year, n] : static_cast<const ListCountSpy*>(mentioned_)->counts()) f.values.push_back({year, n});
        break;
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace bahth
