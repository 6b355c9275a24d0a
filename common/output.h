// Writing search results: human text for terminals, JSON Lines, TSV and TREC runs for programs.
//
// JSON Lines envelope (one object per line, UTF-8, logical order, never coloured):
//   {"type":"begin","query_id":"1","query":"..."}
//   {"type":"hit","query_id":"1","rank":1,"id":"...","score":12.3,"title":"...","date":"2022-02-05"|null,
//    "source":...|null,"url":...|null,"snippet":"...","highlights":[[start,end],...]}   (code point offsets)
//   {"type":"summary","query_id":"1","query":"...","estimated_matches":3,"returned":3,"offset":0,
//    "elapsed_ms":1.2,"warnings":[...]}
//   {"type":"error","query_id":"3","query":"...","error":"..."}    (batch: a query that could not run)
#pragma once

#include <ostream>
#include <string>

#include "searcher.h"

namespace bahth {

enum class OutputFormat { human, json, tsv, trec };

/// Parses "human", "json", "tsv" or "trec"; throws UsageError listing them otherwise.
OutputFormat parse_output_format(const std::string& s);

struct OutputOptions {
  OutputFormat format = OutputFormat::human;
  bool color = false;
  std::string run_tag = "bahth";  ///< the last column of TREC runs
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
  std::ostream& out_;
  OutputOptions opt_;
};

/// A number with thousands separators: 1234567 → "1,234,567".
std::string group_thousands(std::size_t n);

}  // namespace bahth
