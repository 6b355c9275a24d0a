#include "searcher.h"

#include <nlohmann/json.hpp>

#include "errors.h"
#include "schema.h"
#include "stemmer.h"
#include "text.h"

namespace bahth {

namespace {

std::string field(const nlohmann::json& data, const char* key) {
  auto it = data.find(key);
  return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

}  // namespace

std::string parse_date_bound(const std::string& text, bool upper) {
  // Arabic-Indic and Persian digits to ASCII; anything else must be digits and '-'.
  std::string s;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = next_code_point(text, i);
    if (c >= 0x0660 && c <= 0x0669) c = U'0' + (c - 0x0660);
    else if (c >= 0x06F0 && c <= 0x06F9) c = U'0' + (c - 0x06F0);
    if ((c >= U'0' && c <= U'9') || c == U'-' || c == U'/') s.push_back(c == U'/' ? '-' : static_cast<char>(c));
    else throw UsageError("date '" + text + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
  }
  int y = 0, m = 0, d = 0;
  char extra = 0;
  const int n = std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra);
  const bool shape_ok = (n == 1 && s.size() == 4) || (n == 2 && s.size() == 7) || (n == 3 && s.size() == 10);
  if (!shape_ok || y < 1 || (n >= 2 && (m < 1 || m > 12)) || (n == 3 && (d < 1 || d > days_in_month(y, m))))
    throw UsageError("date '" + text + "' is not a valid YYYY, YYYY-MM or YYYY-MM-DD");
  if (n < 2) m = upper ? 12 : 1;
  if (n < 3) d = upper ? days_in_month(y, m) : 1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
  return buf;
}

Searcher::Searcher(const std::string& path) : path_(path) {
  with_index_errors(path, [&] { db_ = Xapian::Database(path); });
  std::string stemmer = db_.get_metadata(schema::kMetaStemmer);
  if (stemmer.empty()) {
    if (db_.get_doccount() > 0)
      throw IndexError("index " + path + " was not built by bahth-index (no stemmer recorded)");
    stemmer = default_stemmer_name();
  }
  analyzer_ = std::make_unique<Analyzer>(stemmer);
}

SearchResult Searcher::search(const SearchRequest& req) const {
  SearchResult result;
  ParsedQuery parsed = parse_query(req.query, *analyzer_);
  result.warnings = parsed.warnings;
  Xapian::Query query = parsed.query;
  if (!req.from.empty() || !req.to.empty()) {
    Xapian::Query range = req.to.empty()     ? Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, req.from)
                          : req.from.empty() ? Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, req.to)
                                             : Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate,
                                                             req.from, req.to);
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, range);
  }
  with_index_errors(path_, [&] {
    for (int attempt = 0;; ++attempt) {
      try {
        Xapian::Enquire enquire(db_);
        enquire.set_query(query);
        Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(req.offset),
                                             static_cast<Xapian::doccount>(req.limit));
        result.estimated = mset.get_matches_estimated();
        result.hits.clear();
        std::size_t rank = req.offset;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
          Hit h;
          h.rank = ++rank;
          h.score = it.get_weight();
          const nlohmann::json data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
          h.id = field(data, "id");
          h.title = field(data, "title");
          h.date = field(data, "date");
          h.source = field(data, "source");
          h.url = field(data, "url");
          h.category = field(data, "category");
          if (req.snippets) h.snippet = make_snippet(field(data, "text"), parsed.match, *analyzer_, req.snippet_chars);
          result.hits.push_back(std::move(h));
        }
        return;
      } catch (const Xapian::DatabaseModifiedError&) {
        // A writer committed while we read: reopen at the new revision and run the query again.
        if (attempt >= 3) throw;
        db_.reopen();
      }
    }
  });
  return result;
}

}  // namespace bahth
