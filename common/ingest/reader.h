// Reading articles from the inputs a user names: files and directories (recursive), `.txt` pages, saved
// `.html` / `.htm` pages, `.jsonl` / `.jsonl.gz` files, and `-` for JSONL on standard input.
//
// Problems with one input (unreadable, empty, binary, invalid UTF-8, malformed JSON line, no text) are
// reported through the `problem` callback with the input named, and reading goes on with the next input.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ingest/article.h"

namespace bahth {

/// Largest article (or JSON line) read, in bytes; larger ones are reported and skipped.
inline constexpr std::size_t kMaxArticleBytes = 64u << 20;

/// Name of the optional per-directory metadata file for `.txt` and `.html` articles: a TSV whose header names its
/// columns; `file` (relative to the directory) is required, and `id title source url date category author`
/// are optional. Values given there win over what is found in the page.
inline constexpr const char* kMetadataFile = "articles.tsv";

struct ReadCallbacks {
  std::function<void(Article&&)> article;          ///< one well-formed article
  std::function<void(const std::string&)> problem; ///< one line: "<input>: <cause>"; the input was skipped
};

/// Reads every input in order, calling back for each article and each problem.
/// Directories are walked recursively in name order, without following symbolic links; files there
/// whose names do not end in .txt, .html, .htm, .jsonl or .jsonl.gz are ignored. A file named on the command line
/// with another ending is a problem.
void read_inputs(const std::vector<std::string>& inputs, const ReadCallbacks& callbacks);

/// Parses one JSONL record (exposed for tests). Throws InputError naming `origin` and the cause.
Article parse_json_article(std::string_view line, const std::string& origin);

}  // namespace bahth
