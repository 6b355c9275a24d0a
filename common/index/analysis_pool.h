// Analysis (normalising, tokenising, stemming, dates: build_document) on worker threads, each with its own
// Analyzer, while the calling thread reads the input and writes the index. Results come back in submission
// order, so the index is the same as a single-threaded build's.
//
// It does not touch the index (Xapian handles are not thread-safe: the caller writes), and it bounds
// nothing by itself: the caller keeps at most kMaxInFlight documents submitted and not yet taken back.
//
// Example:
//   AnalysisPool pool("light", 3);
//   pool.submit(std::move(article), hash);
//   while (pool.in_flight() > 0) { AnalysisPool::Done d = pool.next(); ... }
#pragma once

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "ingest/article.h"

namespace bahth {

class AnalysisPool {
 public:
  /// Documents submitted but not yet taken back, at most (bounds memory).
  static constexpr std::size_t kMaxInFlight = 512;

  struct Done {
    Article article;
    Xapian::Document doc;
    std::string error;  ///< the message of the exception build_document threw: the article is skipped
  };

  /// Starts `workers` threads analysing with stemmer `stemmer`.
  AnalysisPool(const std::string& stemmer, std::size_t workers);
  /// Stops the workers; documents not taken back are dropped.
  ~AnalysisPool();
  AnalysisPool(const AnalysisPool&) = delete;
  AnalysisPool& operator=(const AnalysisPool&) = delete;

  std::size_t in_flight() const { return submitted_ - taken_; }

  /// Queues `a` for build_document with content hash `hash`.
  void submit(Article&& a, std::string hash);

  /// The next document in submission order, waiting for it if needed. Only when in_flight() > 0.
  Done next();

 private:
  struct Task {
    std::size_t seq;
    Article article;
    std::string hash;
  };

  void work(const std::string& stemmer);

  std::mutex mu_;
  std::condition_variable todo_cv_, done_cv_;
  std::deque<Task> todo_;
  std::map<std::size_t, Done> done_;
  std::vector<std::thread> threads_;
  std::size_t submitted_ = 0, taken_ = 0;  // used by the submitting thread only
  bool stop_ = false;
};

}  // namespace bahth
