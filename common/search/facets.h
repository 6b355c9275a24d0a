// Facet counts over ALL documents that match a query (not just the hits shown): publication year and month,
// source, category, and the years the articles' texts mention.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "base/choices.h"

namespace bahth {

enum class FacetKind { year, month, source, category, mentioned_year };
/// --facets' choices (base/choices.h), in the order they are printed.
inline constexpr Choice<FacetKind> kFacetKinds[] = {{"year", FacetKind::year},
                                                    {"month", FacetKind::month},
                                                    {"source", FacetKind::source},
                                                    {"category", FacetKind::category},
                                                    {"mentioned-year", FacetKind::mentioned_year}};

/// The facet's name as written on the command line and in output: "year", "month", "source", "category",
/// "mentioned-year".
std::string facet_name(FacetKind kind);

/// Parses a comma-separated list such as "year,month,source"; throws UsageError naming the valid ones.
std::vector<FacetKind> parse_facets(const std::string& list);

struct FacetValue {
  std::string value;        ///< "2018", "2018-03", "alarabiya", ...
  Xapian::doccount count = 0;
};

struct Facet {
  std::string name;
  std::vector<FacetValue> values;  ///< years and months in time order; others by count, descending
};

/// Facets over the whole index, from the term frequencies of the date, source, category and mentioned-year
/// terms (schema.h): exact, and about a millisecond instead of a pass over every document. Sources and
/// categories appear lower-cased, as their terms are.
std::vector<Facet> facets_from_terms(const Xapian::Database& db, const std::vector<FacetKind>& kinds);

/// Counts facets during one Enquire::get_mset. Create it before the Enquire it is attached to (it must
/// outlive the search); the mset must look at every match (checkatleast = the document count) for exact counts.
class FacetCollector {
 public:
  explicit FacetCollector(std::vector<FacetKind> kinds);
  ~FacetCollector();
  FacetCollector(const FacetCollector&) = delete;
  FacetCollector& operator=(const FacetCollector&) = delete;

  bool empty() const { return kinds_.empty(); }
  void attach(Xapian::Enquire& enquire);
  std::vector<Facet> results() const;

 private:
  std::vector<FacetKind> kinds_;
  std::vector<std::unique_ptr<Xapian::MatchSpy>> spies_;  // one per value slot needed
  Xapian::ValueCountMatchSpy* date_ = nullptr;
  Xapian::ValueCountMatchSpy* source_ = nullptr;
  Xapian::ValueCountMatchSpy* category_ = nullptr;
  Xapian::MatchSpy* mentioned_ = nullptr;  // a ListCountSpy (facets.cpp)
};

}  // namespace bahth
