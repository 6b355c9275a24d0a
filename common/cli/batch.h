// Running queries for the searcher: one query, or a batch read line by line, optionally on several threads
// (each with its own database handle), always writing results in input order.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "base/report.h"
#include "cli/output.h"
#include "search/searcher.h"

namespace bahth {

/// Runs one query and writes it with `writer`; warnings and errors go to `report`, prefixed with `where`.
/// Returns the exit code it earns: 0 with hits, 1 without, 2 when the query could not run.
int run_query(const Searcher& searcher, ResultWriter& writer, const SearchRequest& request, const std::string& id,
              const std::string& text, const std::string& where, Reporter& report);

struct BatchOptions {
  std::vector<std::string> index;  ///< the index (or shards), opened once per thread
  SearchRequest request;      ///< everything but the query text
  OutputOptions output;
  std::size_t threads = 1;
};

/// Runs every query of `in` (see read_query_lines; `name` names it in messages). With several threads the
/// queries are read in chunks and run in parallel; output and messages still appear in input order, so the
/// result is byte-for-byte that of one thread. Stops early, quietly, when `out` fails (a closed pipe).
/// Returns 2 when any query failed or a line was bad, else 0 when any query had hits, else 1.
int run_batch(std::istream& in, const std::string& name, const BatchOptions& options, std::ostream& out,
              Reporter& report);

}  // namespace bahth
