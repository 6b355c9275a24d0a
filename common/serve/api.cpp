#include "serve/api.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <system_error>

#include "dates/calendar.h"
#include "dates/fields.h"
#include "dates/mentions.h"
#include "index/dry_run.h"
#include "search/query.h"
#include "search/related.h"
#include "search/snippet.h"
#include "text/utf8.h"

namespace bahth {

namespace {

const std::string* param(const QueryParams& params, const std::string& name) {
  const auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

std::size_t number_param(const QueryParams& params, const std::string& name, std::size_t fallback, std::size_t max) {
  const std::string* v = param(params, name);
  if (!v) return fallback;
  if (v->empty() || v->size() > 9 || v->find_first_not_of("0123456789") != std::string::npos || std::stoul(*v) > max)
    throw HttpError(400, name + " must be a number from 0 to " + std::to_string(max) + ", not '" + *v + "'");
  return std::stoul(*v);
}

// The command line's option errors name the option ("--sort must be ..."); over HTTP the parameter is
// "sort", so the same message loses its dashes.
template <typename Fn>
auto as_parameter(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const UsageError& e) {
    std::string message = e.what();
    if (message.compare(0, 2, "--") == 0) message.erase(0, 2);
    throw HttpError(400, message);
  }
}

}  // namespace

SearchRequest search_request(const QueryParams& params, const ApiLimits& limits, const std::string& like) {
  SearchRequest r;
  r.like = like;
  if (const std::string* f = param(params, "facets"); f && !f->empty())
    r.facets = as_parameter([&] { return parse_facets(*f); });
  const std::string* q = param(params, "q");
  if (!q && r.facets.empty() && like.empty()) throw HttpError(400, "no query given (the q parameter)");
  if (q) r.query = *q;
  if (r.query.size() > limits.max_query_bytes)
    throw HttpError(400, "query is over " + std::to_string(limits.max_query_bytes) + " bytes");
  if (trim(r.query).empty() && r.facets.empty() && like.empty()) throw HttpError(400, "empty query");
  r.limit = number_param(params, "limit", 10, limits.max_limit);
  r.offset = number_param(params, "offset", 0, 1000000);
  r.today = local_today();  // from=7d, date:أمس … count back from the server's day
  if (const std::string* s = param(params, "sort")) r.sort = as_parameter([&] { return parse_choice(kSortOrders, *s, "sort"); });
  if (const std::string* v = param(params, "from"); v && !v->empty()) r.from = as_parameter([&] { return parse_date_bound(*v, false, r.today); });
  if (const std::string* v = param(params, "to"); v && !v->empty()) r.to = as_parameter([&] { return parse_date_bound(*v, true, r.today); });
  if (!r.from.empty() && !r.to.empty() && r.from > r.to) throw HttpError(400, "from is after to");
  if (const std::string* c = param(params, "collapse")) {
    if (*c != "0" && *c != "1" && *c != "true" && *c != "false")
      throw HttpError(400, "collapse must be 1, 0, true or false, not '" + *c + "'");
    r.collapse = *c == "1" || *c == "true";
  }
  r.strict_syntax = true;  // a browser shows the error; the terminal's repair-and-warn would hide it in a summary
  r.time_limit = limits.time_limit;
  return r;
}

Json search_response(const Searcher& searcher, const SearchRequest& request) {
  const auto t0 = std::chrono::steady_clock::now();
  SearchResult result;
  try {
    result = searcher.search(request);
  } catch (const UnknownArticleError& e) {
    throw HttpError(404, "no article with id '" + request.like + "'");
  } catch (const QueryError& e) {
    throw HttpError(400, e.what());
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  Json hits = Json::array();
  for (const Hit& h : result.hits) hits.push_back(hit_json(h, request.explain));
  Json facets = Json::array();
  for (const Facet& f : result.facets) facets.push_back({{"facet", f.name}, {"values", facet_values_json(f)}});
  return {{"hits", std::move(hits)}, {"facets", std::move(facets)},
          {"summary", summary_json(query_label(request), request, result, ms)}};
}

Json article_response(const Searcher& searcher, const std::string& id, const std::string& query) {
  const std::optional<StoredArticle> a = searcher.article(id);
  if (!a) throw HttpError(404, "no article with id '" + id + "'");
  MatchSpec match;
  if (!trim(query).empty()) {
    try {
      match = parse_query(query, searcher.analyzer(), local_today()).match;
    } catch (const QueryError& e) {
      throw HttpError(400, e.what());
    }
  }
  const std::vector<DateMention> mentioned = extract_dates(a->text, parse_date_field(a->date));
  auto or_null = [](const std::string& s) { return s.empty() ? Json() : Json(s); };
  return {{"id", a->id},
          {"title", a->title},
          {"text", a->text},
          {"date", or_null(a->date)},
          {"date_source", or_null(a->date_source)},
          {"source", or_null(a->source)},
          {"url", or_null(a->url)},
          {"category", or_null(a->category)},
          {"author", or_null(a->author)},
          {"mentioned_dates", date_mentions_json(mentioned)},
          {"highlights", code_point_spans(a->text, match_spans(a->text, match, searcher.analyzer()))},
          {"title_highlights", code_point_spans(a->title, match_spans(a->title, match, searcher.analyzer()))}};
}

namespace {

// The newest modification time of the files of an index directory (and of its shards' directories).
std::optional<std::filesystem::file_time_type> newest_file(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::optional<fs::file_time_type> newest;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it.depth() > 1 || !it->is_regular_file(ec)) continue;
    const fs::file_time_type t = it->last_write_time(ec);
    if (!ec && (!newest || t > *newest)) newest = t;
  }
  return newest;
}

std::string utc_iso(std::filesystem::file_time_type t) {
  // C++17 has no clock_cast: carry the offset between the two clocks over to system_clock.
  const auto system = std::chrono::system_clock::now() +
                      std::chrono::duration_cast<std::chrono::system_clock::duration>(t - std::filesystem::file_time_type::clock::now());
  const std::time_t when = std::chrono::system_clock::to_time_t(system);
  std::tm tm{};
  gmtime_r(&when, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Json health_response(const Searcher& searcher, const std::vector<std::string>& index) {
  std::optional<std::filesystem::file_time_type> newest;
  for (const std::string& path : index) {
    if (const auto t = newest_file(path); t && (!newest || *t > *newest)) newest = t;
  }
  return {{"status", "ok"},
          {"index", index},
          {"documents", searcher.document_count()},
          {"last_modified", newest ? Json(utc_iso(*newest)) : Json()}};
}

}  // namespace bahth
