// bahth-search: parse options, open the index, run the query or the batch, print, choose the exit code.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include "cli/batch.h"
#include "base/errors.h"
#include "cli/interactive.h"
#include "cli/layout.h"
#include "cli/options.h"
#include "cli/reporter.h"
#include "cli/output.h"
#include "search/query.h"
#include "search/searcher.h"
#include "cli/terminal.h"
#include "dates/calendar.h"
#include "serve/server.h"

namespace {

constexpr const char* kProgram = "bahth-search";

constexpr const char* kHelpTail = R"(
Query syntax: words (any of them, ranked); "a phrase" or «a phrase» (exact words in order); +word (required);
-word (excluded); a AND b, a OR b (also أو), a NOT b, parentheses; title:word; source:NAME; category:NAME;
date:2018-03..2018-05 (published then; either side may be empty); mentioned:2022 (the text talks about a
date in 2022; also YYYY-MM, YYYY-MM-DD, FROM..TO). Words are normalised like the articles (diacritics,
tatweel, alef forms, Arabic-Indic digits) and stemmed; common function words count only inside phrases.
A word the index has never seen is searched as the word one letter off that it holds most (مجاس → مجلس),
with a note on stderr; "quote" it to keep it as typed.

Batch: --queries FILE (or - for stdin) runs one query per line, "ID<TAB>query" or "query" (id = line number);
every output record carries the query id. --format trec writes "qid Q0 docid rank score tag" lines.

Arabic in terminals: most terminals print characters in the order stored, so Arabic shows reversed;
--bidi=visual reorders each line (ICU bidi) and shapes its letters for them. --bidi=auto (the default) is
logical when stdout is not a terminal or the terminal applies bidi itself (Konsole, mlterm, mintty, VTE
terminals such as GNOME Terminal: $VTE_VERSION >= 5800), visual otherwise; BAHTH_BIDI=visual|logical
overrides it. JSON, TSV and TREC output are always in logical order.

Server: --serve [ADDR:PORT] (default 127.0.0.1:8080) answers over HTTP until SIGINT/SIGTERM: the search page at
/, and /api/search?q=&from=&to=&sort=&limit=&offset=&facets=&collapse=, /api/article/ID, /api/health (JSON with
the field names of --json). --threads is then the number of search workers. Any address but loopback has no
authentication unless --token FILE is given (then every API request needs "Authorization: Bearer TOKEN").

Exit codes:
  0  at least one result was found (--serve: stopped by a signal)
  1  no results
  2  error (bad option, missing index, a query that cannot be run); in a batch the other queries still run
)";

struct Options {
  std::vector<std::string> index;
  bahth::SearchRequest request;
  bool interactive = false;
  std::string queries_file;
  bahth::OutputOptions output;
  std::size_t threads = 1;
  std::optional<bahth::ServeOptions> serve;
};

// Comparison runs of the relevance benchmark rank with BM25: $BAHTH_WEIGHT=bm25, $BAHTH_BM25="k1,b"
// (scripts/bench-relevance.sh). Read here, once; the library takes them as a Ranking.
bahth::Ranking ranking_from_environment() {
  bahth::Ranking ranking;
  if (const char* w = std::getenv("BAHTH_WEIGHT"); w && std::string(w) == "bm25") ranking.model = bahth::Ranking::Model::bm25;
  if (const char* e = std::getenv("BAHTH_BM25")) {
    double k1 = 0, b = 0;
    if (std::sscanf(e, "%lf,%lf", &k1, &b) == 2) ranking.bm25_k1 = k1, ranking.bm25_b = b;
  }
  return ranking;
}

// An ASCII word with a colon or only digits and dots: an address for --serve, never a query word.
bool looks_like_address(const char* arg) {
  const std::string a(arg);
  if (a.empty() || a[0] == '-') return false;
  for (const char c : a) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return a.find(':') != std::string::npos || a.find_first_not_of("0123456789.") == std::string::npos ||
         a == "localhost";
}

Options parse_options(int argc, char** argv) {
  // "-word" with a non-ASCII word is a query word to exclude (بوتين -الصين), never an option: take such
  // words out before cxxopts sees them.
  std::vector<char*> args;
  std::vector<std::string> excluded_words;
  // "--serve ADDR:PORT" is "--serve=ADDR:PORT": cxxopts takes an optional value only after "=".
  std::vector<std::string> joined;
  joined.reserve(static_cast<std::size_t>(argc));
  for (int i = 0; i < argc; ++i) {
    if (i > 0 && argv[i][0] == '-' && static_cast<unsigned char>(argv[i][1]) >= 0x80) {
      excluded_words.push_back(argv[i]);
    } else if (std::string(argv[i]) == "--serve" && i + 1 < argc && looks_like_address(argv[i + 1])) {
      joined.push_back(std::string("--serve=") + argv[++i]);
      args.push_back(joined.back().data());
    } else {
      args.push_back(argv[i]);
    }
  }
  argc = static_cast<int>(args.size());
  argv = args.data();
  cxxopts::Options spec(kProgram, "Search an Arabic news index built by bahth-index.");
  spec.custom_help("[--index DIR] [options]");
  spec.positional_help("QUERY...");
  spec.add_options()
      ("i,index", "index directory (default " + bahth::default_index_path() + "), or tcp://HOST:PORT for a "
                  "shard served by xapian-tcpsrv; repeat it to search several shards as one",
       cxxopts::value<std::vector<std::string>>())
      ("n,limit", "results per query", cxxopts::value<std::size_t>()->default_value("10"))
      ("offset", "skip this many results first", cxxopts::value<std::size_t>()->default_value("0"))
      ("from", "published on or after: YYYY, YYYY-MM or YYYY-MM-DD", cxxopts::value<std::string>())
      ("to", "published on or before: YYYY, YYYY-MM or YYYY-MM-DD", cxxopts::value<std::string>())
      ("json", "JSON Lines output (same as --format json)")
      ("format", bahth::choice_names(bahth::kOutputFormats), cxxopts::value<std::string>()->default_value("human"))
      ("count", "print only the number of matches (same as --format count)")
      ("ids", "print only the ids of the hits, one a line (same as --format ids)")
      ("fields", "JSON: the hit fields to write, e.g. id,title,date", cxxopts::value<std::string>())
      ("queries", "run a batch: one query per line from FILE, or - for stdin", cxxopts::value<std::string>())
      ("interactive", "a prompt that reads queries line by line, with history (also: no query on a terminal)")
      ("threads", "batch: run queries on N threads (output stays in input order); --serve: N search workers "
                  "(default there: one per core, at least 2)",
       cxxopts::value<std::size_t>()->default_value("1"))
      ("run-tag", "the last column of --format trec", cxxopts::value<std::string>()->default_value("bahth"))
      ("no-collapse", "show every copy of a story filed under several ids (by default one per duplicate cluster)")
      ("snippet-chars", "snippet length in characters", cxxopts::value<std::size_t>()->default_value("200"))
      ("sort", bahth::choice_names(bahth::kSortOrders), cxxopts::value<std::string>()->default_value("relevance"))
      ("facets", "count all matches by " + bahth::choice_names(bahth::kFacetKinds, ", ", ", ") +
                 " (comma-separated); works without a query too", cxxopts::value<std::string>())
      ("explain", "show, under each hit, the query terms it matched and what each added to its score")
      ("color", "colour: " + bahth::choice_names(bahth::kColorChoices) + " (auto honours NO_COLOR)",
       cxxopts::value<std::string>()->default_value("auto"))
      ("bidi", "Arabic in the terminal: visual (reorder for terminals without bidi), logical (as stored), or "
               "auto (see below)", cxxopts::value<std::string>()->default_value("auto"))
      ("width", "wrap human output to N columns (default: the terminal's width; 0: no wrapping)",
       cxxopts::value<std::size_t>())
      ("serve", "answer over HTTP on ADDR:PORT (see below)", cxxopts::value<std::string>()->implicit_value("127.0.0.1:8080"),
       "[ADDR:PORT]")
      ("token", "--serve: every API request must carry Authorization: Bearer <the token in FILE>",
       cxxopts::value<std::string>(), "FILE")
      ("cors", "--serve: let pages from ORIGIN (e.g. https://intranet.example) call the API", cxxopts::value<std::string>(),
       "ORIGIN")
      ("time-limit", "--serve: seconds a query may run before it is stopped with an error",
       cxxopts::value<double>()->default_value("10"))
      ("q,quiet", "--serve: no access log on stderr")
      ("query", "the query", cxxopts::value<std::vector<std::string>>());
  spec.parse_positional({"query"});
  const cxxopts::ParseResult r = bahth::parse_command_line(spec, argc, argv, kHelpTail);
  Options o;
  o.index = r.count("index") ? r["index"].as<std::vector<std::string>>()
                             : std::vector<std::string>{bahth::default_index_path()};
  o.request.limit = r["limit"].as<std::size_t>();
  o.request.offset = r["offset"].as<std::size_t>();
  o.request.snippet_chars = r["snippet-chars"].as<std::size_t>();
  o.request.collapse = r.count("no-collapse") == 0;
  o.request.explain = r.count("explain") > 0;
  o.request.sort = bahth::parse_sort_order(r["sort"].as<std::string>());
  o.request.ranking = ranking_from_environment();
  if (r.count("facets")) o.request.facets = bahth::parse_facets(r["facets"].as<std::string>());
  if (o.request.snippet_chars < 20) throw bahth::UsageError("--snippet-chars must be at least 20");
  if (r.count("from")) o.request.from = bahth::parse_date_bound(r["from"].as<std::string>(), false);
  if (r.count("to")) o.request.to = bahth::parse_date_bound(r["to"].as<std::string>(), true);
  if (!o.request.from.empty() && !o.request.to.empty() && o.request.from > o.request.to)
    throw bahth::UsageError("--from is after --to");
  o.output.format = bahth::parse_output_format(r["format"].as<std::string>());
  if (r.count("json")) {
    if (r.count("format") && o.output.format != bahth::OutputFormat::json)
      throw bahth::UsageError("--json contradicts --format " + r["format"].as<std::string>());
    o.output.format = bahth::OutputFormat::json;
  }
  for (const char* shorthand : {"count", "ids"}) {
    if (!r.count(shorthand)) continue;
    if (r.count("format") || r.count("json")) throw bahth::UsageError(std::string("--") + shorthand + " replaces --format");
    o.output.format = bahth::parse_output_format(shorthand);
  }
  if (o.output.format == bahth::OutputFormat::count) {
    o.request.exact_count = true;
    o.request.limit = 0;
  }
  if (r.count("fields")) o.request.fields = bahth::parse_hit_fields(r["fields"].as<std::string>());
  o.output.run_tag = r["run-tag"].as<std::string>();
  o.threads = r["threads"].as<std::size_t>();
  if (o.threads < 1 || o.threads > 64) throw bahth::UsageError("--threads must be 1 to 64");
  o.output.color = o.output.format == bahth::OutputFormat::human &&
                   bahth::use_color(bahth::parse_color_choice(r["color"].as<std::string>()), STDOUT_FILENO);
  o.output.bidi = bahth::resolve_bidi_mode(bahth::parse_bidi_mode(r["bidi"].as<std::string>()), STDOUT_FILENO);
  o.output.width = r.count("width") ? r["width"].as<std::size_t>()
                   : bahth::is_terminal(STDOUT_FILENO) ? bahth::terminal_width(STDOUT_FILENO) : 0;
  o.request.snippets = o.output.format == bahth::OutputFormat::human || o.output.format == bahth::OutputFormat::json;
  if (r.count("queries")) o.queries_file = r["queries"].as<std::string>();
  o.output.batch = !o.queries_file.empty();
  std::vector<std::string> words;
  if (r.count("query")) words = r["query"].as<std::vector<std::string>>();
  for (const char* serve_only : {"token", "cors", "quiet"}) {
    if (r.count(serve_only) && !r.count("serve")) throw bahth::UsageError(std::string("--") + serve_only + " goes with --serve");
  }
  if (r.count("serve")) {
    if (!words.empty() || !excluded_words.empty() || r.count("queries") || r.count("interactive"))
      throw bahth::UsageError("--serve answers queries over HTTP: give no query, --queries or --interactive");
    bahth::ServeOptions serve;
    serve.index = o.index;
    bahth::parse_listen_address(r["serve"].as<std::string>(), serve);
    if (r.count("token")) serve.token = bahth::read_token_file(r["token"].as<std::string>());
    if (r.count("cors")) serve.cors_origin = r["cors"].as<std::string>();
    serve.quiet = r.count("quiet") > 0;
    serve.threads = r.count("threads") ? o.threads : std::max(2u, std::thread::hardware_concurrency());
    serve.limits.time_limit = r["time-limit"].as<double>();
    if (!(serve.limits.time_limit > 0)) throw bahth::UsageError("--time-limit must be more than 0 seconds");
    o.serve = std::move(serve);
    return o;
  }
  words.insert(words.end(), excluded_words.begin(), excluded_words.end());
  for (const auto& w : words) o.request.query += (o.request.query.empty() ? "" : " ") + w;
  if (!o.queries_file.empty() && !words.empty()) throw bahth::UsageError("give either a query or --queries, not both");
  o.interactive = r.count("interactive") > 0 ||
                  (words.empty() && o.queries_file.empty() && o.request.facets.empty() && !o.request.exact_count &&
                   bahth::is_terminal(STDIN_FILENO) && bahth::is_terminal(STDOUT_FILENO));
  if (o.interactive && (!words.empty() || !o.queries_file.empty()))
    throw bahth::UsageError("--interactive reads its queries from the prompt: give no query and no --queries");
  if (!o.interactive && o.queries_file.empty() && words.empty() && o.request.facets.empty() && !o.request.exact_count)
    throw bahth::UsageError("no query given (try: bahth-search --index DIR 'بوتين')");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  return bahth::run_program(kProgram, [&] {
    const Options o = parse_options(argc, argv);
    bahth::StderrReporter report(kProgram, std::cerr, false);
    int code = 1;
    if (o.serve) {
      code = bahth::serve(*o.serve, report);
    } else if (o.interactive) {
      const bahth::Searcher searcher(o.index);
      code = bahth::run_interactive(searcher, o.request, o.output, std::cout, report);
    } else if (o.queries_file.empty()) {
      const bahth::Searcher searcher(o.index);
      bahth::ResultWriter writer(std::cout, o.output);
      code = bahth::run_query(searcher, writer, o.request, "1", o.request.query, "", report);
    } else {
      std::ifstream file;
      std::istream* in = &std::cin;
      if (o.queries_file != "-") {
        file.open(o.queries_file);
        if (!file) throw bahth::UsageError("cannot open query file " + o.queries_file);
        in = &file;
      }
      bahth::BatchOptions batch{o.index, o.request, o.output, o.threads};
      code = bahth::run_batch(*in, o.queries_file == "-" ? "<stdin>" : o.queries_file, batch, std::cout, report);
    }
    std::cout.flush();
    return code;  // a closed pipe (| head) is not an error: the results that mattered were read
  });
}
