#include "index/run.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>

#include "base/errors.h"
#include "index/analysis_pool.h"
#include "index/document.h"
#include "index/dry_run.h"
#include "index/schema.h"
#include "index/spelling_groups.h"
#include "index/xapian_errors.h"
#include "index/synonym_table.h"
#include "index/writer.h"
#include "ingest/reader.h"
#include "text/stemmer.h"

namespace bahth {

namespace {

// schema::kSlotAdded's form of `t`: "YYYY-MM-DDTHH:MM:SS.ffffffZ".
std::string added_time(std::chrono::system_clock::time_point t) {
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(us / 1000000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>((us % 1000000 + 1000000) % 1000000));
  return buf;
}

}  // namespace

IndexStats run_index(const std::vector<std::string>& inputs, const IndexRunOptions& opt, std::ostream& out,
                     Reporter& report) {
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
    const auto now = clock::now();
    if (!final && now - last_progress < std::chrono::milliseconds(250)) return;
    last_progress = now;
    const double s = std::chrono::duration<double>(now - t0).count();
    const std::size_t done = stats.added + stats.replaced + stats.unchanged;
    report.progress(std::to_string(done) + " documents, " + std::to_string(stats.skipped) + " skipped, " +
                        std::to_string(static_cast<long>(s > 0 ? static_cast<double>(done) / s : 0)) + "/s",
                    final);
  };

  for (const std::string& id : opt.delete_ids) {
    if (opt.dry_run) continue;
    if (writer->remove(id)) ++stats.deleted;
    else report.warning("no document with id \"" + id + "\" to delete");
  }

  // Every article this run adds gets the same time: a saved search that ran while this run was committing
  // its batches finds the rest later by this time and the ids it already reported (cli/alerts.h).
  const std::string added = added_time(std::chrono::system_clock::now());
  DryRun dry(out, opt.json);
  ReadCallbacks cb;
  cb.problem = [&](const std::string& message) {
    report.problem(message);
    ++stats.skipped;
  };
  // Writing a document: the index is touched by this thread only (Xapian handles are not thread-safe).
  auto write = [&](const Article& a, Xapian::Document doc) {
    // A near copy of an indexed article joins its cluster (dedup.h); done here, where the index is.
    if (std::string key = writer->near_duplicate_key(doc, a.id); !key.empty()) doc.add_value(schema::kSlotDuplicate, key);
    doc.add_value(schema::kSlotAdded, added);
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
    dry.describe(a, doc, mentioned);
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
  if (writer) {
    const std::string stemmer = writer->analyzer().stemmer_name();
    writer.reset();  // its lock released; a new index is in place by now
    if (opt.synonyms) store_synonyms(opt.index, *opt.synonyms);
    // The name spellings (spelling_groups.h) read the whole index: found again when it has grown or shrunk
    // by a tenth (or they are missing), not at every small update.
    std::error_code ec;
    const bool built = std::filesystem::is_directory(opt.index, ec) && !std::filesystem::is_empty(opt.index, ec);
    if (built && with_index_errors(opt.index, [&] { return spellings_outdated(Xapian::Database(opt.index)); })) {
      report.progress("finding the names written two ways", false);
      const std::size_t pairs = update_spellings(opt.index, stemmer, opt.threads);
      report.progress("", true);
      if (pairs > 0) report.note(std::to_string(pairs) + " names with two spellings found; a query searches both");
    }
  }
  stats.seconds = std::chrono::duration<double>(clock::now() - t0).count();
  return stats;
}

}  // namespace bahth
