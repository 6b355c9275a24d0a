// Bahth's one error type and its few subtypes. Library code throws; only main() catches, prints one line
// ("bahth-search: <what>") on stderr and turns the type into an exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace bahth {

/// Base of every error Bahth reports. what() is one line naming the input and the cause.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A command line or option that cannot be acted on (bad value, missing argument).
class UsageError : public Error {
 public:
  using Error::Error;
};

/// One input (file, JSON line, document) that cannot be indexed. The indexer reports it and goes on.
class InputError : public Error {
 public:
  using Error::Error;
};

/// A query that cannot be run: empty, nothing searchable, unbalanced quotes or parentheses.
class QueryError : public Error {
 public:
  using Error::Error;
};

/// The index cannot be opened, read or written (missing, locked, corrupt, disk full).
class IndexError : public Error {
 public:
  using Error::Error;
};

/// What a failed write leaves of an index that is updated in place (commits, transactions: indexer.h).
inline constexpr const char* kLeftAtLastCommit = "the index is left at its last commit";
/// What a failed write leaves of an index being built anew (segments.h).
inline constexpr const char* kNotCreated = "no index was created";

/// Runs `fn`, turning Xapian's exceptions into IndexError that names `what` (the index path) and the cause,
/// and, for a failed write, `aftermath`. Other exceptions pass through unchanged.
template <typename Fn>
auto with_index_errors(const std::string& what, Fn&& fn, const char* aftermath = kLeftAtLastCommit) -> decltype(fn());

}  // namespace bahth

#include "errors_impl.h"
