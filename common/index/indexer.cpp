#include "index/indexer.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "base/errors.h"
#include "base/hash.h"
#include "index/dedup.h"
#include "index/schema.h"
#include "text/stemmer.h"
#include "text/utf8.h"

namespace bahth {

nlohmann::ordered_json describe_document(const Article& a, const Xapian::Document& doc) {
  nlohmann::ordered_json j;
  j["id"] = a.id;
  j["title"] = a.title;
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s); };
  j["source"] = or_null(a.source);
  j["url"] = or_null(a.url);
  j["category"] = or_null(a.category);
  j["date"] = {{"value", a.date ? nlohmann::ordered_json(to_iso(*a.date)) : nlohmann::ordered_json()},
               {"source", std::string(to_string(a.date_source))}};
  j["origin"] = a.origin;
  j["encoding"] = a.encoding;
  j["text_chars"] = count_code_points(a.text);
  j["terms"] = doc.termlist_count();
  return j;
}

}  // namespace bahth

#include <chrono>
#include <condition_variable>
#include <deque>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "ingest/reader.h"

namespace bahth {

namespace {

// Analysis (normalising, tokenising, stemming, dates) on worker threads, each with its own Analyzer,
// while the calling thread reads the input and writes the index. Results come back in submission order,
// so the index is the same as a single-threaded build's.
class AnalysisPool {
 public:
  /// Documents submitted but not yet taken back, at most (bounds memory).
  static constexpr std::size_t kMaxInFlight = 512;

  struct Done {
    Article article;
    Xapian::Document doc;
    std::string error;  // an InputError's message: the article is skipped
  };

  AnalysisPool(const std::string& stemmer, std::size_t workers) {
    for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this, stemmer] { work(stemmer); });
  }
  ~AnalysisPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    todo_cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  AnalysisPool(const AnalysisPool&) = delete;
  AnalysisPool& operator=(const AnalysisPool&) = delete;

  std::size_t in_flight() const { return submitted_ - taken_; }

  void submit(Article&& a, std::string hash) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      todo_.push_back(Task{submitted_++, std::move(a), std::move(hash)});
    }
    todo_cv_.notify_one();
  }

  /// The next document in submission order, waiting for it if needed.
  Done next() {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [&] { return done_.count(taken_) > 0; });
    auto it = done_.find(taken_);
    Done d = std::move(it->second);
    done_.erase(it);
    ++taken_;
    return d;
  }

 private:
  struct Task {
    std::size_t seq;
    Article article;
    std::string hash;
  };

  void work(const std::string& stemmer) {
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

  std::mutex mu_;
  std::condition_variable todo_cv_, done_cv_;
  std::deque<Task> todo_;
  std::map<std::size_t, Done> done_;
  std::vector<std::thread> threads_;
  std::size_t submitted_ = 0, taken_ = 0;  // used by the submitting thread only
  bool stop_ = false;
};

}  // namespace

namespace {

// A dry run has no index to look duplicates up in: it remembers the documents it has described.
class DryRunClusters {
 public:
  // The id of the first described document that `doc` duplicates exactly, else of its nearest near copy.
  nlohmann::ordered_json duplicate_of(const Xapian::Document& doc, const std::string& id) {
    auto [first, fresh] = exact_.emplace(doc.get_value(schema::kSlotDuplicate), id);
    if (!fresh) return first->second;
    const std::string minhash = doc.get_value(schema::kSlotMinHash);
    const std::vector<std::string> bands = terms_with_prefix(doc, schema::kBand);
    const std::size_t n = near_.nearest(minhash, bands, fnv1a64(id));
    near_.add(minhash, bands, fnv1a64(id));
    ids_.push_back(id);
    return n == NearDuplicateMemory::npos ? nlohmann::ordered_json() : nlohmann::ordered_json(ids_[n]);
  }

 private:
  std::unordered_map<std::string, std::string> exact_;
  NearDuplicateMemory near_;
  std::vector<std::string> ids_;  // by near_ entry
};

}  // namespace

IndexStats run_index(const std::vector<std::string>& inputs, const IndexRunOptions& opt, std::ostream& out,
                     std::ostream& err) {
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  IndexStats stats;
  std::unique_ptr<IndexWriter> writer;
  std::unique_ptr<Analyzer> dry_analyzer;
  if (opt.dry_run) {
    dry_analyzer = std::make_unique<Analyzer>(opt.stemmer.empty() ? default_stemmer_name() : opt.stemmer);
  } else {
    WriterOptions w;
    w.shards = opt.shards;
    w.batch = opt.batch;
    w.writers = opt.threads;
    w.segment_docs = opt.segment_docs;
    w.in_place = opt.in_place;
    writer = open_writer(opt.index, opt.stemmer, w);
  }
  const Analyzer& analyzer = writer ? writer->analyzer() : *dry_analyzer;

  auto last_progress = t0;
  auto progress = [&](bool final) {
    if (!opt.progress) return;
    const auto now = clock::now();
    if (!final && now - last_progress < std::chrono::milliseconds(250)) return;
    last_progress = now;
    const double s = std::chrono::duration<double>(now - t0).count();
    const std::size_t done = stats.added + stats.replaced + stats.unchanged;
    err << "\rbahth-index: " << done << " documents, " << stats.skipped << " skipped, "
        << static_cast<long>(s > 0 ? static_cast<double>(done) / s : 0) << "/s   " << (final ? "\r\x1b[K" : "")
        << std::flush;
  };
  auto clear_progress = [&] {
    if (opt.progress) err << "\r\x1b[K";
  };

  for (const std::string& id : opt.delete_ids) {
    if (opt.dry_run) continue;
    if (writer->remove(id)) ++stats.deleted;
    else err << "bahth-index: warning: no document with id \"" << id << "\" to delete\n";
  }

  DryRunClusters dry_clusters;
  ReadCallbacks cb;
  cb.problem = [&](const std::string& message) {
    clear_progress();
    err << "bahth-index: " << message << '\n';
    ++stats.skipped;
  };
  // Writing a document: the index is touched by this thread only (Xapian handles are not thread-safe).
  auto write = [&](const Article& a, Xapian::Document doc) {
    // A near copy of an indexed article joins its cluster (dedup.h); done here, where the index is.
    if (std::string key = writer->near_duplicate_key(doc, a.id); !key.empty()) doc.add_value(schema::kSlotDuplicate, key);
    if (writer->add(a, std::move(doc))) ++stats.replaced;
    else ++stats.added;
    progress(false);
  };
  std::unique_ptr<AnalysisPool> pool;
  if (!opt.dry_run && opt.threads > 1) pool = std::make_unique<AnalysisPool>(analyzer.stemmer_name(), opt.threads - 1);
  auto drain = [&](std::size_t keep) {  // write finished documents, in input order, until `keep` remain
    while (pool && pool->in_flight() > keep) {
      AnalysisPool::Done d = pool->next();
      if (!d.error.empty()) cb.problem(d.error);
      else write(d.article, std::move(d.doc));
    }
  };
  cb.article = [&](Article&& a) {
    const std::string hash = content_hash(a, analyzer);
    if (writer && writer->unchanged(a.id, hash)) {
      ++stats.unchanged;
      progress(false);
      return;
    }
    if (pool) {  // analysis on the pool's threads; this thread reads input and writes the index
      pool->submit(std::move(a), hash);
      drain(AnalysisPool::kMaxInFlight);
      return;
    }
    Xapian::Document doc;
    std::vector<DateMention> mentioned;  // a dry run prints them
    try {
      doc = build_document(a, analyzer, hash, opt.dry_run ? &mentioned : nullptr);
    } catch (const InputError& e) {
      cb.problem(e.what());
      return;
    }
    if (!opt.dry_run) {
      write(a, std::move(doc));
      return;
    }
    if (opt.json) {
      nlohmann::ordered_json j = describe_document(a, doc);
      j["duplicate_of"] = dry_clusters.duplicate_of(doc, a.id);
      nlohmann::ordered_json mentions = nlohmann::ordered_json::array();
      for (const DateMention& m : mentioned) {
        mentions.push_back({{"text", m.text},
                            {"start", m.start},
                            {"end", m.end},
                            {"value", m.value},
                            {"precision", std::string(to_string(m.precision))},
                            {"calendar", m.calendar}});
      }
      j["mentioned_dates"] = std::move(mentions);
      out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else {
      out << a.id << '\t' << (a.date ? to_iso(*a.date) : "-") << '\t' << to_string(a.date_source) << '\t'
          << doc.termlist_count() << " terms\t" << a.title << '\n';
    }
    ++stats.added;
    progress(false);
  };
  read_inputs(inputs, cb);
  drain(0);
  if (writer && opt.prune) {
    for (const std::string& in : inputs) {
      if (in == "-") continue;
      std::error_code ec;
      stats.deleted += writer->prune(std::filesystem::absolute(in, ec).lexically_normal().string());
    }
  }
  if (writer) writer->finish();
  progress(true);
  stats.seconds = std::chrono::duration<double>(clock::now() - t0).count();
  return stats;
}

}  // namespace bahth
