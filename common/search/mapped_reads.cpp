// This file defines open, close and pread for the whole process (mapped_reads.h). With _FORTIFY_SOURCE the
// C library's headers would define open as an inline function of their own.
#undef _FORTIFY_SOURCE

#include "search/mapped_reads.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cstdarg>
#include <cstring>
#include <map>
#include <mutex>
#include <string_view>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static_assert(sizeof(off_t) == 8, "pread's offsets are 64-bit");

namespace bahth {
namespace {

// One mapping of a file, shared by every descriptor open on it (a searcher's scoring threads and the
// handles it opens to look up a dictionary read the same pages through the same page tables).
using FileKey = std::pair<dev_t, ino_t>;
struct Mapping {
  const char* data;
  std::size_t size;
  FileKey file;
  int users;  // descriptors reading through it; under `registry_mutex`
};

// Descriptors past this are never mapped (a process with that many open files reads them with pread).
constexpr int kMaxMapped = 1 << 16;

std::atomic<bool> enabled{false};
std::atomic<Mapping*> mappings[kMaxMapped];  // by descriptor; zero-initialised: nothing mapped
thread_local std::uint64_t from_mapping = 0, from_system = 0;  // per thread: no shared line on the hot path
std::mutex registry_mutex;
std::map<FileKey, Mapping*>* registry;  // the newest mapping of each file; under the mutex

// A block copied from a mapping, 64 bytes at a time through vector registers rather than by memcpy. For
// a block's size glibc 2.36's memcpy uses `rep movsb`, which AMD's Zen 3 and Zen 4 run slowly for some
// alignments of source and destination (here Xapian's 8 KB blocks, read at multiples of 8 KB into 8 KB
// buffers the allocator aligns to a page): on an AMD EPYC (Zen 4) the batch of 3,102 questions took 11.0 s
// with memcpy and 8.6 s with this loop, as with memcpy told not to use `rep movsb`
// (GLIBC_TUNABLES=glibc.cpu.x86_rep_movsb_threshold=0x1000000).
void copy_block(void* to, const char* from, std::size_t n) {
  char* out = static_cast<char*>(to);
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 64 <= n; i += 64) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from + i));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from + i + 16));
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from + i + 32));
    const __m128i d = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from + i + 48));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), a);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i + 16), b);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i + 32), c);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i + 48), d);
  }
#endif
  std::memcpy(out + i, from + i, n - i);  // the rest: under 64 bytes, or every byte without SSE2
}

bool is_table(const char* path) {
  const std::size_t n = std::strlen(path);
  constexpr std::string_view kExtension = ".glass";
  return n > kExtension.size() && std::memcmp(path + n - kExtension.size(), kExtension.data(), kExtension.size()) == 0;
}

// Maps the table just opened as `fd`, or shares the mapping of the same file if it covers the file's
// length; on any failure the table stays unmapped (read with pread).
void map(int fd) {
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) return;
  const std::size_t size = std::size_t(st.st_size);
  std::lock_guard<std::mutex> lock(registry_mutex);
  if (!registry) registry = new std::map<FileKey, Mapping*>;  // never freed: close() may run at exit
  const FileKey file{st.st_dev, st.st_ino};
  Mapping*& newest = (*registry)[file];
  if (!newest || newest->size < size) {  // a file that grew gets a new mapping; the old one stays with its users
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    if (data == MAP_FAILED) return;
    newest = new Mapping{static_cast<const char*>(data), size, file, 0};
  }
  ++newest->users;
  mappings[fd].store(newest, std::memory_order_release);
}

void unmap(int fd) {
  if (fd < 0 || fd >= kMaxMapped || !mappings[fd].load(std::memory_order_relaxed)) return;
  Mapping* m = mappings[fd].exchange(nullptr);
  if (!m) return;
  std::lock_guard<std::mutex> lock(registry_mutex);
  if (--m->users > 0) return;
  ::munmap(const_cast<char*>(m->data), m->size);
  if (auto it = registry->find(m->file); it != registry->end() && it->second == m) registry->erase(it);
  delete m;
}

}  // namespace

void map_index_reads() { enabled.store(true); }

MappedReadCounts mapped_read_counts() { return {from_mapping, from_system}; }

}  // namespace bahth

// The C library's functions, as system calls, with mapped tables read from their mappings.
extern "C" {

int open(const char* path, int flags, ...) {
  mode_t mode = 0;
  if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE) {
    va_list args;
    va_start(args, flags);
    mode = va_arg(args, mode_t);
    va_end(args);
  }
  const int fd = int(::syscall(SYS_openat, AT_FDCWD, path, flags, mode));
  if (fd >= 0 && fd < bahth::kMaxMapped) {
    bahth::unmap(fd);  // a descriptor closed without close(): forget what it was
    if ((flags & O_ACCMODE) == O_RDONLY && bahth::enabled.load(std::memory_order_relaxed) && bahth::is_table(path))
      bahth::map(fd);
  }
  return fd;
}

int close(int fd) {
  bahth::unmap(fd);
  return int(::syscall(SYS_close, fd));
}

ssize_t pread(int fd, void* buf, size_t n, off_t offset) {
  if (fd >= 0 && fd < bahth::kMaxMapped) {
    if (const bahth::Mapping* m = bahth::mappings[fd].load(std::memory_order_acquire)) {
      if (offset >= 0 && std::size_t(offset) <= m->size && n <= m->size - std::size_t(offset)) {
        bahth::copy_block(buf, m->data + offset, n);
        ++bahth::from_mapping;
        return ssize_t(n);
      }
      ++bahth::from_system;
    }
  }
  return ::syscall(SYS_pread64, fd, buf, n, offset);
}

}  // extern "C"
