#include "index/segments.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <unordered_map>

#include "index/document.h"
#include "index/xapian_errors.h"
#include "index/shards.h"
#include "base/hash.h"
#include "text/utf8.h"

namespace bahth {

namespace fs = std::filesystem;

namespace {

/// Documents queued per writer, at most (bounds memory while a writer is busy flushing).
constexpr std::size_t kQueueDepth = 256;
/// Documents a writer buffers before flushing them to its segment. Xapian's in-memory inverter slows down
/// as it grows (a sorted map of every term), so small flushes into small segments are fastest: on the 77k
/// benchmark corpus 500 built in 70 s, 2,000 in 76 s; the in-place default (10,000) also costs memory.
/// Again on 2026-12-07 (3 interleaved rounds of full 77k builds, wall s): 125: 46.8 / 45.5 / 47.5,
/// 250: 44.4 / 44.5 / 44.5, 500: 46.6 / 46.3 / 45.5 (and in 3 earlier rounds 250 beat 500 and 1,000 each
/// time); below 250 the commits' writes (system time 10.8 s against 8.0) outweigh the smaller map.
constexpr std::size_t kFlushEvery = 250;

// Removes the building directories of `target` whose process is gone (a run killed before it finished).
void remove_stale(const fs::path& target) {
  const std::string prefix = target.filename().string() + ".building.";
  std::error_code ec;
  for (fs::directory_iterator it(target.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string pid = name.substr(prefix.size());
    if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    if (::kill(static_cast<pid_t>(std::stol(pid)), 0) == -1 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
}

// Makes a rename in `dir` durable.
void sync_dir(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

fs::path SegmentBuilder::building_dir(const fs::path& target, long pid) {
  return target.parent_path() / (target.filename().string() + ".building." + std::to_string(pid));
}

SegmentBuilder::SegmentBuilder(const fs::path& target, std::size_t shards, std::size_t writers,
                               const std::vector<std::pair<std::string, std::string>>& metadata,
                               std::size_t segment_docs)
    : target_(target), dir_(building_dir(target, static_cast<long>(::getpid()))),
      segment_docs_(std::max<std::size_t>(1, segment_docs)), shards_(std::max<std::size_t>(1, shards)),
      writers_(std::max<std::size_t>(1, writers)) {
  std::error_code ec;
  fs::create_directories(target_.parent_path(), ec);
  remove_stale(target_);
  fs::remove_all(dir_, ec);
  fs::create_directories(dir_, ec);
  if (ec) throw IndexError("cannot create " + dir_.string() + " to build index " + target_.string() + ": " + ec.message());
  try {
    for (std::size_t w = 0; w < writers_.size(); ++w) {
      writers_[w].id = w;
      writers_[w].metadata = metadata;
      writers_[w].paths.resize(shards_);
      open_generation(writers_[w]);
    }
  } catch (...) {
    writers_.clear();
    fs::remove_all(dir_, ec);
    throw;
  }
  for (Writer& w : writers_) w.thread = std::thread([this, &w] { run(w); });
}

// Commits and closes the writer's open segments, if any, and creates the next generation: segment
// <shard>-<writer>-<generation> for every shard.
void SegmentBuilder::open_generation(Writer& w) {
  with_index_errors(target_.string(), [&] {
    for (auto& db : w.dbs) {
      db.commit();
      db.close();
    }
    w.dbs.clear();
    for (std::size_t s = 0; s < shards_; ++s) {
      const std::string path = (dir_ / ("segment" + std::to_string(s) + "-" + std::to_string(w.id) + "-" +
                                        std::to_string(w.paths[s].size()))).string();
      w.paths[s].push_back(path);
      w.dbs.emplace_back(path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
      for (const auto& [key, value] : w.metadata) w.dbs.back().set_metadata(key, value);
    }
  }, kNotCreated);
}

SegmentBuilder::~SegmentBuilder() {
  stop(true);
  writers_.clear();  // a writer that failed left its segments open: close them before removing the files
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void SegmentBuilder::stop(bool abort) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopped_) return;
    stopped_ = true;
    abort_ = abort;
    for (Writer& w : writers_) {
      if (abort) w.queue.clear();
      w.queue.push_back(Item{0, {}, {}, Item::Kind::stop});
    }
  }
  queued_.notify_all();
  for (Writer& w : writers_) {
    if (w.thread.joinable()) w.thread.join();
  }
}

void SegmentBuilder::push(std::uint64_t id_hash, Item item) {
  item.shard = shard_of(id_hash, shards_);
  Writer& w = writers_[(id_hash / shards_) % writers_.size()];
  {
    std::unique_lock<std::mutex> lock(mu_);
    taken_.wait(lock, [&] { return w.queue.size() < kQueueDepth || error_; });
    if (error_) std::rethrow_exception(error_);
    w.queue.push_back(std::move(item));
  }
  queued_.notify_all();
}

void SegmentBuilder::replace(std::uint64_t id_hash, std::string idterm, Xapian::Document doc,
                             std::shared_ptr<const DataCompressor> zstd) {
  push(id_hash, Item{0, std::move(idterm), std::move(doc), Item::Kind::replace, std::move(zstd)});
}

void SegmentBuilder::set_metadata(const std::string& key, const std::string& value) {
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (error_) std::rethrow_exception(error_);
    for (Writer& w : writers_) w.queue.push_back(Item{0, key, {}, Item::Kind::metadata, nullptr, value});
  }
  queued_.notify_all();
}

void SegmentBuilder::remove(std::uint64_t id_hash, std::string idterm) {
  push(id_hash, Item{0, std::move(idterm), {}, Item::Kind::remove});
}

void SegmentBuilder::run(Writer& w) {
  try {
    with_index_errors(target_.string(), [&] {
      // Which generation holds each id this writer has written (by a hash of the id term, as IndexWriter
      // keys them), and the ids to delete from closed generations before the merge: [generation][shard].
      std::unordered_map<std::uint64_t, std::size_t> generation_of;
      std::vector<std::vector<std::vector<std::string>>> stale(1, std::vector<std::vector<std::string>>(shards_));
      std::size_t pending = 0, in_generation = 0;
      for (;;) {
        Item item;
        {
          std::unique_lock<std::mutex> lock(mu_);
          queued_.wait(lock, [&] { return !w.queue.empty(); });
          item = std::move(w.queue.front());
          w.queue.pop_front();
        }
        taken_.notify_all();
        if (item.kind == Item::Kind::stop) break;
        if (item.kind == Item::Kind::metadata) {
          for (auto& d : w.dbs) d.set_metadata(item.idterm, item.value);
          w.metadata.emplace_back(std::move(item.idterm), std::move(item.value));
          continue;
        }
        const std::size_t current = stale.size() - 1;
        const std::uint64_t key = fnv1a64(item.idterm);
        auto held = generation_of.find(key);
        if (held != generation_of.end() && held->second != current) {
          stale[held->second][item.shard].push_back(item.idterm);
          generation_of.erase(held);
          held = generation_of.end();
        }
        Xapian::WritableDatabase& db = w.dbs[item.shard];
        if (item.kind == Item::Kind::replace) {
          if (item.zstd) set_stored_form(item.doc, item.zstd->compress(stored_form(item.doc)));
          // An id this generation holds already replaces its document; any other is new to the segment,
          // and add_document spares Xapian the search for its id term.
          if (held != generation_of.end()) db.replace_document(item.idterm, item.doc);
          else db.add_document(item.doc);
          generation_of[key] = current;
          ++in_generation;
        } else if (held != generation_of.end()) {
          db.delete_document(item.idterm);
          generation_of.erase(held);
        }
        if (in_generation >= segment_docs_) {  // open_generation() commits the segments it closes
          open_generation(w);
          stale.emplace_back(shards_);
          pending = in_generation = 0;
        } else if (++pending >= kFlushEvery) {  // the segments are private: no fsync (DB_NO_SYNC), no transaction
          for (auto& d : w.dbs) d.commit();
          pending = 0;
        }
      }
      bool abort;
      {
        std::lock_guard<std::mutex> lock(mu_);
        abort = abort_;
      }
      if (!abort) {
        for (auto& d : w.dbs) d.commit();
      }
      for (auto& d : w.dbs) d.close();
      if (abort) return;
      // Repeated ids: their older versions leave the closed generations before the merge.
      for (std::size_t g = 0; g + 1 < stale.size(); ++g) {
        for (std::size_t s = 0; s < shards_; ++s) {
          if (stale[g][s].empty()) continue;
          Xapian::WritableDatabase old(w.paths[s][g], Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
          for (const std::string& idterm : stale[g][s]) old.delete_document(idterm);
          old.commit();
        }
      }
    }, kNotCreated);
  } catch (...) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!error_) error_ = std::current_exception();
    }
    taken_.notify_all();
  }
}

void SegmentBuilder::finish() {
  if (finished_) return;
  stop(false);
  if (error_) std::rethrow_exception(error_);
  const fs::path out = dir_ / "index";
  with_index_errors(target_.string(), [&] {
    std::error_code ec;
    if (shards_ > 1) fs::create_directories(out, ec);
    for (std::size_t s = 0; s < shards_; ++s) {
      Xapian::Database segments;
      for (const Writer& w : writers_) {
        for (const std::string& path : w.paths[s]) segments.add_database(Xapian::Database(path));
      }
      // FULL: blocks filled, items split where that saves space (still fit for updates, unlike FULLER):
      // 0.9% smaller than the default on the 77k benchmark, queries as fast.
      segments.compact(shards_ > 1 ? (out / shard_name(s)).string() : out.string(), Xapian::Compactor::FULL);
    }
  }, kNotCreated);
  if (shards_ > 1) {
    try {
      write_stub(out, shards_);
    } catch (const IndexError&) {
      throw IndexError("cannot write " + (out / kStubFile).string() + " to build index " + target_.string());
    }
  }
  std::error_code ec;
  fs::rename(out, target_, ec);
  if (ec) {
    throw IndexError("index " + target_.string() + " was created by another process while this run was building it (" +
                     ec.message() + "); nothing was added: run again to add the documents to it");
  }
  sync_dir(target_.parent_path());
  finished_ = true;
}

}  // namespace bahth
