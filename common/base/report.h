// Where library code sends what a user should read on stderr, without knowing which program it runs in:
// the command line (cli/reporter.h) owns the program name, the terminal and the colour, and prefixes every
// line with the name ("bahth-index: ..."). Library functions take a Reporter& instead of writing to a stream.
//
// Example:
//   void run(Reporter& report) { report.problem("a.txt: not UTF-8; skipped"); }
//   // bahth-index prints "bahth-index: a.txt: not UTF-8; skipped"
#pragma once

#include <string_view>

namespace bahth {

class Reporter {
 public:
  virtual ~Reporter() = default;
  /// One input or query that could not be handled (the run goes on): one line naming it and the cause.
  virtual void problem(std::string_view message) = 0;
  /// Something the user should know that is not an error (a missing id to delete, a corrected word).
  virtual void warning(std::string_view message) = 0;
  /// An informational line (counts, a summary).
  virtual void note(std::string_view message) = 0;
  /// A progress line for long work, rewritten in place where that is wanted; ignored otherwise. `final`:
  /// the work is done, clear the line.
  virtual void progress(std::string_view line, bool final) = 0;
};

}  // namespace bahth
