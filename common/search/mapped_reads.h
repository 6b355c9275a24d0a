// The index's tables read through memory mappings instead of a system call per block (issue #12).
//
// Xapian 1.4's glass backend reads a table a block (8 KB) at a time with pread(2) and keeps no cache between
// its cursors: each posting list, value lookup and vocabulary lookup walks the B-tree down from the root,
// reading again every block below it that its own cursor does not hold. The benchmark's first 100 questions
// (top 100, one process) made 119,873 preads of the postlist table for 3,235 distinct blocks: each block read
// 37 times. The blocks are in the page cache, so what they cost is the system call and the copy: a third of
// a query's CPU on this machine.
//
// map_index_reads() has this process read the Xapian tables it opens read-only (files named *.glass) through
// a shared read-only mapping of each file: Xapian's pread of a table becomes a copy from the mapping. To
// reach Xapian's reads, this module defines the C library's open, close and pread for the whole process
// (the program's own definitions come before the C library's for every shared library, as an allocator's
// malloc does); until map_index_reads() is called, and for every other file, they are the system calls.
// Descriptors open on the same file share one mapping (a searcher's scoring threads, the handles it opens
// to look up a dictionary).
//
// The results are those of pread: the mapping shows the file's page cache, so a writer's blocks are seen the
// moment they are written, as pread sees them (Xapian's checks of a block's revision work as before); a read
// past the end of the file as it was mapped (it grew since) is a real pread; a table's mapping is dropped
// when Xapian closes it, and a reopen at a new revision opens (and maps) its tables again. Not covered: a
// table truncated in place under a reader (Xapian never does it; a read of a lost page would stop the
// process with SIGBUS instead of reporting a corrupt index), and descriptors closed other than by close(2),
// such as close_range (Xapian closes its tables with close).
//
// It pays where blocks are read again: bahth-search calls it for --queries, --interactive and --serve. One
// query in a fresh process reads most of its blocks once, and the first read of each page through the
// mapping is a page fault, which costs more here than a pread: one query with the mapping took 1.1× the
// process's time (medians of 20 A/B pairs), so one query reads with pread.
//
// Measured (2 cores, the benchmark's 77k articles, 600 questions, one thread, medians of 7 A/B pairs): the
// same TREC output; top 100: 0.64× the wall time (system time 1.88 → 0.23 s); top 10 with snippets, JSON:
// 0.79×. The pages a process has read count in its resident memory (they are the page cache's, shared, not
// a copy). A block is copied out of its mapping with vector moves, not memcpy: on an AMD EPYC (Zen 4)
// glibc 2.36's memcpy of an 8 KB block (`rep movsb`) made the top-100 batch 1.29× slower.
#pragma once

#include <cstdint>

namespace bahth {

/// From now on, Xapian tables (files named *.glass) that this process opens read-only are read through a
/// memory mapping (tables already open stay as they are). Idempotent and thread-safe.
void map_index_reads();

/// Reads of mapped files this thread has made: served from a mapping, or passed to the system (past the
/// end of the mapping). For tests.
struct MappedReadCounts {
  std::uint64_t from_mapping = 0;
  std::uint64_t from_system = 0;
};
MappedReadCounts mapped_read_counts();

}  // namespace bahth
