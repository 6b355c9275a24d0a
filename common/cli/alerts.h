// Saved searches run again (bahth-search --alerts): each prints only the articles added to its index since it
// last ran, so that a crontab line can mail what is new about the stories a reader follows.
//
// "Since it last ran", exactly. Every indexing run stamps the articles it adds with one time
// (schema::kSlotAdded; a changed article keeps the time it was first added). A run of a saved search first
// reads the latest added time in the index, L (Searcher::latest_added), then reports the matches added from
// T through L, T being the L of its previous run, less the ids it reported then that were added exactly at T
// ("seen"). It records T = L and, as "seen", the ids of every match added exactly at L. So
//  - nothing is repeated: older articles fall before T, and those added at T were recorded;
//  - nothing is missed: an indexing run still committing (in batches, or shard after shard) when the search
//    ran adds the rest of its articles at time L, and those are not "seen"; articles added after L was read
//    come next time; two indexing runs in the same clock tick are told apart by the ids;
//  - the clock of the machine running --alerts plays no part, only the times stored in the index.
// The first run of a saved search reports every match (articles of an index built before the slot existed
// included); after it, articles without an added time count as reported. A search's new state is written
// (atomically, saved_search.h) only after its results were written to the output without error.
#pragma once

#include <ostream>
#include <string>

#include "base/report.h"
#include "cli/output.h"
#include "cli/saved_search.h"
#include "search/searcher.h"

namespace bahth {

/// The request that runs `s`: `base` (output settings such as snippets, fields, today) with the saved query,
/// dates (relative ones resolved against base.today), sort order and collapsing. Throws UsageError for a
/// saved date that is no longer valid and QueryError for an empty query.
SearchRequest saved_request(const SavedSearch& s, const SearchRequest& base);

/// Saves `s` in `dir` (saved_search.h) once its query has run on its index with `base`'s settings (QueryError,
/// IndexError otherwise); local index paths are made absolute. Notes on `report` that it was saved, or that it
/// replaced a search of the same name (whose state it drops: the next run reports every match again).
void save_alert(const std::string& dir, SavedSearch s, const SearchRequest& base, Reporter& report);

/// Runs every saved search in `dir` on the index it was saved for and writes the new articles of each to
/// `out` in `output`'s format, as one query of a batch whose id is the search's name (human output: a
/// heading line "NAME: QUERY (N new)" first); a search with nothing new writes nothing. A search that cannot
/// be read or run is reported (one line naming it) and skipped; the others run. Stops quietly when `out`
/// fails (a closed pipe), recording nothing for the search being written.
/// Returns 2 when any search could not be read or run, else 0 when any had new articles, else 1.
int run_alerts(const std::string& dir, const SearchRequest& base, const OutputOptions& output, std::ostream& out,
               Reporter& report);

/// Writes one line per saved search in `dir`: "NAME<TAB>QUERY<TAB>FILTERS<TAB>LAST RUN" (filters as
/// options, e.g. "--from 7d --sort newest"; the last run in UTC, or "never"). A file that is not a saved
/// search is reported and skipped. Returns 2 when one was, else 0 when any search is saved, else 1.
int list_alerts(const std::string& dir, std::ostream& out, Reporter& report);

}  // namespace bahth
