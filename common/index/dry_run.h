// What `bahth-index --dry-run` prints: one line per article describing what would be stored, without
// touching any index. With --json a line is a JSON object (describe_document, plus the id of the first
// described article it duplicates and the dates its text mentions); without, a tab-separated summary.
//
// It has no index to look duplicates up in, so it remembers the articles it has described (exactly equal
// ones by their cluster key, near copies in a NearDuplicateMemory, dedup.h).
#pragma once

#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include "dates/mentions.h"
#include "index/dedup.h"
#include "ingest/article.h"

namespace bahth {

/// The description of one article and its document: id, title, source, url, category, date (value and
/// source), origin, encoding, text_chars and the number of terms.
nlohmann::ordered_json describe_document(const Article& a, const Xapian::Document& doc);

/// The dates a text mentions as `--dry-run --json` writes them (its "mentioned_dates"; the server's article
/// answer too): [{"text","start","end","value","range","precision","calendar"[,"warning"]},...], offsets in code points.
nlohmann::ordered_json date_mentions_json(const std::vector<DateMention>& mentioned);

class DryRun {
 public:
  /// Prints on `out`: JSON Lines when `json`, else tab-separated lines.
  DryRun(std::ostream& out, bool json) : out_(out), json_(json) {}

  /// Prints the line of `a`, whose document is `doc` and whose text mentions `mentioned`.
  void describe(const Article& a, const Xapian::Document& doc, const std::vector<DateMention>& mentioned);

 private:
  // The id of the first described document that `doc` duplicates exactly, else of its nearest near copy.
  nlohmann::ordered_json duplicate_of(const Xapian::Document& doc, const std::string& id);

  std::ostream& out_;
  bool json_;
  std::unordered_map<std::string, std::string> exact_;  // cluster key → first id
  NearDuplicateMemory near_;
  std::vector<std::string> ids_;  // by near_ entry
};

}  // namespace bahth
