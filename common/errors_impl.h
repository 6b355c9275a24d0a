// Template part of errors.h; not for direct inclusion.
#pragma once

#include <xapian.h>

namespace bahth {
namespace detail {
/// One line for a Xapian error: a message a user can act on where we know one, Xapian's words otherwise.
/// `aftermath` says what a failed write leaves behind (a full disk, a read-only file system).
std::string describe_xapian_error(const std::string& what, const Xapian::Error& e, const char* aftermath);
}  // namespace detail

template <typename Fn>
auto with_index_errors(const std::string& what, Fn&& fn, const char* aftermath) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::Error& e) {
    throw IndexError(detail::describe_xapian_error(what, e, aftermath));
  }
}

}  // namespace bahth
