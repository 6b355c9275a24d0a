#include "cli/reporter.h"

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

}  // namespace bahth
