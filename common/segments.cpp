#include "segments.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "errors.h"
#include "indexer.h"

namespace bahth {

namespace fs = std::filesystem;

namespace {

/// Documents queued per writer, at most (bounds memory while a writer is busy flushing).
constexpr std::size_t kQueueDepth = 256;
/// Documents a writer buffers before flushing them to its segment. Xapian's in-memory inverter slows down
/// as it grows (a sorted map of every term), so small flushes into small segments are fastest: on the 77k
/// benchmark corpus 500 built in 70 s, 2,000 in 76 s; the in-place default (10,000) also costs memory.
constexpr std::size_t kFlushEvery = 500;

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
                               const std::vector<std::pair<std::string, std::string>>& metadata)
    : target_(target), dir_(building_dir(target, static_cast<long>(::getpid()))), shards_(std::max<std::size_t>(1, shards)),
      writers_(std::max<std::size_t>(1, writers)) {
  std::error_code ec;
  fs::create_directories(target_.parent_path(), ec);
  remove_stale(target_);
  fs::remove_all(dir_, ec);
  fs::create_directories(dir_, ec);
  if (ec) throw IndexError("cannot create " + dir_.string() + " to build index " + target_.string() + ": " + ec.message());
  try {
    for (std::size_t w = 0; w < writers_.size(); ++w) {
      for (std::size_t s = 0; s < shards_; ++s) {
        const std::string path = (dir_ / ("segment" + std::to_string(s) + "-" + std::to_string(w))).string();
        writers_[w].paths.push_back(path);
        with_index_errors(target_.string(), [&] {
          writers_[w].dbs.emplace_back(path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
          for (const auto& [key, value] : metadata) writers_[w].dbs.back().set_metadata(key, value);
        }, kNotCreated);
      }
    }
  } catch (...) {
    writers_.clear();
    fs::remove_all(dir_, ec);
    throw;
  }
  for (Writer& w : writers_) w.thread = std::thread([this, &w] { run(w); });
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
  item.shard = id_hash % shards_;
  Writer& w = writers_[(id_hash / shards_) % writers_.size()];
  {
    std::unique_lock<std::mutex> lock(mu_);
    taken_.wait(lock, [&] { return w.queue.size() < kQueueDepth || error_; });
    if (error_) std::rethrow_exception(error_);
    w.queue.push_back(std::move(item));
  }
  queued_.notify_all();
}

void SegmentBuilder::replace(std::uint64_t id_hash, std::string idterm, Xapian::Document doc) {
  push(id_hash, Item{0, std::move(idterm), std::move(doc), Item::Kind::replace});
}

void SegmentBuilder::remove(std::uint64_t id_hash, std::string idterm) {
  push(id_hash, Item{0, std::move(idterm), {}, Item::Kind::remove});
}

void SegmentBuilder::run(Writer& w) {
  try {
    with_index_errors(target_.string(), [&] {
      std::size_t pending = 0;
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
        Xapian::WritableDatabase& db = w.dbs[item.shard];
        if (item.kind == Item::Kind::replace) db.replace_document(item.idterm, item.doc);
        else db.delete_document(item.idterm);
        if (++pending >= kFlushEvery) {  // the segments are private: no fsync (DB_NO_SYNC), no transaction
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
  std::string stub;
  with_index_errors(target_.string(), [&] {
    std::error_code ec;
    if (shards_ > 1) fs::create_directories(out, ec);
    for (std::size_t s = 0; s < shards_; ++s) {
      Xapian::Database segments;
      for (const Writer& w : writers_) segments.add_database(Xapian::Database(w.paths[s]));
      const std::string name = "shard" + std::to_string(s);
      segments.compact(shards_ > 1 ? (out / name).string() : out.string());
      stub += "auto " + name + "\n";
    }
  }, kNotCreated);
  if (shards_ > 1) {
    std::ofstream file(out / kStubFile);
    file << stub;
    file.close();
    if (!file) throw IndexError("cannot write " + (out / kStubFile).string() + " to build index " + target_.string());
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
