#include "serve/server.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include <httplib.h>

#include "serve/page_html.h"  // generated from page.html (common/CMakeLists.txt)
#include "text/utf8.h"

namespace bahth {

void parse_listen_address(const std::string& text, ServeOptions& o) {
  std::string host = text, port;
  if (!text.empty() && text[0] == '[') {  // [::1]:8080
    const std::size_t close = text.find(']');
    if (close == std::string::npos) throw UsageError("--serve: '" + text + "' is not ADDR:PORT");
    host = text.substr(1, close - 1);
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':') throw UsageError("--serve: '" + text + "' is not ADDR:PORT");
      port = text.substr(close + 2);
    }
  } else if (const std::size_t colon = text.rfind(':'); colon != std::string::npos && text.find(':') == colon) {
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  if (!host.empty()) o.host = host;
  if (!port.empty() || (!text.empty() && text.back() == ':')) {
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(port) > 65535)
      throw UsageError("--serve: port '" + port + "' is not a number from 0 to 65535");
    o.port = std::stoi(port);
  }
}

std::string read_token_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UsageError("--token: cannot read " + path);
  std::stringstream all;
  all << in.rdbuf();
  const std::string token(trim(all.str()));
  if (token.size() < 16) throw UsageError("--token: the token in " + path + " is shorter than 16 characters");
  if (token.find_first_of(" \t\r\n") != std::string::npos) throw UsageError("--token: the token in " + path + " holds white space");
  return token;
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.compare(0, 4, "127.") == 0;
}

bool constant_time_equal(const std::string& a, const std::string& b) {
  // Every byte of the longer string is looked at, whatever differs first.
  const std::size_t n = std::max(a.size(), b.size());
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ y);
  }
  return diff == 0;
}

namespace {

// The search workers: one Searcher (one Xapian handle) each, lent to one request at a time.
class SearcherPool {
 public:
  SearcherPool(const std::vector<std::string>& index, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) free_.push_back(std::make_unique<Searcher>(index));
  }

  // A searcher at the index's latest commit, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> s) : pool_(pool), searcher_(std::move(s)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.give_back(std::move(searcher_)); }
    const Searcher& operator*() const { return *searcher_; }

   private:
    SearcherPool& pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  std::unique_ptr<Lease> lease() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return !free_.empty(); });
    std::unique_ptr<Searcher> s = std::move(free_.back());
    free_.pop_back();
    lock.unlock();
    auto out = std::make_unique<Lease>(*this, std::move(s));
    (**out).reopen();  // cheap when nothing was committed
    return out;
  }

 private:
  void give_back(std::unique_ptr<Searcher> s) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      free_.push_back(std::move(s));
    }
    ready_.notify_one();
  }
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<std::unique_ptr<Searcher>> free_;
};

void send_json(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(dump_json(body), "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}});
}

// "%zz", a lone "%" or a "%" at the end: httplib would pass such text through undecoded.
bool malformed_percent_encoding(const std::string& target) {
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] != '%') continue;
    if (i + 2 >= target.size() || !std::isxdigit(static_cast<unsigned char>(target[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(target[i + 2])))
      return true;
    i += 2;
  }
  return false;
}

// The request target for the access log, control characters made visible.
std::string loggable(const std::string& target) {
  std::string out = target.substr(0, 2000);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

// The message of a status without a body of its own (httplib's routing, not ours, decided it).
std::string status_message(int status, const httplib::Request& req) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "no such page: " + loggable(req.path);
    case 405: return "method " + loggable(req.method) + " is not allowed: this server only answers GET";
    case 413: return "request too large";
    case 414: return "URL too long";
    default: return status >= 500 ? "internal error" : "request refused";
  }
}

thread_local std::chrono::steady_clock::time_point request_start;

}  // namespace

int serve(const ServeOptions& o, Reporter& report) {
  SearcherPool pool(o.index, o.threads);
  std::mutex log_mutex;  // the reporter is not thread-safe
  auto log = [&](const std::string& line) {
    std::lock_guard<std::mutex> lock(log_mutex);
    report.note(line);
  };

  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kConnectionThreads); };
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(5);
  server.set_read_timeout(10);
  server.set_write_timeout(10);
  server.set_payload_max_length(64 * 1024);  // GET only: nothing legitimate has a body
  httplib::Headers headers = {{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}};
  if (!o.cors_origin.empty()) {
    headers.emplace("Access-Control-Allow-Origin", o.cors_origin);
    headers.emplace("Vary", "Origin");
  }
  server.set_default_headers(headers);

  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    request_start = std::chrono::steady_clock::now();
    if (malformed_percent_encoding(req.target)) {
      send_error(res, 400, "malformed URL encoding (a % not followed by two hex digits)");
      return httplib::Server::HandlerResponse::Handled;
    }
    // A CORS preflight carries no credentials: it is answered without them.
    if (req.method == "OPTIONS" && !o.cors_origin.empty()) {
      res.status = 204;
      res.set_header("Access-Control-Allow-Methods", "GET");
      res.set_header("Access-Control-Allow-Headers", "Authorization");
      res.set_header("Access-Control-Max-Age", "600");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!o.token.empty() && req.path != "/" &&
        !constant_time_equal(req.get_header_value("Authorization"), "Bearer " + o.token)) {
      res.set_header("WWW-Authenticate", "Bearer");
      send_error(res, 401, "this server needs the header Authorization: Bearer TOKEN (the token of --token)");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Runs an API handler with a search worker; the library's errors become their HTTP status.
  auto api = [&](auto&& answer) {
    return [&, answer](const httplib::Request& req, httplib::Response& res) {
      try {
        const auto lease = pool.lease();
        send_json(res, 200, answer(**lease, req));
      } catch (const HttpError& e) {
        send_error(res, e.status(), e.what());
      } catch (const QueryError& e) {
        send_error(res, 400, e.what());
      } catch (const UsageError& e) {
        send_error(res, 400, e.what());
      } catch (const IndexError& e) {
        send_error(res, 503, e.what());
      }
    };
  };
  server.Get("/api/search", api([&](const Searcher& s, const httplib::Request& req) {
    return search_response(s, search_request(req.params, o.limits));
  }));
  server.Get(R"(/api/related/(.+))", api([&](const Searcher& s, const httplib::Request& req) {
    return search_response(s, search_request(req.params, o.limits, req.matches[1]));
  }));
  server.Get(R"(/api/article/(.+))", api([&](const Searcher& s, const httplib::Request& req) {
    return article_response(s, req.matches[1], req.has_param("q") ? req.get_param_value("q") : "");
  }));
  server.Get("/api/health", api([&](const Searcher& s, const httplib::Request&) { return health_response(s, o.index); }));
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(reinterpret_cast<const char*>(kPageHtml), sizeof kPageHtml, "text/html; charset=utf-8");
    // The page's script and style are inline; it loads nothing else and talks only to this server.
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
                   "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  });

  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.body.empty()) send_error(res, res.status, status_message(res.status, req));
  });
  server.set_exception_handler([&](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    log("internal error: " + what);
    send_error(res, 500, "internal error: " + what);
  });
  if (!o.quiet) {
    server.set_logger([&](const httplib::Request& req, const httplib::Response& res) {
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_start).count();
      char tail[64];
      std::snprintf(tail, sizeof tail, " %d %zu %.1f ms", res.status, res.body.size(), ms);
      log(req.remote_addr + " " + loggable(req.method) + " " + loggable(req.target) + tail);
    });
  }

  // SIGINT and SIGTERM are blocked in every thread (the server's threads inherit this thread's mask) and
  // taken by one thread with sigwait, which stops the server: no work in a signal handler.
  sigset_t stop_signals, previous;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
  const int port = o.port == 0 ? server.bind_to_any_port(o.host) : server.bind_to_port(o.host, o.port) ? o.port : -1;
  if (port <= 0) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    throw UsageError("--serve: cannot listen on " + o.host + ":" + std::to_string(o.port) +
                     " (in use, or not an address of this machine)");
  }
  std::atomic<bool> finished{false};
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    // A signal that comes before the server listens finds stop() doing nothing: repeat it until it took.
    while (!finished) {
      server.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  std::string where = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
  where += ":" + std::to_string(port);
  if (!is_loopback(o.host) && o.token.empty())
    report.warning("listening on " + o.host + ": anyone who can reach this machine can search the index; there is "
                   "no authentication without --token FILE");
  std::string indexes;
  for (const auto& p : o.index) indexes += (indexes.empty() ? "" : ", ") + p;
  log("serving " + indexes + " on http://" + where + "/ (" + std::to_string(o.threads) +
      " search threads; Ctrl-C stops)");
  server.listen_after_bind();
  finished = true;
  // Wake the stopper when the server ended without a signal (it cannot be told otherwise).
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  log("stopped");
  return 0;
}

}  // namespace bahth
