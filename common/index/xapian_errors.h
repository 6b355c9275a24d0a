// Xapian's exceptions as Bahth's IndexError: one line a user can act on (the lock holder's pid, a full disk,
// a read-only directory), and what a failed write leaves behind. Every module that touches a Xapian
// database (index/, search/) wraps its calls in with_index_errors.
#pragma once

#include <string>

#include <xapian.h>

#include "base/errors.h"

namespace bahth {

/// What a failed write leaves of an index that is updated in place (commits, transactions: in_place_writer.h).
inline constexpr const char* kLeftAtLastCommit = "the index is left at its last commit";
/// What a failed write leaves of an index being built anew (segments.h).
inline constexpr const char* kNotCreated = "no index was created";

namespace detail {
/// One line for a Xapian error: a message a user can act on where we know one, Xapian's words otherwise.
/// `aftermath` says what a failed write leaves behind (a full disk, a read-only file system).
std::string describe_xapian_error(const std::string& what, const Xapian::Error& e, const char* aftermath);
}  // namespace detail

/// Runs `fn`, turning Xapian's exceptions into IndexError that names `what` (the index path) and the cause,
/// and, for a failed write, `aftermath`. Other exceptions pass through unchanged.
template <typename Fn>
auto with_index_errors(const std::string& what, Fn&& fn, const char* aftermath = kLeftAtLastCommit) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::Error& e) {
    throw IndexError(detail::describe_xapian_error(what, e, aftermath));
  }
}

}  // namespace bahth
