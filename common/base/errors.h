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

}  // namespace bahth
