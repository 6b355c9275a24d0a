// The command line's Reporter (base/report.h): every line on one stream (stderr), prefixed with the
// program's name, and the progress line of a terminal rewritten in place.
//
//   problem  "<prog>: <message>\n"             (clears the progress line first when progress is shown)
//   warning  "<prog>: warning: <message>\n"
//   note     "<prog>: <message>\n"
//   progress "\r<prog>: <line>   ", and at the end "\r\x1b[K" to clear it; nothing when progress is off
//
// It does not decide whether the stream is a terminal (the program passes that in: terminal.h) and does not
// colour anything.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "base/report.h"

namespace bahth {

class StderrReporter final : public Reporter {
 public:
  /// Writes to `err` (which must outlive it), prefixing lines with `program`; progress lines only when
  /// `show_progress` (a terminal, not --quiet).
  StderrReporter(std::string program, std::ostream& err, bool show_progress)
      : program_(std::move(program)), err_(err), show_progress_(show_progress) {}

  void problem(std::string_view message) override;
  void warning(std::string_view message) override;
  void note(std::string_view message) override;
  void progress(std::string_view line, bool final) override;

 private:
  // Clears a progress line still on the screen before another line is written.
  void clear_progress();

  std::string program_;
  std::ostream& err_;
  bool show_progress_;
  bool line_shown_ = false;  // a progress line is on the screen, not yet cleared
};

/// Keeps what is reported, to pass it on later in order (work done on several threads whose messages must
/// appear in input order: cli/batch.h). Progress is dropped.
class BufferedReporter final : public Reporter {
 public:
  void problem(std::string_view message) override { lines_.emplace_back(Kind::problem, std::string(message)); }
  void warning(std::string_view message) override { lines_.emplace_back(Kind::warning, std::string(message)); }
  void note(std::string_view message) override { lines_.emplace_back(Kind::note, std::string(message)); }
  void progress(std::string_view, bool) override {}

  /// Reports everything kept to `to`, in order, and forgets it.
  void replay(Reporter& to);

 private:
  enum class Kind { problem, warning, note };
  std::vector<std::pair<Kind, std::string>> lines_;
};

/// What each program's main() does around its work: fast iostreams, a closed pipe (`| head`) ending the
/// output quietly, and every error thrown out of `body` as one line on stderr, "PROGRAM: cause" (an Error)
/// or "PROGRAM: internal error: ..." (anything else), with exit code 2. Returns `body`'s exit code otherwise.
int run_program(std::string_view program, const std::function<int()>& body);

}  // namespace bahth
