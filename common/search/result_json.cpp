#include "search/result_json.h"

#include "text/utf8.h"

namespace bahth {

namespace {

Json or_null(const std::string& s) { return s.empty() ? Json() : Json(s); }

}  // namespace

Json code_point_spans(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  Json out = Json::array();
  // Offsets are counted from the previous span on, not from the start each time: a whole article has
  // hundreds of matches.
  std::size_t byte = 0, chars = 0;
  for (const auto& [from, to] : spans) {
    if (from < byte) byte = chars = 0;  // not in order: count from the start
    chars += count_code_points(text.substr(byte, from - byte));
    const std::size_t length = count_code_points(text.substr(from, to - from));
    out.push_back({chars, chars + length});
    byte = to;
    chars += length;
  }
  return out;
}

Json hit_json(const Hit& h, bool explain) {
  Json hit = {{"rank", h.rank},
              {"id", h.id},
              {"score", h.score},
              {"title", h.title},
              {"date", or_null(h.date)},
              {"source", or_null(h.source)},
              {"url", or_null(h.url)},
              {"snippet", h.snippet.text},
              {"highlights", code_point_spans(h.snippet.text, h.snippet.spans)},
              {"duplicates", h.duplicates}};
  if (explain) {
    Json terms = Json::array();
    for (const TermContribution& t : h.explain)
      terms.push_back({{"term", t.word}, {"forms", t.forms}, {"field", t.field}, {"wdf", t.wdf}, {"docs", t.docs}, {"scale", t.scale},
                       {"weight", t.weight}});
    hit["explain"] = std::move(terms);
  }
  return hit;
}

Json keep_fields(const Json& hit, const std::vector<std::string>& fields) {
  if (fields.empty()) return hit;
  Json kept = Json::object();
  for (const std::string& f : fields) {
    if (hit.contains(f)) kept[f] = hit[f];
  }
  return kept;
}

Json facet_values_json(const Facet& f) {
  Json values = Json::array();
  for (const FacetValue& v : f.values) values.push_back({{"value", v.value}, {"count", v.count}});
  return values;
}

Json summary_json(const std::string& query, const SearchRequest& request, const SearchResult& result,
                  double elapsed_ms) {
  return {{"query", query},
          {"estimated_matches", result.estimated},
          {"returned", result.hits.size()},
          {"offset", request.offset},
          {"elapsed_ms", static_cast<double>(static_cast<long>(elapsed_ms * 1000)) / 1000},
          {"warnings", result.warnings}};
}

std::string dump_json(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace bahth
