#include "cli/state.h"

#include <cstdlib>

namespace bahth {

std::string state_dir() {
  if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) return std::string(x) + "/bahth";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/state/bahth";
  return {};
}

}  // namespace bahth
