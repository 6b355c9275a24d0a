// Search results as JSON: the hit, facet and summary objects that `bahth-search --json` writes as JSON Lines
// (cli/output.h documents the envelope) and that the server answers /api/search with (serve/api.h). One
// builder, so the two front ends cannot disagree on a field name or a highlight offset.
//
// The objects carry only their own fields; the JSON Lines writer puts "type" and "query_id" in front.
// Text that is not valid UTF-8 (never the case for stored articles) is replaced by U+FFFD when dumped.
//
// Example:
//   bahth::Json hit = bahth::hit_json(result.hits[0], false);   // {"rank":1,"id":"...","score":...,...}
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/searcher.h"

namespace bahth {

using Json = nlohmann::ordered_json;  // fields in the documented order

/// {"rank","id","score","title","date","source","url","snippet","highlights","duplicates"} and, when
/// `explain`, "explain"; absent date, source and url are null. highlights are [start, end) code points.
Json hit_json(const Hit& hit, bool explain);

/// Only the fields of `hit` named in `fields` (all of them when `fields` is empty), in the order of `fields`.
Json keep_fields(const Json& hit, const std::vector<std::string>& fields);

/// [{"value","count"},...] of one facet.
Json facet_values_json(const Facet& facet);

/// {"query","estimated_matches","returned","offset","elapsed_ms","warnings"}.
Json summary_json(const std::string& query, const SearchRequest& request, const SearchResult& result,
                  double elapsed_ms);

/// Byte ranges of `text` as [start, end) code point offsets: [[s,e],...].
Json code_point_spans(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& spans);

/// One line of compact JSON.
std::string dump_json(const Json& j);

}  // namespace bahth
