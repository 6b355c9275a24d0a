// The interactive prompt: read a query, print its results, repeat. Line editing and history come from
// libedit (BSD licence); the history is kept in $XDG_STATE_HOME/bahth/history (~/.local/state/bahth/history).
#pragma once

#include <ostream>

#include "base/report.h"
#include "cli/output.h"
#include "search/searcher.h"

namespace bahth {

/// Reads queries line by line from the terminal (or, when stdin is not one, from stdin without a prompt)
/// and answers each like a one-off search with `request`'s options. Commands:
///   :next / :prev       the next / previous page of the last query
///   :limit N  :from D  :to D  :sort relevance|newest|oldest  :facets LIST|off   change an option
///   :help  :quit (or an end of file)
/// Errors in a query or a command go to `report` and the prompt goes on. Returns 0.
int run_interactive(const Searcher& searcher, SearchRequest request, const OutputOptions& output, std::ostream& out,
                    Reporter& report);

}  // namespace bahth
