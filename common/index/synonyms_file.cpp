#include "index/synonyms_file.h"

#include <algorithm>
#include <optional>

#include "text/utf8.h"

namespace bahth {

namespace {

// The entries of a line as written, split at , ، and tab.
std::vector<std::string_view> split_entries(std::string_view line) {
  static constexpr std::string_view kArabicComma = "\xD8\x8C";  // U+060C
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size();) {
    std::size_t width = 0;
    if (i == line.size()) width = 1;
    else if (line[i] == ',' || line[i] == '\t') width = 1;
    else if (line.substr(i, kArabicComma.size()) == kArabicComma) width = kArabicComma.size();
    if (width == 0) {
      ++i;
      continue;
    }
    out.push_back(line.substr(start, i - start));
    i += width;
    start = i;
  }
  return out;
}

// Whether a space-separated part of `normalized` is longer than a term's word may be: tokenize() leaves such
// words out without a word, and an entry must not silently lose one.
bool has_long_word(std::string_view normalized) {
  std::size_t run = 0;
  for (char c : normalized) {
    run = c == ' ' || c == '\t' ? 0 : run + 1;
    if (run > Analyzer::kMaxWordBytes) return true;
  }
  return false;
}

}  // namespace

SynonymFile read_synonyms(std::istream& in, const std::string& name, const Analyzer& analyzer) {
  SynonymFile file;
  std::string line;
  std::size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string origin = name + ":" + std::to_string(lineno);
    auto problem = [&](const std::string& cause) { file.problems.push_back(origin + ": " + cause + "; skipped"); };
    if (auto bad = find_invalid_utf8(line)) {
      problem("not valid UTF-8 (byte " + std::to_string(*bad + 1) + ")");
      continue;
    }
    const std::string_view text = trim(line);
    if (text.empty() || text[0] == '#') continue;
    SynonymGroup group;
    group.origin = origin;
    std::optional<std::string> cause;
    for (std::string_view written : split_entries(text)) {
      written = trim(written);
      if (written.empty()) continue;  // "a,,b" or a trailing comma
      // The words as the query parser sees them; tokenize() drops over-long words, so look for them here.
      std::string entry;
      for (const Token& t : analyzer.tokenize(written)) entry += (entry.empty() ? "" : " ") + t.form;
      if (has_long_word(analyzer.normalize(written))) {
        cause = "\"" + std::string(written) + "\" has a word longer than " + std::to_string(Analyzer::kMaxWordBytes) +
                " bytes";
        break;
      }
      if (entry.empty()) {
        cause = "\"" + std::string(written) + "\" has no searchable word";
        break;
      }
      if (entry.size() > kMaxSynonymBytes) {
        cause = "\"" + std::string(written) + "\" is longer than " + std::to_string(kMaxSynonymBytes) + " bytes";
        break;
      }
      if (std::find(group.entries.begin(), group.entries.end(), entry) == group.entries.end())
        group.entries.push_back(std::move(entry));
    }
    if (!cause && group.entries.size() < 2) cause = "a group needs at least two different entries";
    if (cause) problem(*cause);
    else file.groups.push_back(std::move(group));
  }
  return file;
}

}  // namespace bahth
