#include "cli/reporter.h"

#include <iostream>

#include "base/errors.h"
#include "cli/options.h"

namespace bahth {

namespace {
constexpr const char* kClearLine = "\r\x1b[K";  // to the line's start, erase to its end
}  // namespace

void StderrReporter::clear_progress() {
  if (line_shown_) err_ << kClearLine;
  line_shown_ = false;
}

void StderrReporter::problem(std::string_view message) {
  // Cleared whenever progress is shown, even before the first progress line.
  if (show_progress_) err_ << kClearLine;
  line_shown_ = false;
  err_ << program_ << ": " << message << '\n';
}

void StderrReporter::warning(std::string_view message) {
  clear_progress();
  err_ << program_ << ": warning: " << message << '\n';
}

void StderrReporter::note(std::string_view message) {
  clear_progress();
  err_ << program_ << ": " << message << '\n';
}

void StderrReporter::progress(std::string_view line, bool final) {
  if (!show_progress_) return;
  // Three spaces cover the tail of a longer line written before (the rate can lose a digit).
  err_ << '\r' << program_ << ": " << line << "   " << (final ? kClearLine : "") << std::flush;
  line_shown_ = !final;
}

void BufferedReporter::replay(Reporter& to) {
  for (const auto& [kind, message] : lines_) {
    switch (kind) {
      case Kind::problem: to.problem(message); break;
      case Kind::warning: to.warning(message); break;
      case Kind::note: to.note(message); break;
    }
  }
  lines_.clear();
}

int run_program(std::string_view program, const std::function<int()>& body) {
  std::ios::sync_with_stdio(false);
  ignore_sigpipe();
  try {
    return body();
  } catch (const Error& e) {
    std::cerr << program << ": " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << program << ": internal error: " << e.what() << '\n';
  }
  return 2;
}

}  // namespace bahth
