// The HTTP API's answers, apart from HTTP itself: each turns a request's parameters into JSON over one
// Searcher, or throws HttpError with the status and the message the client gets as {"error": "..."}.
// server.h routes requests here; tests and other front ends can call these directly.
//
//   GET /api/search?q=&from=&to=&sort=&limit=&offset=&facets=&collapse=
//       {"hits":[hit...],"facets":[{"facet","values"}...],"summary":{...}}   (search/result_json.h fields)
//   GET /api/related/ID?q=&from=&to=&sort=&limit=&offset=&facets=&collapse=
//       the articles related to article ID (SearchRequest::like; q optional: it filters them), as /api/search
//   GET /api/article/ID[?q=]
//       {"id","title","text","date","date_source","source","url","category","author",
//        "mentioned_dates":[...],"highlights":[[s,e]...],"title_highlights":[[s,e]...]}   (code points)
//   GET /api/health
//       {"status":"ok","index":[paths],"documents":N,"last_modified":"YYYY-MM-DDTHH:MM:SSZ"|null}
//
// Bad parameters are 400 with the words the command line uses for the same mistake; an unknown article is
// 404. A query that cannot run (QueryError) is 400 too, and one over the time limit says so.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/errors.h"
#include "search/result_json.h"
#include "search/searcher.h"

namespace bahth {

/// An answer other than 200: `status` (4xx for the client's mistakes) and a one-line message.
class HttpError : public Error {
 public:
  HttpError(int status, const std::string& message) : Error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

/// Query parameters, URL-decoded (httplib::Params is this type).
using QueryParams = std::multimap<std::string, std::string>;

/// What the API refuses before any work: the largest page, the longest query, and how long a query may run.
struct ApiLimits {
  std::size_t max_limit = 1000;
  std::size_t max_query_bytes = 4096;
  double time_limit = 10;  ///< seconds (SearchRequest::time_limit)
};

/// The SearchRequest of /api/search's parameters, or with `like` (an article id) of /api/related/ID's.
/// Throws HttpError 400 for a missing or empty q (unless facets or `like` are asked for), a q over the size
/// limit, a bad date, sort, facet, limit, offset or collapse.
SearchRequest search_request(const QueryParams& params, const ApiLimits& limits, const std::string& like = "");

/// The answer to /api/search and /api/related. A query that cannot run is HttpError 400, an unknown
/// `like` article 404. Throws IndexError.
Json search_response(const Searcher& searcher, const SearchRequest& request);

/// The answer to /api/article/ID: the stored article, the dates its text mentions, and the matches of `query`
/// (may be empty) in its text and title. HttpError 404 for an unknown id, 400 for a query that cannot be parsed.
Json article_response(const Searcher& searcher, const std::string& id, const std::string& query);

/// The answer to /api/health: the index paths, the number of documents and the newest modification time of
/// the index's files (null for a remote index).
Json health_response(const Searcher& searcher, const std::vector<std::string>& index);

}  // namespace bahth
