#include "options.h"

#include <csignal>
#include <cstdlib>

namespace bahth {

std::string default_index_path() {
  if (const char* p = std::getenv("BAHTH_INDEX"); p && *p) return p;
  if (const char* p = std::getenv("XDG_DATA_HOME"); p && *p) return std::string(p) + "/bahth/index";
  if (const char* p = std::getenv("HOME"); p && *p) return std::string(p) + "/.local/share/bahth/index";
  return "bahth-index.db";
}

void ignore_sigpipe() { std::signal(SIGPIPE, SIG_IGN); }

}  // namespace bahth
