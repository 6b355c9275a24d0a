#include "cli/alerts.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>

#include "base/errors.h"
#include "cli/layout.h"
#include "dates/calendar.h"
#include "text/utf8.h"

namespace bahth {

namespace {

// The state of a search that ran while its index recorded no added times (empty, or built before the slot
// existed): a time before every real one, so that from then on only articles with an added time are new.
constexpr const char* kBeforeAnyAdded = "0000-00-00T00:00:00.000000Z";

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// One Searcher per index, opened when a search first needs it.
class Searchers {
 public:
  const Searcher& get(const std::vector<std::string>& index) {
    std::unique_ptr<Searcher>& s = open_[index];
    if (!s) s = std::make_unique<Searcher>(index);
    return *s;
  }

 private:
  std::map<std::vector<std::string>, std::unique_ptr<Searcher>> open_;
};

void heading(std::ostream& out, const OutputOptions& output, const std::string& text) {
  StyledLine line{{text, 0}};
  if (output.bidi == BidiMode::visual) line = to_visual(line);
  for (const StyledRun& r : line) out << r.text;
  out << "\n\n";
}

}  // namespace

SearchRequest saved_request(const SavedSearch& s, const SearchRequest& base) {
  SearchRequest r = base;
  r.query = s.query;
  r.offset = 0;
  r.from = s.from.empty() ? std::string() : parse_date_bound(s.from, false, base.today);
  r.to = s.to.empty() ? std::string() : parse_date_bound(s.to, true, base.today);
  r.sort = parse_sort_order(s.sort);
  r.collapse = s.collapse;
  r.facets.clear();
  return r;
}

void save_alert(const std::string& dir, SavedSearch s, const SearchRequest& base, Reporter& report) {
  for (std::string& path : s.index) {
    std::error_code ec;
    if (path.rfind("tcp://", 0) != 0) path = std::filesystem::absolute(path, ec).lexically_normal().string();
  }
  SearchRequest check = saved_request(s, base);
  check.limit = 0;
  Searcher(s.index).search(check);  // a query that cannot run throws now, not at every --alerts
  const std::vector<std::string> names = saved_search_names(dir);
  const bool replaced = std::find(names.begin(), names.end(), s.name) != names.end();
  store_saved_search(dir, s);
  report.note(std::string(replaced ? "replaced" : "saved") + " alert " + s.name + " in " + dir +
              ": bahth-search --alerts prints its new articles");
}

int run_alerts(const std::string& dir, const SearchRequest& base, const OutputOptions& output, std::ostream& out,
               Reporter& report) {
  OutputOptions batch = output;
  batch.batch = true;  // every record carries the search's name
  ResultWriter writer(out, batch);
  Searchers searchers;
  bool any_new = false, any_error = false;
  for (const std::string& name : saved_search_names(dir)) {
    if (!out) break;  // the reader went away: stop quietly
    try {
      SavedSearch s = load_saved_search(dir, name);
      const Searcher& searcher = searchers.get(s.index);
      // The latest added time first: articles added after it are left for the next run (see the header).
      const std::string latest = searcher.latest_added();
      if (latest.empty() && searcher.document_count() > 0)
        report.note("alert " + name + ": " + joined(s.index) + " records no times articles were added (it was "
                    "built before saved searches existed): after this run its articles count as reported, and "
                    "articles indexed from now on as new");
      SearchRequest r = saved_request(s, base);
      if (s.ran) {
        r.added_from = s.added_through;
        r.added_seen = s.seen;
      }
      r.added_through = latest;
      if (!r.exact_count) r.limit = std::max<std::size_t>(1, searcher.document_count());  // every new article
      const auto t0 = std::chrono::steady_clock::now();
      const SearchResult result = searcher.search(r);
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      for (const auto& w : result.warnings) report.note("alert " + name + ": " + w);
      const std::size_t fresh = r.exact_count ? result.estimated : result.hits.size();  // --format count: no hits
      if (fresh > 0) {
        if (output.format == OutputFormat::human)
          heading(out, output, name + ": " + s.query + " (" + std::to_string(fresh) + " new)");
        writer.write(name, s.query, r, result, ms);
        out.flush();
        if (!out) break;  // not delivered: the same articles are new next time
        any_new = true;
      }
      // Seen at the new mark: every match added exactly at `latest` (collapsed copies too).
      SearchRequest at_latest = r;
      at_latest.added_from = latest.empty() ? kBeforeAnyAdded : latest;
      at_latest.added_seen.clear();
      s.seen = latest.empty() ? std::vector<std::string>{} : searcher.matching_ids(at_latest);
      s.added_through = latest.empty() ? kBeforeAnyAdded : latest;
      s.ran = true;
      s.ran_at = utc_now();
      store_saved_search(dir, s);
    } catch (const Error& e) {
      report.problem("alert " + name + ": " + e.what());
      any_error = true;
    }
  }
  return any_error ? 2 : any_new ? 0 : 1;
}

int list_alerts(const std::string& dir, std::ostream& out, Reporter& report) {
  bool any = false, any_error = false;
  for (const std::string& name : saved_search_names(dir)) {
    try {
      const SavedSearch s = load_saved_search(dir, name);
      std::string filters;
      auto add = [&](const std::string& option, const std::string& value) {
        filters += (filters.empty() ? "" : " ") + option + (value.empty() ? "" : " " + value);
      };
      if (!s.from.empty()) add("--from", s.from);
      if (!s.to.empty()) add("--to", s.to);
      if (s.sort != "relevance") add("--sort", s.sort);
      if (!s.collapse) add("--no-collapse", "");
      out << s.name << '\t' << s.query << '\t' << filters << '\t' << (s.ran ? s.ran_at : "never") << '\n';
      any = true;
    } catch (const Error& e) {
      report.problem("alert " + name + ": " + e.what());
      any_error = true;
    }
  }
  return any_error ? 2 : any ? 0 : 1;
}

}  // namespace bahth
