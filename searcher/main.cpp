// bahth-search: parse options, open the index, run the query or the batch, print, choose the exit code.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include "base/choices.h"
#include "cli/alerts.h"
#include "base/errors.h"
#include "cli/batch.h"
#include "cli/interactive.h"
#include "cli/layout.h"
#include "cli/options.h"
#include "cli/reporter.h"
#include "cli/output.h"
#include "search/facets.h"
#include "search/flat_or.h"
#include "search/mapped_reads.h"
#include "search/query.h"
#include "search/searcher.h"
#include "cli/terminal.h"
#include "dates/calendar.h"
#include "serve/server.h"

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
              {"alert", ValueKind::text, {}, "NAME"},
              {"serve", ValueKind::text, {}, "[ADDR:PORT]"},
              {"token", ValueKind::file, {}},
              {"cors", ValueKind::text, {}, "ORIGIN"},
              {"time-limit", ValueKind::text, {}, "SECONDS"},
              {"query-threads", ValueKind::text, {}, "N"},
              {"like", ValueKind::text, {}, "ID"},
              {"query", ValueKind::text, {}, "QUERY"}};
  h.sections = {
      {"Query syntax", R"(Words (any of them, ranked); "a phrase" or «a phrase» (exact words in order); +word (required);
-word (excluded); a AND b, a OR b (also أو), a NOT b, parentheses; title:word; source:NAME; category:NAME;
date:2018-03..2018-05 (published then; either side may be empty; also days before today: date:7d..,
date:yesterday, date:"الشهر الماضي"..); mentioned:2022 (the text talks about a
date in 2022; also YYYY-MM, YYYY-MM-DD, FROM..TO). Words are normalised like the articles (diacritics,
tatweel, alef forms, Arabic-Indic digits) and stemmed; common function words count only inside phrases.
A word the index has never seen is searched as the word one letter off that it holds most (مجاس → مجلس),
with a note on stderr; "quote" it to keep it as typed. A plain word (or words) with synonyms stored in
the index (bahth-index --synonyms) also finds them, below the word itself, with a note on stderr.)"},
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
      {"Saved searches", R"(--alert NAME 'query' [--from/--to/--sort/--no-collapse] saves the search for the index given, in
$XDG_STATE_HOME/bahth/alerts/NAME.json (~/.local/state/bahth/alerts/). --alerts runs every saved search and
prints only the articles added to its index since that search last ran (the first run: every match), in any
output format, each search as one query of a batch whose id is its name; a search with nothing new prints
nothing. --from/--to are kept as typed, so --from 7d moves with the day. --alerts --list shows them
("NAME<TAB>QUERY<TAB>FILTERS<TAB>LAST RUN"); --alert NAME --delete forgets one. A crontab line that mails what
is new, and nothing when nothing is:
  0 7 * * *  out=$(bahth-search --alerts) && echo "$out" | mail -s "Bahth: new articles" me@example.org)"},
      {"Server", R"(--serve [ADDR:PORT] (default 127.0.0.1:8080) answers over HTTP until SIGINT/SIGTERM: the search page at
/, and /api/search?q=&from=&to=&sort=&limit=&offset=&facets=&collapse=, /api/related/ID (the same parameters,
q optional: --like ID), /api/article/ID, /api/health (JSON with the field names of --json). --threads is then the number of search workers. Any address but loopback has no
authentication unless --token FILE is given (then every API request needs "Authorization: Bearer TOKEN").)"},
      {"Exit status", R"(  0  at least one result was found (--alerts: something new; --serve: stopped by a signal)
  1  no results (--alerts: nothing new)
  2  error (bad option, missing index, a query that cannot be run, an unknown or unreadable saved search); in
     a batch or --alerts the other queries still run)"},
      {"Environment", R"(  BAHTH_INDEX      the index when --index is not given
  XDG_DATA_HOME    else the index is $XDG_DATA_HOME/bahth/index (default ~/.local/share/bahth/index)
  XDG_STATE_HOME   the prompt's history and saved searches are under $XDG_STATE_HOME/bahth
                   (default ~/.local/state)
  BAHTH_BIDI       visual or logical: overrides --bidi=auto
  NO_COLOR         not empty: no colour with --color=auto; so does TERM=dumb
  COLUMNS          the width to wrap to when the terminal does not say
  VTE_VERSION, KONSOLE_VERSION, MLTERM, TERM_PROGRAM=mintty
                   the terminal applies bidi itself (--bidi=auto)
  BAHTH_WEIGHT=bm25, BAHTH_BM25=K1,B
                   rank with BM25 instead of DLH (for relevance benchmarks))"},
      {"Files", R"(  ~/.local/share/bahth/index        the default index
  ~/.local/state/bahth/history      the prompt's history
  ~/.local/state/bahth/alerts/      the saved searches (--alert), one NAME.json each
  share/bahth/bahth-search.schema.json
                                    the JSON Schema of the --json records, under the install prefix)"},
      {"Examples", R"(  bahth-search --index ~/news.db 'بوتين الصين'
  bahth-search --index ~/news.db '"شراكة بلا حدود"' --limit 3
  bahth-search --index ~/news.db 'بوتين -أوكرانيا' --from 2022 --to 2022-06 --sort newest
  bahth-search --index ~/news.db --facets year,source 'النفط'
  bahth-search --index ~/news.db --like 003_75c0f02aeffcf6cd.txt --from 2022 --sort newest
  bahth-search --index ~/news.db --json --fields id,title,date 'title:الصين' | jq .title
  bahth-search --index ~/news.db --queries questions.tsv --threads 2 --format trec > run.trec)"},
      {"See also", "bahth-index(1), xapian-tcpsrv(1)"}};
  return h;
}

// What a command line asks for beyond a search: saving, deleting, listing or running saved searches.
enum class AlertAction { none, save, remove, list, run };

struct Options {
  AlertAction alert = AlertAction::none;
  std::string alert_name;
  std::string from_text, to_text;  // --from/--to as typed: a saved search keeps them so
  std::string sort_text = "relevance";
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

// --alert/--alerts and what goes with them; leaves o.alert at none when neither is given.
void parse_alert_options(const cxxopts::ParseResult& r, const std::vector<std::string>& words, Options& o) {
  if (!r.count("alert") && !r.count("alerts")) {
    if (r.count("list")) throw bahth::UsageError("--list goes with --alerts");
    if (r.count("delete")) throw bahth::UsageError("--delete goes with --alert NAME");
    return;
  }
  if (r.count("alert") && r.count("alerts")) throw bahth::UsageError("give either --alert NAME or --alerts, not both");
  if (r.count("queries") || r.count("interactive") || r.count("facets"))
    throw bahth::UsageError("saved searches take one query, without --queries, --interactive or --facets");
  if (r.count("alerts")) {
    if (!words.empty()) throw bahth::UsageError("--alerts runs the saved searches: give no query");
    if (r.count("delete")) throw bahth::UsageError("--delete goes with --alert NAME");
    if (r.count("index")) throw bahth::UsageError("--alerts runs each saved search on the index it was saved for: drop --index");
    for (const char* saved : {"from", "to", "sort", "no-collapse"})
      if (r.count(saved)) throw bahth::UsageError(std::string("--alerts runs each saved search with its own --") + saved);
    o.alert = r.count("list") ? AlertAction::list : AlertAction::run;
    return;
  }
  if (r.count("list")) throw bahth::UsageError("--list goes with --alerts");
  o.alert_name = r["alert"].as<std::string>();
  bahth::check_alert_name(o.alert_name);
  o.alert = r.count("delete") ? AlertAction::remove : AlertAction::save;
  if (o.alert == AlertAction::remove && !words.empty()) throw bahth::UsageError("--delete takes no query");
  if (o.alert == AlertAction::save && o.request.query.empty())
    throw bahth::UsageError("give the query to save: bahth-search --alert " + o.alert_name + " 'QUERY'");
}

int run_alert_action(const Options& o, bahth::Reporter& report) {
  switch (o.alert) {
    case AlertAction::save: {
      bahth::SavedSearch s;
      s.name = o.alert_name;
      s.query = o.request.query;
      s.from = o.from_text;
      s.to = o.to_text;
      s.sort = o.sort_text;
      s.collapse = o.request.collapse;
      s.index = o.index;
      bahth::save_alert(bahth::alerts_dir(), s, o.request, report);
      return 0;
    }
    case AlertAction::remove:
      bahth::delete_saved_search(bahth::alerts_dir(), o.alert_name);
      report.note("deleted alert " + o.alert_name);
      return 0;
    case AlertAction::list:
      return bahth::list_alerts(bahth::alerts_dir(), std::cout, report);
    default:
      return bahth::run_alerts(bahth::alerts_dir(), o.request, o.output, std::cout, report);
  }
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
  const bahth::ProgramHelp help = program_help();
  cxxopts::Options spec = bahth::option_spec(help);
  spec.add_options()
      ("i,index", "index directory (default " + bahth::default_index_path() + "), or tcp://HOST:PORT for a "
                  "shard served by xapian-tcpsrv; repeat it to search several shards as one",
       cxxopts::value<std::vector<std::string>>())
      ("n,limit", "results per query", cxxopts::value<std::size_t>()->default_value("10"))
      ("offset", "skip this many results first", cxxopts::value<std::size_t>()->default_value("0"))
      ("from", "published on or after: YYYY, YYYY-MM, YYYY-MM-DD, or a day before today: today, yesterday, "
               "7d, 4w, 3m, 1y, اليوم, أمس, 'الأسبوع الماضي', 'الشهر الماضي'", cxxopts::value<std::string>())
      ("to", "published on or before: the same forms as --from", cxxopts::value<std::string>())
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
      ("query-threads", "score each query's words on N threads at once (default: one per core, at most 4, for "
                        "one query or --interactive; 1 for --queries and --serve, whose queries run side by side)",
       cxxopts::value<unsigned>())
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
      ("alert", "save the search (the query, --from, --to, --sort, --no-collapse) as NAME; with --delete: forget it",
       cxxopts::value<std::string>())
      ("alerts", "run every saved search: print only the articles added since it last ran; with --list: list them")
      ("list", "with --alerts: list the saved searches")
      ("delete", "with --alert NAME: delete that saved search")
      ("serve", "answer over HTTP on ADDR:PORT (see below)", cxxopts::value<std::string>()->implicit_value("127.0.0.1:8080"),
       "[ADDR:PORT]")
      ("token", "--serve: every API request must carry Authorization: Bearer <the token in FILE>",
       cxxopts::value<std::string>(), "FILE")
      ("cors", "--serve: let pages from ORIGIN (e.g. https://intranet.example) call the API", cxxopts::value<std::string>(),
       "ORIGIN")
      ("time-limit", "--serve: seconds a query may run before it is stopped with an error",
       cxxopts::value<double>()->default_value("10"))
      ("q,quiet", "--serve: no access log on stderr")
      ("like", "the articles most related to the stored article ID (not it, nor its copies); a query given too "
               "only filters them", cxxopts::value<std::string>())
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
  o.sort_text = r["sort"].as<std::string>();
  o.request.sort = bahth::parse_sort_order(o.sort_text);
  o.request.ranking = ranking_from_environment();
  if (r.count("facets")) o.request.facets = bahth::parse_facets(r["facets"].as<std::string>());
  if (o.request.snippet_chars < 20) throw bahth::UsageError("--snippet-chars must be at least 20");
  o.request.today = bahth::local_today();
  if (r.count("from")) o.from_text = r["from"].as<std::string>();
  if (r.count("to")) o.to_text = r["to"].as<std::string>();
  if (r.count("from")) o.request.from = bahth::parse_date_bound(o.from_text, false, o.request.today);
  if (r.count("to")) o.request.to = bahth::parse_date_bound(o.to_text, true, o.request.today);
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
  if (r.count("query-threads")) {
    o.request.scoring_threads = r["query-threads"].as<unsigned>();
    if (o.request.scoring_threads < 1 || o.request.scoring_threads > 64)
      throw bahth::UsageError("--query-threads must be 1 to 64");
    if (r.count("serve"))
      throw bahth::UsageError("--query-threads goes with a query, --queries or --interactive (--serve: --threads)");
  } else if (!r.count("queries") && !r.count("serve")) {
    o.request.scoring_threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  }
  o.output.color = o.output.format == bahth::OutputFormat::human &&
                   bahth::use_color(bahth::parse_color_choice(r["color"].as<std::string>()), STDOUT_FILENO);
  o.output.bidi = bahth::resolve_bidi_mode(bahth::parse_bidi_mode(r["bidi"].as<std::string>()), STDOUT_FILENO);
  o.output.width = r.count("width") ? r["width"].as<std::size_t>()
                   : bahth::is_terminal(STDOUT_FILENO) ? bahth::terminal_width(STDOUT_FILENO) : 0;
  // Only what is printed is read: a snippet when one is shown, the stored text when more than ids and
  // scores are (schema::kSlotId gives the id).
  const auto asked = [&](std::initializer_list<const char*> names) {
    if (o.request.fields.empty()) return true;
    for (const char* n : names)
      if (std::find(o.request.fields.begin(), o.request.fields.end(), n) != o.request.fields.end()) return true;
    return false;
  };
  const bool json = o.output.format == bahth::OutputFormat::json;
  o.request.snippets = o.output.format == bahth::OutputFormat::human || (json && asked({"snippet", "highlights"}));
  o.request.stored = o.output.format == bahth::OutputFormat::human || o.output.format == bahth::OutputFormat::tsv ||
                     (json && asked({"title", "date", "source", "url", "snippet", "highlights"}));
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
    // Each request says these itself (/api/search?from=&sort=..., /api/related/ID): a default taken from
    // the command line would be ignored without a word.
    for (const char* one_search : {"like", "from", "to", "sort", "limit", "offset", "facets", "no-collapse", "explain",
                                   "json", "format", "count", "ids", "fields", "snippet-chars", "alert", "alerts"}) {
      if (r.count(one_search))
        throw bahth::UsageError(std::string("--") + one_search +
                                " does not go with --serve: each request gives its own (/api/search?q=...&from=..., "
                                "/api/related/ID)");
    }
    // The server answers in JSON: what shapes a terminal's text has nothing to shape.
    for (const char* terminal : {"color", "bidi", "width"}) {
      if (r.count(terminal))
        throw bahth::UsageError(std::string("--") + terminal +
                                " does not go with --serve: the server answers in JSON (the browser page lays it out)");
    }
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
  if (r.count("like")) {
    o.request.like = r["like"].as<std::string>();
    if (o.request.like.empty()) throw bahth::UsageError("--like needs the id of an indexed article");
    for (const char* other : {"queries", "interactive", "alert", "alerts"})
      if (r.count(other)) throw bahth::UsageError(std::string("--like runs one search: it does not go with --") + other);
    return o;
  }
  if (!o.queries_file.empty() && !words.empty()) throw bahth::UsageError("give either a query or --queries, not both");
  parse_alert_options(r, words, o);
  if (o.alert != AlertAction::none) return o;
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
    // A process that answers many queries reads the index through mappings; one query reads most blocks
    // once, and a page fault per page costs it more than a pread per block (search/mapped_reads.h). It also
    // keeps the keys that let a search choose its first hits in the source (search/flat_or.h), which one
    // query would read for nothing.
    if (o.serve || o.interactive || !o.queries_file.empty()) {
      bahth::map_index_reads();
      bahth::choose_first_hits_in_source();
    }
    if (o.serve) {
      code = bahth::serve(*o.serve, report);
    } else if (o.alert != AlertAction::none) {
      code = run_alert_action(o, report);
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
