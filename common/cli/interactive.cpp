#include "cli/interactive.h"

#include <unistd.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include <editline/readline.h>

#include "cli/batch.h"
#include "base/errors.h"
#include "cli/options.h"
#include "cli/state.h"
#include "dates/calendar.h"
#include "search/query.h"
#include "cli/terminal.h"
#include "text/utf8.h"

namespace bahth {

namespace {

constexpr const char* kHelp =
    "Type a query (the same syntax as on the command line), or a command:\n"
    "  :next  :prev                     the next / previous page of results\n"
    "  :limit N   :from DATE   :to DATE   :sort relevance|newest|oldest   :facets LIST|off\n"
    "  :help   :quit\n";

std::string history_path() {
  const std::string dir = state_dir();
  if (dir.empty()) return {};
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  return ec ? std::string() : dir + "/history";
}

// One line from the terminal (with editing and history) or from a pipe. False at the end of input.
bool read_line(bool tty, std::string& line) {
  if (!tty) return static_cast<bool>(std::getline(std::cin, line));
  std::unique_ptr<char, decltype(&std::free)> raw(readline("بحث> "), &std::free);
  if (!raw) return false;
  line = raw.get();
  if (!trim(line).empty()) add_history(raw.get());
  return true;
}

// Applies a ":command"; returns false for :quit.
bool command(const std::string& line, SearchRequest& req, const std::string& last_query, bool& rerun,
             std::ostream& out) {
  std::istringstream words(line.substr(1));
  std::string name, value;
  words >> name;
  std::getline(words, value);
  value = std::string(trim(value));
  rerun = false;
  if (name == "quit" || name == "q" || name == "exit") return false;
  if (name == "help" || name == "h") {
    out << kHelp;
  } else if (name == "next" || name == "n") {
    if (last_query.empty()) throw UsageError("no query yet");
    req.offset += req.limit;
    rerun = true;
  } else if (name == "prev" || name == "p") {
    if (last_query.empty()) throw UsageError("no query yet");
    req.offset = req.offset > req.limit ? req.offset - req.limit : 0;
    rerun = true;
  } else if (name == "limit") {
    char* end = nullptr;
    const long n = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end || n < 1 || n > 10000) throw UsageError(":limit takes a number from 1 to 10000");
    req.limit = static_cast<std::size_t>(n);
  } else if (name == "from" || name == "to") {
    if (value.empty()) {
      (name == "from" ? req.from : req.to).clear();
    } else {
      auto bound = date_bound(value, name == "to", req.today);
      if (!bound)
        throw UsageError(":" + name + " takes YYYY, YYYY-MM, YYYY-MM-DD, a day before today (yesterday, 7d, أمس …) "
                         "or nothing to clear it");
      (name == "from" ? req.from : req.to) = *bound;
    }
  } else if (name == "sort") {
    req.sort = parse_sort_order(value);
  } else if (name == "facets") {
    req.facets = value == "off" || value.empty() ? std::vector<FacetKind>{} : parse_facets(value);
  } else {
    throw UsageError("unknown command :" + name + " (:help lists them)");
  }
  return true;
}

}  // namespace

int run_interactive(const Searcher& searcher, SearchRequest request, const OutputOptions& output, std::ostream& out,
                    Reporter& report) {
  const bool tty = is_terminal(STDIN_FILENO);
  const std::string history = tty ? history_path() : std::string();
  if (tty) {
    // libedit decodes keystrokes with the C library's locale: it must be a UTF-8 one, or Arabic input (and
    // the Arabic prompt) crash it. Take the user's, and fall back to C.UTF-8 when that is not UTF-8.
    std::setlocale(LC_CTYPE, "");
    if (MB_CUR_MAX == 1) std::setlocale(LC_CTYPE, "C.UTF-8");
    using_history();
    if (!history.empty()) read_history(history.c_str());
    report.note(group_thousands(searcher.document_count()) + " articles; :help for commands");
  }
  ResultWriter writer(out, output);
  std::string line, last_query;
  for (std::size_t n = 1; read_line(tty, line); ++n) {
    const std::string text(trim(line));
    if (text.empty()) continue;
    try {
      bool rerun = true;
      std::string query = text;
      if (text[0] == ':') {
        if (!command(text, request, last_query, rerun, out)) break;
        query = last_query;
      } else {
        request.offset = 0;
        last_query = text;
      }
      if (rerun && !query.empty()) run_query(searcher, writer, request, std::to_string(n), query, "", report);
    } catch (const UsageError& e) {
      report.problem(e.what());
    }
    out.flush();
  }
  if (tty && !history.empty()) write_history(history.c_str());
  return 0;
}

}  // namespace bahth
