// bahth-search: parse options, open the index, run the query or the batch, print, choose the exit code.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "base/choices.h"
#include "base/errors.h"
#include "cli/batch.h"
#include "cli/interactive.h"
#include "cli/layout.h"
#include "cli/options.h"
#include "cli/reporter.h"
#include "cli/output.h"
#include "search/facets.h"
#include "search/query.h"
#include "search/searcher.h"
#include "cli/terminal.h"
#include "dates/calendar.h"

namespace {

constexpr const char* kProgram = "bahth-search";

// What --help, the man page and the completions say beyond the options (cli/options.h).
bahth::ProgramHelp program_help() {
  using bahth::ValueKind;
  bahth::ProgramHelp h;
  h.name = kProgram;
  h.summary = "Search an Arabic news index built by bahth-index.";
  h.usage = "[--index DIR] [options] QUERY...";
  h.positional = "query";
  h.description = R"(Finds the articles that match a query in an index built by bahth-index and prints the best
ones with highlighted snippets, facets by date and source, or JSON Lines, TSV and TREC runs for scripts.
Queries are analysed like the articles (diacritics, tatweel, alef forms, Arabic-Indic digits, clitics), so
different spellings of a word find the same articles. Without a query on a terminal, it opens a prompt.)";
  h.values = {{"index", ValueKind::directory, {}},
              {"format", ValueKind::choice, bahth::choice_strings(bahth::kOutputFormats)},
              {"sort", ValueKind::choice, bahth::choice_strings(bahth::kSortOrders), "ORDER"},
              {"facets", ValueKind::choice_list, bahth::choice_strings(bahth::kFacetKinds)},
              {"fields", ValueKind::choice_list, bahth::hit_field_names()},
              {"color", ValueKind::choice, bahth::choice_strings(bahth::kColorChoices), "WHEN"},
              {"bidi", ValueKind::choice, bahth::choice_strings(bahth::kBidiModes), "MODE"},
              {"queries", ValueKind::file, {}},
              {"from", ValueKind::text, {}, "DATE"},
              {"to", ValueKind::text, {}, "DATE"},
              {"width", ValueKind::text, {}, "N"},
              {"run-tag", ValueKind::text, {}, "TAG"},
              {"query", ValueKind::text, {}, "QUERY"}};
  h.sections = {
      {"Query syntax", R"(Words (any of them, ranked); "a phrase" or «a phrase» (exact words in order); +word (required);
-word (excluded); a AND b, a OR b (also أو), a NOT b, parentheses; title:word; source:NAME; category:NAME;
date:2018-03..2018-05 (published then; either side may be empty); mentioned:2022 (the text talks about a
date in 2022; also YYYY-MM, YYYY-MM-DD, FROM..TO). Words are normalised like the articles (diacritics,
tatweel, alef forms, Arabic-Indic digits) and stemmed; common function words count only inside phrases.
A word the index has never seen is searched as the word one letter off that it holds most (مجاس → مجلس),
with a note on stderr; "quote" it to keep it as typed.)"},
      {"Batch", R"(--queries FILE (or - for stdin) runs one query per line, "ID<TAB>query" or "query" (id = line number);
every output record carries the query id. --format trec writes "qid Q0 docid rank score tag" lines.)"},
      {"Output for scripts", R"(--json writes JSON Lines: one object per line, UTF-8, text in logical order, never coloured. Every
record has "type" and "query_id" ("1" for a single query, the batch id otherwise):
  begin    query
  hit      rank (1-based, across pages), id, score, title, date (YYYY-MM-DD or null), source, url,
           snippet, highlights ([start, end) pairs in code points of the snippet), duplicates (copies
           collapsed into this hit), explain (with --explain)
  facet    facet (year, month, ...), values ([{"value", "count"}])
  summary  query, estimated_matches, returned, offset, elapsed_ms, warnings
  error    query, error (a batch query that could not run; the message is also on stderr)
--fields keeps only the hit fields named. --format tsv prints "query_id rank id score date title" lines,
--count the number of matching articles, --ids one id a line.)"},
      {"Arabic in terminals", R"(Most terminals print characters in the order stored, so Arabic shows reversed;
--bidi=visual reorders each line (ICU bidi) and shapes its letters for them. --bidi=auto (the default) is
logical when stdout is not a terminal or the terminal applies bidi itself (Konsole, mlterm, mintty, VTE
terminals such as GNOME Terminal: $VTE_VERSION >= 5800), visual otherwise; BAHTH_BIDI=visual|logical
overrides it. JSON, TSV and TREC output are always in logical order.)"},
      {"Exit status", R"(  0  at least one result was found
  1  no results
  2  error (bad option, missing index, a query that cannot be run); in a batch the other queries still run)"},
      {"Environment", R"(  BAHTH_INDEX      the index when --index is not given
  XDG_DATA_HOME    else the index is $XDG_DATA_HOME/bahth/index (default ~/.local/share/bahth/index)
  XDG_STATE_HOME   the prompt's history is $XDG_STATE_HOME/bahth/history (default ~/.local/state)
  BAHTH_BIDI       visual or logical: overrides --bidi=auto
  NO_COLOR         not empty: no colour with --color=auto; so does TERM=dumb
  COLUMNS          the width to wrap to when the terminal does not say
  VTE_VERSION, KONSOLE_VERSION, MLTERM, TERM_PROGRAM=mintty
                   the terminal applies bidi itself (--bidi=auto)
  BAHTH_WEIGHT=bm25, BAHTH_BM25=K1,B
                   rank with BM25 instead of DLH (for relevance benchmarks))"},
      {"Files", R"(  ~/.local/share/bahth/index        the default index
  ~/.local/state/bahth/history      the prompt's history
  share/bahth/bahth-search.schema.json
                                    the JSON Schema of the --json records, under the install prefix)"},
      {"Examples", R"(  bahth-search --index ~/news.db 'بوتين الصين'
  bahth-search --index ~/news.db '"شراكة بلا حدود"' --limit 3
  bahth-search --index ~/news.db 'بوتين -أوكرانيا' --from 2022 --to 2022-06 --sort newest
  bahth-search --index ~/news.db --facets year,source 'النفط'
  bahth-search --index ~/news.db --json --fields id,title,date 'title:الصين' | jq .title
  bahth-search --index ~/news.db --queries questions.tsv --threads 2 --format trec > run.trec)"},
      {"See also", "bahth-index(1), xapian-tcpsrv(1)"}};
  return h;
}

struct Options {
  std::vector<std::string> index;
  bahth::SearchRequest request;
  bool interactive = false;
  std::string queries_file;
  bahth::OutputOptions output;
  std::size_t threads = 1;
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
  const bahth::ProgramHelp help = program_help();
  cxxopts::Options spec = bahth::option_spec(help);
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
      ("threads", "batch: run queries on N threads (output stays in input order)",
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
      ("query", "the query", cxxopts::value<std::vector<std::string>>());
  const cxxopts::ParseResult r = bahth::parse_command_line(spec, argc, argv, help);
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
    if (o.interactive) {
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
