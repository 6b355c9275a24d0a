#include "output.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "errors.h"
#include "text.h"

namespace bahth {

namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kMatch = "\x1b[1;31m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";

using Json = nlohmann::ordered_json;  // keeps "type" first, fields in documented order

Json or_null(const std::string& s) { return s.empty() ? Json() : Json(s); }

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string format_score(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", score);
  return buf;
}

// TSV fields cannot hold tabs or newlines.
std::string tsv_field(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace

OutputFormat parse_output_format(const std::string& s) {
  if (s == "human") return OutputFormat::human;
  if (s == "json") return OutputFormat::json;
  if (s == "tsv") return OutputFormat::tsv;
  if (s == "trec") return OutputFormat::trec;
  throw UsageError("--format must be human, json, tsv or trec, not '" + s + "'");
}

std::string group_thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

void ResultWriter::write(const std::string& query_id, const std::string& query, const SearchRequest& request,
                         const SearchResult& result, double elapsed_ms) {
  switch (opt_.format) {
    case OutputFormat::human:
      human(request, result, elapsed_ms);
      break;
    case OutputFormat::json: {
      out_ << dump({{"type", "begin"}, {"query_id", query_id}, {"query", query}}) << '\n';
      for (const Hit& h : result.hits) {
        Json spans = Json::array();
        for (const auto& [from, to] : h.snippet.spans) {
          const std::size_t start = code_point_offset(h.snippet.text, from);
          spans.push_back({start, start + count_code_points(std::string_view(h.snippet.text).substr(from, to - from))});
        }
        out_ << dump({{"type", "hit"},
                      {"query_id", query_id},
                      {"rank", h.rank},
                      {"id", h.id},
                      {"score", h.score},
                      {"title", h.title},
                      {"date", or_null(h.date)},
                      {"source", or_null(h.source)},
                      {"url", or_null(h.url)},
                      {"snippet", h.snippet.text},
                      {"highlights", spans}})
             << '\n';
      }
      out_ << dump({{"type", "summary"},
                    {"query_id", query_id},
                    {"query", query},
                    {"estimated_matches", result.estimated},
                    {"returned", result.hits.size()},
                    {"offset", request.offset},
                    {"elapsed_ms", static_cast<double>(static_cast<long>(elapsed_ms * 1000)) / 1000},
                    {"warnings", result.warnings}})
           << '\n';
      break;
    }
    case OutputFormat::tsv:
      for (const Hit& h : result.hits) {
        out_ << tsv_field(query_id) << '\t' << h.rank << '\t' << tsv_field(h.id) << '\t' << format_score(h.score)
             << '\t' << h.date << '\t' << tsv_field(h.title) << '\n';
      }
      break;
    case OutputFormat::trec:
      for (const Hit& h : result.hits) {
        out_ << query_id << " Q0 " << h.id << ' ' << h.rank << ' ' << format_score(h.score) << ' ' << opt_.run_tag
             << '\n';
      }
      break;
  }
}

void ResultWriter::write_error(const std::string& query_id, const std::string& query, const std::string& message) {
  if (opt_.format == OutputFormat::json)
    out_ << dump({{"type", "error"}, {"query_id", query_id}, {"query", query}, {"error", message}}) << '\n';
}

void ResultWriter::human(const SearchRequest& request, const SearchResult& result, double elapsed_ms) {
  const bool c = opt_.color;
  const std::size_t width = std::to_string(request.offset + result.hits.size()).size();
  for (const Hit& h : result.hits) {
    std::string rank = std::to_string(h.rank);
    rank.insert(0, width - rank.size(), ' ');
    out_ << rank << ". " << (c ? kBold : "") << (h.title.empty() ? h.id : h.title) << (c ? kReset : "") << '\n';
    std::string meta;
    for (const std::string* part : {&h.date, &h.source, &h.id}) {
      if (part->empty()) continue;
      if (!meta.empty()) meta += " · ";
      meta += *part;
    }
    const std::string indent(width + 2, ' ');
    out_ << indent << (c ? kDim : "") << meta << (c ? kReset : "") << '\n';
    if (!h.snippet.text.empty()) {
      out_ << indent;
      std::size_t at = 0;
      for (const auto& [from, to] : h.snippet.spans) {
        out_ << h.snippet.text.substr(at, from - at);
        out_ << (c ? kMatch : "") << h.snippet.text.substr(from, to - from) << (c ? kReset : "");
        at = to;
      }
      out_ << h.snippet.text.substr(at) << '\n';
    }
    out_ << '\n';
  }
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.1f", elapsed_ms);
  if (result.hits.empty()) {
    out_ << "no results";
    if (result.estimated > 0) out_ << " on this page (about " << group_thousands(result.estimated) << " in all)";
  } else {
    out_ << "about " << group_thousands(result.estimated) << (result.estimated == 1 ? " result" : " results")
         << " (" << request.offset + 1 << "–" << request.offset + result.hits.size() << " shown)";
  }
  out_ << " in " << ms << " ms\n";
}

}  // namespace bahth
