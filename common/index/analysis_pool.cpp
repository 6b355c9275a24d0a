#include "index/analysis_pool.h"

#include "index/document.h"
#include "text/analyzer.h"

namespace bahth {

AnalysisPool::AnalysisPool(const std::string& stemmer, std::size_t workers) {
  for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this, stemmer] { work(stemmer); });
}

AnalysisPool::~AnalysisPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  todo_cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void AnalysisPool::submit(Article&& a, std::string hash) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    todo_.push_back(Task{submitted_++, std::move(a), std::move(hash)});
  }
  todo_cv_.notify_one();
}

AnalysisPool::Done AnalysisPool::next() {
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait(lock, [&] { return done_.count(taken_) > 0; });
  auto it = done_.find(taken_);
  Done d = std::move(it->second);
  done_.erase(it);
  ++taken_;
  return d;
}

void AnalysisPool::work(const std::string& stemmer) {
  const Analyzer analyzer(stemmer);
  for (;;) {
    Task t;
    {
      std::unique_lock<std::mutex> lock(mu_);
      todo_cv_.wait(lock, [&] { return stop_ || !todo_.empty(); });
      if (stop_) return;  // the run failed, or every document was taken back
      t = std::move(todo_.front());
      todo_.pop_front();
    }
    Done d;
    try {
      d.doc = build_document(t.article, analyzer, t.hash);
    } catch (const std::exception& e) {
      d.error = e.what();
    }
    d.article = std::move(t.article);
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_.emplace(t.seq, std::move(d));
    }
    done_cv_.notify_all();
  }
}

}  // namespace bahth
