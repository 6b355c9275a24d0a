// Synonyms files: bahth::read_synonyms on raw bytes, then every group's entries looked up by parse_query as a
// query's synonyms (search/query.h: SynonymLookup), each entry and the whole line searched as a query.
//
// Invariants: read_synonyms never throws; every group has at least two different entries, each non-empty
// valid UTF-8 of at most kMaxSynonymBytes with words joined by single spaces; every problem names its line
// and is valid UTF-8; parse_query with the groups throws nothing but QueryError and its warnings are valid
// UTF-8.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <sstream>
#include <string>

#include "base/errors.h"
#include "fuzz_check.h"
#include "index/synonyms_file.h"
#include "search/query.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bahth::Analyzer analyzer("light");
  std::istringstream in(std::string(fuzz::as_text(data, size)));
  bahth::SynonymFile file;
  try {
    file = bahth::read_synonyms(in, "fuzz.txt", analyzer);
  } catch (const std::exception& e) {
    fuzz::unexpected_exception("read_synonyms", e.what());
  }
  std::map<std::string, std::vector<std::string>> table;  // what synonym_table.h would store
  for (const bahth::SynonymGroup& g : file.groups) {
    FUZZ_CHECK(g.entries.size() >= 2);
    for (const std::string& e : g.entries) {
      FUZZ_CHECK(!e.empty() && e.size() <= bahth::kMaxSynonymBytes && fuzz::valid_utf8(e));
      FUZZ_CHECK(e.front() != ' ' && e.back() != ' ' && e.find("  ") == std::string::npos);
      for (const std::string& other : g.entries)
        if (&other != &e) {
          FUZZ_CHECK(other != e);
          table[e].push_back(other);
        }
    }
  }
  for (const std::string& p : file.problems) FUZZ_CHECK(p.rfind("fuzz.txt:", 0) == 0 && fuzz::valid_utf8(p));

  const bahth::SynonymLookup lookup = [&table](const std::string& word) {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (auto it = table.lower_bound(word); it != table.end() && it->first.compare(0, word.size(), word) == 0; ++it)
      if (it->first.size() == word.size() || it->first[word.size()] == ' ') out.emplace_back(*it);
    return out;
  };
  std::vector<std::string> queries;
  for (const auto& [key, synonyms] : table) queries.push_back(key + " x");
  if (file.problems.empty()) queries.emplace_back(fuzz::as_text(data, size));
  for (const std::string& q : queries) {
    try {
      const bahth::ParsedQuery parsed = bahth::parse_query(q, analyzer, bahth::CivilDate{2024, 2, 29}, {}, lookup);
      for (const auto& w : parsed.warnings) FUZZ_CHECK(fuzz::valid_utf8(w));
      (void)parsed.query.get_description();
    } catch (const bahth::QueryError&) {
    } catch (const std::exception& e) {
      fuzz::unexpected_exception("parse_query", e.what());
    }
  }
  return 0;
}
