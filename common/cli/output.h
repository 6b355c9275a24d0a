// Writing search results: human text for terminals, JSON Lines, TSV and TREC runs for programs.
//
// JSON Lines envelope (one object per line, UTF-8, logical order, never coloured):
//   {"type":"begin","query_id":"1","query":"..."}
//   {"type":"hit","query_id":"1","rank":1,"id":"...","score":12.3,"title":"...","date":"2022-02-05"|null,
//    "source":...|null,"url":...|null,"snippet":"...","highlights":[[start,end],...],"duplicates":0}  (code point offsets; duplicates: other copies collapsed)
//    with --explain, the hit also has "explain":[{"term":"فلسطين","field":"stem"|"exact"|"title stem"|
//    "title exact","wdf":2,"docs":1234,"weight":3.21},...] (heaviest first; see TermContribution)
//   {"type":"facet","query_id":"1","facet":"year","values":[{"value":"2018","count":12},...]}  (--facets)
//   {"type":"summary","query_id":"1","query":"...","estimated_matches":3,"returned":3,"offset":0,
//    "elapsed_ms":1.2,"warnings":[...]}
//   {"type":"error","query_id":"3","query":"...","error":"..."}    (batch: a query that could not run)
// --fields id,title,... keeps only those fields of a hit record (type and query_id are always there).
// --format count prints the exact number of matches (a batch: "qid<TAB>count"); --format ids one id a line.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/choices.h"
#include "cli/layout.h"
#include "search/searcher.h"

namespace bahth {

enum class OutputFormat { human, json, tsv, trec, count, ids };
/// --format's choices (base/choices.h).
inline constexpr Choice<OutputFormat> kOutputFormats[] = {
    {"human", OutputFormat::human}, {"json", OutputFormat::json},   {"tsv", OutputFormat::tsv},
    {"trec", OutputFormat::trec},   {"count", OutputFormat::count}, {"ids", OutputFormat::ids}};

/// Parses "human", "json", "tsv", "trec", "count" or "ids"; throws UsageError listing them otherwise.
OutputFormat parse_output_format(const std::string& s);

struct OutputOptions {
  OutputFormat format = OutputFormat::human;
  bool color = false;
  std::string run_tag = "bahth";  ///< the last column of TREC runs
  BidiMode bidi = BidiMode::logical;  ///< human output: visual reorders lines for terminals without bidi
  std::size_t width = 0;          ///< human output: wrap lines to this many columns (0: no wrapping)
  bool batch = false;             ///< a batch: count lines carry the query id
};

class ResultWriter {
 public:
  ResultWriter(std::ostream& out, OutputOptions options) : out_(out), opt_(std::move(options)) {}

  /// One query's results. `query_id` is the batch id ("1" for a single query).
  void write(const std::string& query_id, const std::string& query, const SearchRequest& request,
             const SearchResult& result, double elapsed_ms);

  /// A query that could not be run (JSON: an "error" record; other formats write nothing to stdout).
  void write_error(const std::string& query_id, const std::string& query, const std::string& message);

 private:
  void human(const SearchRequest& request, const SearchResult& result, double elapsed_ms);
  void facets(const std::vector<Facet>& facets);
  void print(const StyledLine& line, const std::string& indent);
  std::ostream& out_;
  OutputOptions opt_;
};

/// The hit fields --fields may name, in output order.
const std::vector<std::string>& hit_field_names();

/// Parses a comma-separated list of hit fields; throws UsageError naming the valid ones.
std::vector<std::string> parse_hit_fields(const std::string& list);

/// A number with thousands separators: 1234567 → "1,234,567".
std::string group_thousands(std::size_t n);

}  // namespace bahth
