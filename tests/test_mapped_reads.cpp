// Index tables read through mappings (search/mapped_reads.h): a mapped table reads as pread reads it, byte
// for byte at any offset, length and buffer alignment, while another descriptor writes or grows it and after
// it is replaced by a new file; a descriptor closed and given to a pipe or another file reads as that does; and a reader of a real Xapian database that a writer keeps changing sees, after each reopen, exactly
// what the writer sees through its own (unmapped) descriptors.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/mapped_reads.h"

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path dir;
  explicit TempDir(const std::string& name) : dir(fs::temp_directory_path() / (name + std::to_string(::getpid()))) {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~TempDir() { fs::remove_all(dir); }
};

constexpr std::size_t kBlock = 8192;

std::string block_of(char c) { return std::string(kBlock, c); }

void write_at(int fd, const std::string& bytes, off_t offset) {
  REQUIRE(::pwrite(fd, bytes.data(), bytes.size(), offset) == ssize_t(bytes.size()));
}

std::string read_at(int fd, std::size_t n, off_t offset) {
  std::string out(n, '\0');
  const ssize_t got = ::pread(fd, out.data(), n, offset);
  REQUIRE(got >= 0);
  out.resize(std::size_t(got));
  return out;
}

}  // namespace

TEST_CASE("mapped_reads: a table opened read-only reads as pread reads it, whatever another descriptor does") {
  TempDir tmp("bahth-mapped-");
  const std::string table = (tmp.dir / "postlist.glass").string();
  const int writer = ::open(table.c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(writer >= 0);
  write_at(writer, block_of('a') + block_of('b') + block_of('c'), 0);

  bahth::map_index_reads();
  const int reader = ::open(table.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(reader >= 0);
  const bahth::MappedReadCounts before = bahth::mapped_read_counts();
  CHECK(read_at(reader, kBlock, kBlock) == block_of('b'));
  CHECK(read_at(reader, 10, 3 * kBlock - 5) == "ccccc");  // a short read at the end, as pread gives
  CHECK(bahth::mapped_read_counts().from_mapping == before.from_mapping + 1);

  write_at(writer, block_of('B'), kBlock);  // a block rewritten in place is read anew
  CHECK(read_at(reader, kBlock, kBlock) == block_of('B'));
  write_at(writer, block_of('d'), 3 * kBlock);  // the file grew past its mapping
  CHECK(read_at(reader, kBlock, 3 * kBlock) == block_of('d'));
  CHECK(read_at(reader, kBlock, 5 * kBlock).empty());
  CHECK(bahth::mapped_read_counts().from_system >= before.from_system + 2);
  const int second = ::open(table.c_str(), O_RDONLY);  // opened since: mapped with the new length
  REQUIRE(second >= 0);
  const bahth::MappedReadCounts grown = bahth::mapped_read_counts();
  CHECK(read_at(second, kBlock, 3 * kBlock) == block_of('d'));
  CHECK(read_at(second, kBlock, kBlock) == block_of('B'));
  CHECK(bahth::mapped_read_counts().from_mapping == grown.from_mapping + 2);
  CHECK(::close(second) == 0);

  // A new file renamed over the table (an index rebuilt in its place): a descriptor opened since reads the new
  // file, one opened before still reads the old one, as with pread.
  const std::string fresh = table + ".new";
  const int f = ::open(fresh.c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(f >= 0);
  write_at(f, block_of('n') + block_of('n') + block_of('n') + block_of('n'), 0);
  CHECK(::close(f) == 0);
  fs::rename(fresh, table);
  const int renamed = ::open(table.c_str(), O_RDONLY);
  REQUIRE(renamed >= 0);
  CHECK(read_at(renamed, kBlock, kBlock) == block_of('n'));
  CHECK(read_at(reader, kBlock, kBlock) == block_of('B'));
  CHECK(::close(renamed) == 0);

  // The same descriptor number, closed and given to a pipe or to another file, reads as that does.
  REQUIRE(::close(reader) == 0);
  int pipe_ends[2];
  REQUIRE(::pipe(pipe_ends) == 0);
  CHECK(pipe_ends[0] == reader);  // the lowest free number
  char byte;
  errno = 0;
  CHECK(::pread(pipe_ends[0], &byte, 1, 0) == -1);
  CHECK(errno == ESPIPE);
  CHECK(::close(pipe_ends[0]) == 0);
  CHECK(::close(pipe_ends[1]) == 0);
  const std::string other = (tmp.dir / "other.txt").string();
  const int o = ::open(other.c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(o >= 0);
  write_at(o, "other file", 0);
  CHECK(read_at(o, 5, 0) == "other");
  CHECK(::close(o) == 0);
  CHECK(::close(writer) == 0);

  // A table opened for writing is not mapped.
  const bahth::MappedReadCounts mid = bahth::mapped_read_counts();
  const int rw = ::open(table.c_str(), O_RDWR);
  REQUIRE(rw >= 0);
  CHECK(read_at(rw, kBlock, 0) == block_of('n'));
  CHECK(bahth::mapped_read_counts().from_mapping == mid.from_mapping);
  CHECK(::close(rw) == 0);
  CHECK(::close(-1) == -1);
}

TEST_CASE("mapped_reads: every byte read through a mapping is the file's, at any offset, length and buffer alignment") {
  // The copy out of the mapping moves 64 bytes a step and the rest (under 64) by memcpy: lengths around
  // those steps, whole blocks, buffers at several alignments; nothing outside the read may change.
  TempDir tmp("bahth-mapped-bytes-");
  const std::string table = (tmp.dir / "termlist.glass").string();
  std::mt19937 random(7);
  std::string bytes(5 * kBlock + 100, '\0');
  for (char& c : bytes) c = static_cast<char>(random());
  const int writer = ::open(table.c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(writer >= 0);
  write_at(writer, bytes, 0);
  CHECK(::close(writer) == 0);

  bahth::map_index_reads();
  const int reader = ::open(table.c_str(), O_RDONLY);
  REQUIRE(reader >= 0);
  const bahth::MappedReadCounts before = bahth::mapped_read_counts();
  std::size_t reads = 0;
  std::vector<char> buffer(2 * kBlock + 128);
  for (std::size_t n : {std::size_t(1), std::size_t(15), std::size_t(63), std::size_t(64), std::size_t(65),
                        std::size_t(127), std::size_t(200), kBlock - 1, kBlock, kBlock + 1, 2 * kBlock}) {
    for (std::size_t offset : {std::size_t(0), std::size_t(1), std::size_t(17), kBlock, 2 * kBlock + 3}) {
      for (std::size_t align : {0, 1, 8, 33}) {
        std::fill(buffer.begin(), buffer.end(), '\x5a');
        REQUIRE(::pread(reader, buffer.data() + align, n, off_t(offset)) == ssize_t(n));
        ++reads;
        CHECK_MESSAGE(std::string(buffer.data() + align, n) == bytes.substr(offset, n),
                      "length " << n << " at " << offset << ", buffer + " << align);
        const auto untouched = [](char c) { return c == '\x5a'; };
        CHECK_MESSAGE((std::all_of(buffer.data(), buffer.data() + align, untouched) &&
                       std::all_of(buffer.data() + align + n, buffer.data() + buffer.size(), untouched)),
                      "nothing written outside length " << n << " at " << offset << ", buffer + " << align);
      }
    }
  }
  CHECK(bahth::mapped_read_counts().from_mapping == before.from_mapping + reads);
  CHECK(::close(reader) == 0);
}

TEST_CASE("mapped_reads: a reader of a database a writer keeps changing sees what the writer sees") {
  TempDir tmp("bahth-mapped-db-");
  const std::string path = (tmp.dir / "db").string();
  Xapian::WritableDatabase writer(path, Xapian::DB_CREATE);
  writer.commit();
  bahth::map_index_reads();
  Xapian::Database reader(path);
  const bahth::MappedReadCounts before = bahth::mapped_read_counts();

  // Twenty rounds of additions, replacements and deletions (the tables grow, blocks are freed and reused);
  // after each, the reader reopens and every term's postings and every document's data match the writer's.
  std::mt19937 random(11);
  const auto word = [&] { return "w" + std::to_string(random() % 300); };
  for (int round = 0; round < 20; ++round) {
    for (int n = 0; n < 150; ++n) {
      Xapian::Document doc;
      for (int k = 0; k < 40; ++k) doc.add_term(word());
      doc.set_data(std::string(100 + random() % 400, char('a' + round)));
      const Xapian::docid last = writer.get_lastdocid();
      if (last > 0 && random() % 4 == 0) writer.replace_document(1 + random() % last, doc);
      else writer.add_document(doc);
      if (last > 0 && random() % 5 == 0) {
        try {
          writer.delete_document(Xapian::docid(1 + random() % last));
        } catch (const Xapian::DocNotFoundError&) {  // deleted before
        }
      }
    }
    writer.commit();
    reader.reopen();
    REQUIRE(reader.get_doccount() == writer.get_doccount());
    for (int w = 0; w < 300; ++w) {
      const std::string term = "w" + std::to_string(w);
      std::vector<Xapian::docid> mine(reader.postlist_begin(term), reader.postlist_end(term));
      std::vector<Xapian::docid> theirs(writer.postlist_begin(term), writer.postlist_end(term));
      REQUIRE(mine == theirs);
    }
    for (Xapian::PostingIterator d = writer.postlist_begin(""); d != writer.postlist_end(""); ++d)
      REQUIRE(reader.get_document(*d).get_data() == writer.get_document(*d).get_data());
  }
  CHECK(bahth::mapped_read_counts().from_mapping > before.from_mapping + 1000);
}
