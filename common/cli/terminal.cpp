#include "cli/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "base/errors.h"

namespace bahth {

ColorChoice parse_color_choice(const std::string& s) { return parse_choice(kColorChoices, s, "--color"); }

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

std::size_t terminal_width(int fd) {
  struct winsize ws {};
  if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* cols = std::getenv("COLUMNS"); cols && std::atoi(cols) > 0) return static_cast<std::size_t>(std::atoi(cols));
  return 0;
}

bool use_color(ColorChoice choice, int fd) {
  if (choice == ColorChoice::always) return true;
  if (choice == ColorChoice::never) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return is_terminal(fd);
}

}  // namespace bahth
