// bahth-index: parse options, index the inputs, print a one-line summary, choose the exit code.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include "base/errors.h"
#include "index/run.h"
#include "index/synonym_table.h"
#include "cli/options.h"
#include "cli/reporter.h"
#include "text/stemmer.h"
#include "cli/terminal.h"
#include "text/utf8.h"

namespace {

constexpr const char* kProgram = "bahth-index";

// What --help, the man page and the completions say beyond the options (cli/options.h).
bahth::ProgramHelp program_help() {
  using bahth::ValueKind;
  bahth::ProgramHelp h;
  h.name = kProgram;
  h.summary = "Index Arabic news articles for bahth-search.";
  h.usage = "[--index DIR] [options] [--synonyms FILE] INPUT...";
  h.positional = "inputs";
  h.description = R"(Reads articles from files, directories (walked recursively, links not followed) and JSON Lines, and
adds them to a Xapian index that bahth-search reads. Every article is analysed for Arabic: normalised,
stemmed, its publication date and the dates it mentions found, near copies of one story grouped.
Re-indexing the same input skips unchanged documents (by a stored content hash) and replaces changed ones
by id; it never duplicates them. Run it daily over the same archive folders to add what is new. When the
index has grown or shrunk by a tenth, the foreign names its sources spell in two ways (ترامب and ترمب,
فيسبوك and فيس بوك) are found again, for bahth-search to search both.)";
  h.values = {{"index", ValueKind::directory, {}},
              {"stemmer", ValueKind::choice, bahth::stemmer_names()},
              {"threads", ValueKind::text, {}, "N"},
              {"delete", ValueKind::text, {}, "ID"},
              {"delete-from", ValueKind::file, {}},
              {"synonyms", ValueKind::file, {}},
              {"inputs", ValueKind::file, {}, "INPUT"}};
  h.sections = {
      {"Inputs", R"(A .txt file is one article (a scraped page: boilerplate lines are removed, the title and a dateline
are found; an articles.tsv beside it may give file, id, title, source, url, date, category, author).
A .html or .htm file is a saved page (title, date, site and body read with an HTML parser). A .jsonl or
.jsonl.gz file has one article per line: {"id", "title", "text", "date", "source", "url", "category",
"author"}. "-" reads JSON Lines from stdin. Text may be UTF-8, UTF-16 with a BOM or Windows-1256.)"},
      {"Writing the index", R"(A new index is built in parallel segments beside it (DIR.building.PID) and merged into DIR when the
run ends: an interrupted first run leaves no index. Later runs update the index in place, committing every
--batch documents: an interrupted run leaves it at its last commit. One writer at a time; searches keep
working while it writes.)"},
      {"Synonyms", R"(--synonyms FILE stores a list of equivalent words and phrases in the index; plain query words then
match their synonyms too. FILE is UTF-8, one group a line, entries separated by commas (, or ،) or tabs;
blank lines and # comments are skipped; each entry is normalised like a query. A line that cannot be used
is reported as FILE:LINE and skipped (exit status 2), the others are stored. With inputs, the list is
stored when they are written; without inputs, it replaces the existing index's list (the old one is gone)
and touches no document: no rebuild. An empty file (/dev/null) clears it. A list for Arabic news is
installed as share/bahth/synonyms-news.txt.)"},
      {"Output for scripts", R"(--dry-run --json writes one JSON object per article, what would be stored: id, title, source, url,
category, date ({"value", "source"}: where the date came from), origin, encoding, text_chars, terms,
duplicate_of (the id of the first copy, or null) and mentioned_dates ([{"text", "start", "end", "value",
"precision", "calendar"}]).)"},
      {"Exit status", R"(  0  every input was indexed
  2  an input was skipped (reported on stderr, the rest was indexed), or the run failed (index locked,
     unwritable, bad option): then the index is left at its last commit (a new index is not created))"},
      {"Environment", R"(  BAHTH_INDEX         the index when --index is not given
  XDG_DATA_HOME       else the index is $XDG_DATA_HOME/bahth/index (default ~/.local/share/bahth/index)
  BAHTH_SEGMENT_DOCS  documents per segment generation of a new index (tests and benchmarks))"},
      {"Files", R"(  ~/.local/share/bahth/index   the default index
  DIR.building.PID             a new index being built (removed by the next run if left behind)
  articles.tsv                 beside .txt inputs: their metadata, a line per file)"},
      {"Examples", R"(  bahth-index --index ~/news.db archive/
  bahth-index --index ~/news.db today.jsonl.gz
  zcat feed.jsonl.gz | bahth-index --index ~/news.db -
  bahth-index --dry-run --json corpus/
  bahth-index --index /srv/news.db --prune /srv/archive      # a crontab line: keep a folder indexed)"},
      {"See also", "bahth-search(1), xapian-delve(1), xapian-compact(1)"}};
  return h;
}

struct Options {
  bahth::IndexRunOptions run;
  std::vector<std::string> inputs;
  std::optional<bahth::SynonymFile> synonyms;  // --synonyms, read before any work
  std::string synonyms_path;
  bool quiet = false;
  bool progress = false;  // a progress line on stderr, rewritten in place (a terminal, not --quiet)
};

Options parse_options(int argc, char** argv) {
  const bahth::ProgramHelp help = program_help();
  cxxopts::Options spec = bahth::option_spec(help);
  std::string stemmers;
  for (const auto& n : bahth::stemmer_names()) stemmers += (stemmers.empty() ? "" : "|") + n;
  spec.add_options()
      ("i,index", "index directory (created if missing)", cxxopts::value<std::string>()->default_value(bahth::default_index_path()))
      ("stemmer", "stemmer for a new index: " + stemmers + " (an existing index keeps its own)",
       cxxopts::value<std::string>()->default_value(""))
      ("n,dry-run", "analyse the inputs and print what would be stored; do not touch the index")
      ("json", "with --dry-run: one JSON line per document")
      ("batch", "documents per commit", cxxopts::value<std::size_t>()->default_value("10000"))
      ("threads", "threads: one reads, the others analyse; as many write a new index (default: one per core)",
       cxxopts::value<std::size_t>())
      ("shards", "a new index split into N shards (routed by a hash of the id); search it as one index",
       cxxopts::value<std::size_t>()->default_value("0"))
      ("in-place", "write a new index in place, searchable at every commit (slower; a new index is otherwise "
                   "built in parallel segments and appears when the run ends)")
      ("prune", "delete documents whose source file no longer exists under the inputs given")
      ("delete", "delete the document with this id (repeatable)", cxxopts::value<std::vector<std::string>>())
      ("delete-from", "delete the documents whose ids are listed in FILE, one per line (- for stdin)",
       cxxopts::value<std::string>())
      ("synonyms", "store the synonym groups of FILE in the index, replacing its list (without inputs: only that)",
       cxxopts::value<std::string>())
      ("q,quiet", "no progress line and no summary")
      ("inputs", "files, directories or -", cxxopts::value<std::vector<std::string>>());
  const cxxopts::ParseResult r = bahth::parse_command_line(spec, argc, argv, help);
  Options o;
  o.run.index = r["index"].as<std::string>();
  o.run.stemmer = r["stemmer"].as<std::string>();
  if (!o.run.stemmer.empty()) bahth::make_stemmer(o.run.stemmer);  // check the name before any work
  o.run.dry_run = r.count("dry-run") > 0;
  o.run.json = r.count("json") > 0;
  o.run.batch = r["batch"].as<std::size_t>();
  // One per core, counted here rather than as a cxxopts default, so the man page does not carry the
  // build machine's count.
  o.run.threads = r.count("threads") ? r["threads"].as<std::size_t>() : std::max(1u, std::thread::hardware_concurrency());
  if (o.run.threads < 1 || o.run.threads > 64) throw bahth::UsageError("--threads must be 1 to 64");
  o.quiet = r.count("quiet") > 0;
  if (o.run.json && !o.run.dry_run) throw bahth::UsageError("--json goes with --dry-run");
  if (o.run.batch == 0) throw bahth::UsageError("--batch must be at least 1");
  if (r.count("inputs")) o.inputs = r["inputs"].as<std::vector<std::string>>();
  o.run.prune = r.count("prune") > 0;
  o.run.in_place = r.count("in-place") > 0;
  o.run.shards = r["shards"].as<std::size_t>();
  if (o.run.shards > 256) throw bahth::UsageError("--shards must be at most 256");
  if (r.count("delete")) o.run.delete_ids = r["delete"].as<std::vector<std::string>>();
  if (r.count("delete-from")) {
    const std::string path = r["delete-from"].as<std::string>();
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path);
      if (!file) throw bahth::UsageError("cannot open " + path);
      in = &file;
    }
    for (std::string line; std::getline(*in, line);) {
      std::string_view id = bahth::trim(line);
      if (!id.empty() && id[0] != '#') o.run.delete_ids.emplace_back(id);
    }
  }
  if (r.count("synonyms")) {
    o.synonyms_path = r["synonyms"].as<std::string>();
    std::ifstream file(o.synonyms_path);
    std::error_code ec;
    if (!file || std::filesystem::is_directory(o.synonyms_path, ec)) throw bahth::UsageError("cannot open " + o.synonyms_path);
    o.synonyms = bahth::read_synonyms(file, o.synonyms_path, bahth::Analyzer(bahth::default_stemmer_name()));
    o.run.synonyms = o.synonyms->groups;
  }
  if (o.inputs.empty() && o.run.delete_ids.empty() && !o.synonyms)
    throw bahth::UsageError("no input given (files, directories, or - for JSONL on stdin)");
  if (o.run.prune && o.inputs.empty()) throw bahth::UsageError("--prune needs the inputs whose deleted files to prune");
  if (o.run.index.empty() && !o.run.dry_run) throw bahth::UsageError("--index must not be empty");
  o.progress = !o.quiet && bahth::is_terminal(STDERR_FILENO);
  // Documents per segment generation of a new index, for benchmarks and tests (many generations from a
  // small input); not an option, the default is measured (segments.h).
  if (const char* e = std::getenv("BAHTH_SEGMENT_DOCS")) o.run.segment_docs = static_cast<std::size_t>(std::max(1L, std::atol(e)));
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  return bahth::run_program(kProgram, [&] {
    const Options o = parse_options(argc, argv);
    bahth::StderrReporter report(kProgram, std::cerr, o.progress);
    if (o.synonyms) for (const std::string& p : o.synonyms->problems) report.problem(p);
    const bool bad_synonyms = o.synonyms && !o.synonyms->problems.empty();
    if (o.inputs.empty() && o.run.delete_ids.empty()) {  // --synonyms alone: the list replaced, no document touched
      if (o.run.dry_run) return bad_synonyms ? 2 : 0;
      bahth::store_synonyms(o.run.index, o.synonyms->groups);
      if (!o.quiet)
        report.note(std::to_string(o.synonyms->groups.size()) + " synonym groups from " + o.synonyms_path +
                    " stored in " + o.run.index + " (its previous list replaced)");
      return bad_synonyms ? 2 : 0;
    }
    const bahth::IndexStats s = bahth::run_index(o.inputs, o.run, std::cout, report);
    std::cout.flush();
    if (!o.quiet) {
      char secs[32];
      std::snprintf(secs, sizeof secs, "%.2f", s.seconds);
      report.note(std::to_string(s.added) + (o.run.dry_run ? " analysed, " : " added, ") + std::to_string(s.replaced) +
                  " replaced, " + std::to_string(s.unchanged) + " unchanged, " + std::to_string(s.deleted) +
                  " deleted, " + std::to_string(s.skipped) + " skipped in " + secs + " s" +
                  (o.run.dry_run ? " (dry run, index untouched)" : " into " + o.run.index));
    }
    return s.skipped || bad_synonyms ? 2 : 0;
  });
}
