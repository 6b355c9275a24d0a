#include "cli/options.h"

#include <csignal>
#include <cstdlib>
#include <iostream>

#include <xapian.h>

#include "base/errors.h"

namespace bahth {

std::string default_index_path() {
  if (const char* p = std::getenv("BAHTH_INDEX"); p && *p) return p;
  if (const char* p = std::getenv("XDG_DATA_HOME"); p && *p) return std::string(p) + "/bahth/index";
  if (const char* p = std::getenv("HOME"); p && *p) return std::string(p) + "/.local/share/bahth/index";
  return "bahth-index.db";
}

std::string state_dir() {
  if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) return std::string(x) + "/bahth";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/state/bahth";
  return {};
}

cxxopts::ParseResult parse_command_line(cxxopts::Options& spec, int argc, char** argv, const char* help_tail) {
  spec.add_options()("h,help", "show this help")("version", "show the version");
  cxxopts::ParseResult r;
  try {
    r = spec.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& e) {
    throw UsageError(e.what());
  }
  if (r.count("help")) {
    std::cout << spec.help() << help_tail;
    std::exit(0);
  }
  if (r.count("version")) {
    std::cout << spec.program() << " 0.1.0 (Xapian " << Xapian::version_string() << ")\n";
    std::exit(0);
  }
  return r;
}

void ignore_sigpipe() { std::signal(SIGPIPE, SIG_IGN); }

}  // namespace bahth
