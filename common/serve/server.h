// `bahth-search --serve`: the search library over HTTP (cpp-httplib) until SIGINT or SIGTERM.
//
//   GET /                 the search page (page.html, built in: no external assets)
//   GET /api/...          the JSON API (api.h)
//   anything else         404 {"error": "..."}; every other 4xx and 5xx answer is JSON too
//
// Serving: httplib's connection threads (kConnectionThreads: an idle keep-alive connection holds one) hand
// searches to `threads` search workers, each with its own Xapian handle, reopened before every request so
// that what bahth-index commits is searchable at once. Responses are gzip-compressed for clients that accept
// it. One access-log line per request goes to the reporter as a note (--quiet: none).
//
// Security: read-only (the index is opened read-only; no route writes); the default address is loopback and
// any other prints a warning unless a token is set. With a token every request but the page itself (which
// holds nothing from the index) must carry "Authorization: Bearer TOKEN" (compared in constant time). No
// CORS headers unless an origin is given.
#pragma once

#include <string>
#include <vector>

#include "base/report.h"
#include "serve/api.h"

namespace bahth {

struct ServeOptions {
  std::vector<std::string> index;  ///< the index (or shards), opened once per search worker
  std::string host = "127.0.0.1";
  int port = 8080;                 ///< 0: any free port (the "serving" line names it)
  std::string token;               ///< empty: no authentication
  std::string cors_origin;         ///< empty: no CORS headers
  bool quiet = false;              ///< no access log
  std::size_t threads = 2;         ///< search workers (Xapian handles)
  ApiLimits limits;
};

/// Connection threads: keep-alive connections each hold one while idle, so there are many more of them than
/// search workers (which do the work and are few).
inline constexpr std::size_t kConnectionThreads = 64;

/// Parses "ADDR:PORT", "ADDR" (port 8080), ":PORT" or "[IPv6]:PORT" into `options`. Throws UsageError.
void parse_listen_address(const std::string& text, ServeOptions& options);

/// The token in `path` (surrounding white space removed). Throws UsageError when it cannot be read or is
/// shorter than 16 characters.
std::string read_token_file(const std::string& path);

/// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& host);

/// Whether `a` equals `b`, in a time that depends on their lengths only.
bool constant_time_equal(const std::string& a, const std::string& b);

/// Opens the search workers, listens, prints "serving INDEX on http://HOST:PORT/" (a note), and serves
/// until SIGINT or SIGTERM; then finishes the requests under way and returns 0. Throws IndexError when the
/// index cannot be opened, UsageError when the address cannot be listened on.
int serve(const ServeOptions& options, Reporter& report);

}  // namespace bahth
