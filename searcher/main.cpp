// bahth-search: parse options, open the index, run the query or the batch, print, choose the exit code.
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include <cxxopts.hpp>

#include "errors.h"
#include "options.h"
#include "output.h"
#include "query.h"
#include "searcher.h"
#include "terminal.h"

namespace {

constexpr const char* kHelpTail = R"(
Query syntax: words (any of them, ranked); "a phrase" or «a phrase» (exact words in order); +word (required);
-word (excluded); a AND b, a OR b (also أو), a NOT b, parentheses; title:word; source:NAME; category:NAME.
Words are normalised like the articles (diacritics, tatweel, alef forms, Arabic-Indic digits) and stemmed.

Batch: --queries FILE (or - for stdin) runs one query per line, "ID<TAB>query" or "query" (id = line number);
every output record carries the query id. --format trec writes "qid Q0 docid rank score tag" lines.

Exit codes:
  0  at least one result was found
  1  no results
  2  error (bad option, missing index, a query that cannot be run); in a batch the other queries still run
)";

struct Options {
  std::string index;
  bahth::SearchRequest request;
  std::string queries_file;
  bahth::OutputOptions output;
};

Options parse_options(int argc, char** argv) {
  // "-word" with a non-ASCII word is a query word to exclude (بوتين -الصين), never an option: take such
  // words out before cxxopts sees them.
  std::vector<char*> args;
  std::vector<std::string> excluded_words;
  for (int i = 0; i < argc; ++i) {
    if (i > 0 && argv[i][0] == '-' && static_cast<unsigned char>(argv[i][1]) >= 0x80) excluded_words.push_back(argv[i]);
    else args.push_back(argv[i]);
  }
  argc = static_cast<int>(args.size());
  argv = args.data();
  cxxopts::Options spec("bahth-search", "Search an Arabic news index built by bahth-index.");
  spec.custom_help("[--index DIR] [options]");
  spec.positional_help("QUERY...");
  spec.add_options()
      ("i,index", "index directory", cxxopts::value<std::string>()->default_value(bahth::default_index_path()))
      ("n,limit", "results per query", cxxopts::value<std::size_t>()->default_value("10"))
      ("offset", "skip this many results first", cxxopts::value<std::size_t>()->default_value("0"))
      ("from", "published on or after: YYYY, YYYY-MM or YYYY-MM-DD", cxxopts::value<std::string>())
      ("to", "published on or before: YYYY, YYYY-MM or YYYY-MM-DD", cxxopts::value<std::string>())
      ("json", "JSON Lines output (same as --format json)")
      ("format", "human, json, tsv or trec", cxxopts::value<std::string>()->default_value("human"))
      ("queries", "run a batch: one query per line from FILE, or - for stdin", cxxopts::value<std::string>())
      ("run-tag", "the last column of --format trec", cxxopts::value<std::string>()->default_value("bahth"))
      ("snippet-chars", "snippet length in characters", cxxopts::value<std::size_t>()->default_value("200"))
      ("color", "colour: auto, always or never (auto honours NO_COLOR)",
       cxxopts::value<std::string>()->default_value("auto"))
      ("h,help", "show this help")
      ("version", "show the version")
      ("query", "the query", cxxopts::value<std::vector<std::string>>());
  spec.parse_positional({"query"});
  cxxopts::ParseResult r;
  try {
    r = spec.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& e) {
    throw bahth::UsageError(e.what());
  }
  if (r.count("help")) {
    std::cout << spec.help() << kHelpTail;
    std::exit(0);
  }
  if (r.count("version")) {
    std::cout << "bahth-search 0.1.0 (Xapian " << Xapian::version_string() << ")\n";
    std::exit(0);
  }
  Options o;
  o.index = r["index"].as<std::string>();
  o.request.limit = r["limit"].as<std::size_t>();
  o.request.offset = r["offset"].as<std::size_t>();
  o.request.snippet_chars = r["snippet-chars"].as<std::size_t>();
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
  o.output.run_tag = r["run-tag"].as<std::string>();
  o.output.color = o.output.format == bahth::OutputFormat::human &&
                   bahth::use_color(bahth::parse_color_choice(r["color"].as<std::string>()), STDOUT_FILENO);
  o.request.snippets = o.output.format == bahth::OutputFormat::human || o.output.format == bahth::OutputFormat::json;
  if (r.count("queries")) o.queries_file = r["queries"].as<std::string>();
  std::vector<std::string> words;
  if (r.count("query")) words = r["query"].as<std::vector<std::string>>();
  words.insert(words.end(), excluded_words.begin(), excluded_words.end());
  for (const auto& w : words) o.request.query += (o.request.query.empty() ? "" : " ") + w;
  if (!o.queries_file.empty() && !words.empty()) throw bahth::UsageError("give either a query or --queries, not both");
  if (o.queries_file.empty() && words.empty())
    throw bahth::UsageError("no query given (try: bahth-search --index DIR 'بوتين')");
  return o;
}

// Runs one query and writes it; returns 0 with hits, 1 without, 2 when the query could not run.
int run_one(const bahth::Searcher& searcher, bahth::ResultWriter& writer, bahth::SearchRequest request,
            const std::string& id, const std::string& text, const std::string& where) {
  request.query = text;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    bahth::SearchResult result = searcher.search(request);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    for (const auto& w : result.warnings) std::cerr << "bahth-search: " << where << w << '\n';
    writer.write(id, text, request, result, ms);
    return result.hits.empty() ? 1 : 0;
  } catch (const bahth::QueryError& e) {
    std::cerr << "bahth-search: " << where << e.what() << '\n';
    writer.write_error(id, text, e.what());
    return 2;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  bahth::ignore_sigpipe();
  try {
    const Options o = parse_options(argc, argv);
    const bahth::Searcher searcher(o.index);
    bahth::ResultWriter writer(std::cout, o.output);
    int code = 1;
    if (o.queries_file.empty()) {
      code = run_one(searcher, writer, o.request, "1", o.request.query, "");
    } else {
      std::ifstream file;
      std::istream* in = &std::cin;
      if (o.queries_file != "-") {
        file.open(o.queries_file);
        if (!file) throw bahth::UsageError("cannot open query file " + o.queries_file);
        in = &file;
      }
      bool any_hits = false, any_error = false;
      bahth::read_query_lines(
          *in, o.queries_file == "-" ? "<stdin>" : o.queries_file,
          [&](bahth::BatchQuery&& q) {
            if (!std::cout) return;  // the reader went away: stop quietly
            int c = run_one(searcher, writer, o.request, q.id, q.text, q.origin + ": ");
            any_hits |= c == 0;
            any_error |= c == 2;
          },
          [&](const std::string& problem) {
            std::cerr << "bahth-search: " << problem << '\n';
            any_error = true;
          });
      code = any_error ? 2 : any_hits ? 0 : 1;
    }
    std::cout.flush();
    return code;  // a closed pipe (| head) is not an error: the results that mattered were read
  } catch (const bahth::Error& e) {
    std::cerr << "bahth-search: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "bahth-search: internal error: " << e.what() << '\n';
    return 2;
  }
}
