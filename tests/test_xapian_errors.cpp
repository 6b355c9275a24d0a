// Xapian's exceptions as one line a user can act on (index/xapian_errors.h): the cause where we know it (a
// full disk, a read-only file system, a damaged index), Xapian's own words otherwise, and what a failed write
// left behind.
#include <doctest/doctest.h>

#include <cerrno>
#include <functional>
#include <string>

#include <xapian.h>

#include "base/errors.h"
#include "index/xapian_errors.h"

namespace {

struct Case {
  const char* what;            // the situation
  std::function<void()> fail;  // throws the Xapian error Xapian throws there
  std::string expected;        // the line, for index "/idx" updated in place
};

}  // namespace

TEST_CASE("Xapian's errors become one line that names the index, the cause and what is left") {
  const std::string left = std::string("; ") + bahth::kLeftAtLastCommit;
  const Case cases[] = {
      {"a block that cannot be written: the disk is full",
       [] { throw Xapian::DatabaseError("Error writing block 26", ENOSPC); },
       "index /idx: the disk is full (No space left on device)" + left},
      {"a commit that failed and could not reopen its revision says so in its message only",
       [] {
         throw Xapian::DatabaseError("Modifications failed (DatabaseError: Error writing block 26 (No space left on "
                                     "device)), and couldn't open at the old revision");
       },
       "index /idx: the disk is full (Modifications failed (DatabaseError: Error writing block 26 (No space left on "
       "device)), and couldn't open at the old revision)" + left},
      {"a read-only file system", [] { throw Xapian::DatabaseError("Error writing block 3", EROFS); },
       "index /idx: cannot write (Read-only file system)" + left},
      {"a damaged index", [] { throw Xapian::DatabaseCorruptError("Db block overwritten"); },
       "index /idx is corrupt: Db block overwritten"},
      {"a reader overtaken by a writer",
       [] { throw Xapian::DatabaseModifiedError("The revision being read has been discarded"); },
       "index /idx changed too much while being read; run the search again"},
      {"anything else: Xapian's words, its type first",
       [] { throw Xapian::DatabaseError("Unexpected end of posting list"); },
       "index /idx: DatabaseError: Unexpected end of posting list"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    CHECK_THROWS_WITH_AS(bahth::with_index_errors("/idx", c.fail), c.expected.c_str(), bahth::IndexError);
  }
}

TEST_CASE("a new index that failed says that none was created") {
  CHECK_THROWS_WITH_AS(
      bahth::with_index_errors("/idx", [] { throw Xapian::DatabaseError("Error writing block 1", ENOSPC); },
                               bahth::kNotCreated),
      "index /idx: the disk is full (No space left on device); no index was created", bahth::IndexError);
}
