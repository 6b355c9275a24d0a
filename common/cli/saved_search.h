// Saved searches: a query and its filters kept under a name (bahth-search --alert NAME 'query' …), with what
// the last run of it reported, so that the next run (--alerts, cli/alerts.h) reports only what is new.
//
// One JSON file per search, DIR/NAME.json, DIR = alerts_dir():
//   {"name":"gaza","query":"غزة","from":"7d","to":"","sort":"newest","collapse":true,"index":["/srv/news.db"],
//    "last_run":{"at":"2026-12-02T06:00:01Z","added_through":"2026-12-02T03:15:00.120000Z","seen":["a1"]}}
// "from"/"to" are kept as typed, so relative dates (7d, أمس) move with the day the search runs; "index" is the
// index it was saved for (absolute paths); "last_run" is null before the first run. What "added_through" and
// "seen" mean is alerts.h's business. A file is replaced atomically (written beside it, then renamed over
// it): a crash leaves the old version or the new one, never half of one.
//
// Failures: a name that is no plain file name (empty, '/', a leading '.', over 100 bytes, control
// characters, invalid UTF-8) or an unknown name is a UsageError; a file that is not a saved search (not
// JSON, a field missing or of the wrong type) an InputError naming the file; a directory or file that cannot
// be written an Error naming it and the cause.
#pragma once

#include <string>
#include <vector>

namespace bahth {

struct SavedSearch {
  std::string name;
  std::string query;                ///< the query text, as typed
  std::string from, to;             ///< --from/--to as typed ("" when not given)
  std::string sort = "relevance";   ///< --sort's choice name
  bool collapse = true;             ///< false: --no-collapse
  std::vector<std::string> index;   ///< the index (or shards) it searches
  bool ran = false;                 ///< whether "last_run" is set
  std::string ran_at;               ///< when it last ran (UTC, shown by --alerts --list)
  std::string added_through;        ///< the latest added time of the index when it last ran (alerts.h)
  std::vector<std::string> seen;    ///< ids reported then that were added exactly at added_through
};

/// The folder of saved searches: $XDG_STATE_HOME/bahth/alerts, else ~/.local/state/bahth/alerts. Throws
/// UsageError when neither variable is set. The folder is not created here.
std::string alerts_dir();

/// Throws UsageError "alert name 'NAME' …" unless `name` can be a file name of its own (see the header).
void check_alert_name(const std::string& name);

/// Reads the search named `name` from `dir`. Throws UsageError for an unknown (or invalid) name and
/// InputError for a file that is not a saved search.
SavedSearch load_saved_search(const std::string& dir, const std::string& name);

/// Writes `s` to DIR/NAME.json atomically, creating `dir` when needed. Throws Error when it cannot.
void store_saved_search(const std::string& dir, const SavedSearch& s);

/// Deletes the search named `name`. Throws UsageError for an unknown name.
void delete_saved_search(const std::string& dir, const std::string& name);

/// The names of the saved searches in `dir`, sorted (none when `dir` does not exist).
std::vector<std::string> saved_search_names(const std::string& dir);

}  // namespace bahth
