#include "cli/batch.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

#include "base/errors.h"
#include "cli/reporter.h"

namespace bahth {

int run_query(const Searcher& searcher, ResultWriter& writer, const SearchRequest& request, const std::string& id,
              const std::string& text, const std::string& where, Reporter& report) {
  SearchRequest r = request;
  r.query = text;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    const SearchResult result = searcher.search(r);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    for (const auto& w : result.warnings) report.note(where + w);
    writer.write(id, query_label(r), r, result, ms);
    return result.hits.empty() && result.estimated == 0 ? 1 : 0;
  } catch (const QueryError& e) {
    report.problem(where + e.what());
    writer.write_error(id, query_label(r), e.what());
    return 2;
  }
}

namespace {

// One query of a chunk and what running it printed.
struct Job {
  BatchQuery query;
  std::string out;
  BufferedReporter report;  // its messages, printed after the results of the queries before it
  int code = 1;
};

// Queries per chunk: enough to keep every thread busy, small enough to stream stdin and bound memory.
constexpr std::size_t kChunk = 256;

}  // namespace

int run_batch(std::istream& in, const std::string& name, const BatchOptions& opt, std::ostream& out,
              Reporter& report) {
  const std::size_t threads = std::max<std::size_t>(1, opt.threads);
  std::vector<std::unique_ptr<Searcher>> searchers;
  for (std::size_t t = 0; t < threads; ++t) searchers.push_back(std::make_unique<Searcher>(opt.index));

  bool any_hits = false, any_error = false;
  std::vector<Job> chunk;
  auto run_chunk = [&] {
    std::atomic<std::size_t> next{0};
    auto work = [&](const Searcher& searcher) {
      for (std::size_t i; (i = next++) < chunk.size();) {
        Job& job = chunk[i];
        std::ostringstream o;
        ResultWriter writer(o, opt.output);
        job.code = run_query(searcher, writer, opt.request, job.query.id, job.query.text, job.query.origin + ": ",
                             job.report);
        job.out = o.str();
      }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads && t < chunk.size(); ++t) pool.emplace_back(work, std::cref(*searchers[t]));
    work(*searchers[0]);
    for (auto& th : pool) th.join();
    for (Job& job : chunk) {
      job.report.replay(report);
      out << job.out;
      any_hits |= job.code == 0;
      any_error |= job.code == 2;
    }
    out.flush();
    chunk.clear();
  };
  read_query_lines(
      in, name,
      [&](BatchQuery&& q) {
        if (!out) return;  // the reader went away: stop quietly
        chunk.push_back(Job{std::move(q), {}, {}, 1});
        // One thread streams query by query (interactive pipes see each answer at once).
        if (chunk.size() >= (threads == 1 ? 1 : kChunk)) run_chunk();
      },
      [&](const std::string& problem) {
        if (!chunk.empty()) run_chunk();  // keep messages in input order
        report.problem(problem);
        any_error = true;
      });
  if (!chunk.empty() && out) run_chunk();
  return any_error ? 2 : any_hits ? 0 : 1;
}

}  // namespace bahth
