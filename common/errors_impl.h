// Template part of errors.h; not for direct inclusion.
#pragma once

#include <xapian.h>

namespace bahth {
namespace detail {
/// One line for a Xapian error: a message a user can act on where we know one, Xapian's words otherwise.
std::string describe_xapian_error(const std::string& what, const Xapian::Error& e);
}  // namespace detail

template <typename Fn>
auto with_index_errors(const std::string& what, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::Error& e) {
    throw IndexError(detail::describe_xapian_error(what, e));
  }
}

}  // namespace bahth
