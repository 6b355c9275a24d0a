#include "cli/output.h"

#include <algorithm>
#include <cstdio>

#include "base/errors.h"
#include "cli/layout.h"
#include "search/result_json.h"

namespace bahth {

namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kMatch = "\x1b[1;31m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";

// Styles of StyledRun (layout.h) in human output.
constexpr int kStyleTitle = 1, kStyleMeta = 2, kStyleMatch = 3;

// "2022-02-05" → "5 فبراير 2022": the month name most Arabic news sites print.
std::string arabic_date(const std::string& iso) {
  static const char* months[] = {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
                                 "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12) return iso;
  return std::to_string(d) + " " + months[m - 1] + " " + std::to_string(y);
}

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

OutputFormat parse_output_format(const std::string& s) { return parse_choice(kOutputFormats, s, "--format"); }

const std::vector<std::string>& hit_field_names() {
  static const std::vector<std::string> names{"rank", "id", "score", "title", "date", "source", "url",
                                              "snippet", "highlights", "duplicates", "explain"};
  return names;
}

std::vector<std::string> parse_hit_fields(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    std::string f = list.substr(start, comma - start);
    start = comma + 1;
    if (f.empty()) continue;
    const auto& names = hit_field_names();
    if (std::find(names.begin(), names.end(), f) == names.end()) {
      std::string valid;
      for (const auto& n : names) valid += (valid.empty() ? "" : ", ") + n;
      throw UsageError("unknown field '" + f + "' (valid: " + valid + ")");
    }
    out.push_back(f);
  }
  return out;
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
      out_ << dump_json({{"type", "begin"}, {"query_id", query_id}, {"query", query}}) << '\n';
      for (const Hit& h : result.hits) {
        Json hit = {{"type", "hit"}, {"query_id", query_id}};
        hit.update(keep_fields(hit_json(h, request.explain), request.fields));
        out_ << dump_json(hit) << '\n';
      }
      for (const Facet& f : result.facets)
        out_ << dump_json({{"type", "facet"}, {"query_id", query_id}, {"facet", f.name}, {"values", facet_values_json(f)}})
             << '\n';
      Json summary = {{"type", "summary"}, {"query_id", query_id}};
      summary.update(summary_json(query, request, result, elapsed_ms));
      out_ << dump_json(summary) << '\n';
      break;
    }
    case OutputFormat::tsv:
      for (const Hit& h : result.hits) {
        out_ << tsv_field(query_id) << '\t' << h.rank << '\t' << tsv_field(h.id) << '\t' << format_score(h.score)
             << '\t' << h.date << '\t' << tsv_field(h.title) << '\n';
      }
      break;
    case OutputFormat::count:
      if (query_id != "1" || opt_.batch) out_ << query_id << '\t';
      out_ << result.estimated << '\n';
      break;
    case OutputFormat::ids:
      for (const Hit& h : result.hits) out_ << h.id << '\n';
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
    out_ << dump_json({{"type", "error"}, {"query_id", query_id}, {"query", query}, {"error", message}}) << '\n';
}

// Facets as a compact table: years and months as a histogram in time order, other facets as their ten most
// frequent values.
void ResultWriter::facets(const std::vector<Facet>& facets) {
  const bool c = opt_.color;
  for (const Facet& f : facets) {
    const bool timeline = f.name == "year" || f.name == "month" || f.name == "mentioned-year";
    std::vector<FacetValue> shown = f.values;
    if (!timeline && shown.size() > 10) shown.resize(10);
    std::size_t label = 0, widest = 0;
    Xapian::doccount most = 1;
    for (const FacetValue& v : shown) {
      label = std::max(label, display_width(v.value));
      widest = std::max(widest, group_thousands(v.count).size());
      most = std::max(most, v.count);
    }
    out_ << (c ? kBold : "") << f.name << (c ? kReset : "");
    if (shown.empty()) out_ << "  (none)";
    out_ << '\n';
    for (const FacetValue& v : shown) {
      const std::string n = group_thousands(v.count);
      out_ << "  " << v.value << std::string(label - display_width(v.value), ' ') << "  "
           << std::string(widest - n.size(), ' ') << n;
      if (timeline) {
        const std::size_t bar = std::max<std::size_t>(1, static_cast<std::size_t>(v.count) * 40 / most);
        out_ << "  " << (c ? kDim : "");
        for (std::size_t i = 0; i < bar; ++i) out_ << "█";
        out_ << (c ? kReset : "");
      }
      out_ << '\n';
    }
    if (!timeline && f.values.size() > shown.size()) out_ << "  … " << f.values.size() - shown.size() << " more\n";
    out_ << '\n';
  }
}

// One logical line, wrapped to the terminal width and put in visual order when asked, styles as colours.
void ResultWriter::print(const StyledLine& line, const std::string& indent) {
  const std::size_t room = opt_.width > indent.size() + 10 ? opt_.width - indent.size() : 0;
  for (const StyledLine& part : room ? wrap(line, room) : std::vector<StyledLine>{line}) {
    out_ << indent;
    for (const StyledRun& r : opt_.bidi == BidiMode::visual ? to_visual(part) : part) {
      const char* on = !opt_.color ? "" : r.style == kStyleTitle ? kBold : r.style == kStyleMeta ? kDim
                     : r.style == kStyleMatch ? kMatch : "";
      out_ << on << r.text << (*on ? kReset : "");
    }
    out_ << '\n';
  }
}

void ResultWriter::human(const SearchRequest& request, const SearchResult& result, double elapsed_ms) {
  const bool c = opt_.color;
  const std::size_t width = std::to_string(request.offset + result.hits.size()).size();
  for (const Hit& h : result.hits) {
    std::string rank = std::to_string(h.rank);
    rank.insert(0, width - rank.size(), ' ');
    out_ << rank << ". ";
    const std::string indent(width + 2, ' ');
    // The title's continuation lines are indented under it; its first line follows the rank.
    std::vector<StyledLine> title = opt_.width > indent.size() + 10
                                        ? wrap({{h.title.empty() ? h.id : h.title, kStyleTitle}}, opt_.width - indent.size())
                                        : std::vector<StyledLine>{{{h.title.empty() ? h.id : h.title, kStyleTitle}}};
    for (std::size_t i = 0; i < title.size(); ++i) {
      if (i) out_ << indent;
      for (const StyledRun& r : opt_.bidi == BidiMode::visual ? to_visual(title[i]) : title[i])
        out_ << (c ? kBold : "") << r.text << (c ? kReset : "");
      out_ << '\n';
    }
    std::string meta;
    const std::string when = h.date.empty() ? std::string() : h.date + " (" + arabic_date(h.date) + ")";
    for (const std::string* part : {&when, &h.source, &h.id}) {
      if (part->empty()) continue;
      if (!meta.empty()) meta += " · ";
      meta += *part;
    }
    if (h.duplicates) meta += " · +" + std::to_string(h.duplicates) + (h.duplicates == 1 ? " copy" : " copies");
    print({{meta, kStyleMeta}}, indent);
    if (!h.snippet.text.empty()) {
      StyledLine snippet;
      std::size_t at = 0;
      for (const auto& [from, to] : h.snippet.spans) {
        if (from > at) snippet.push_back({h.snippet.text.substr(at, from - at), 0});
        snippet.push_back({h.snippet.text.substr(from, to - from), kStyleMatch});
        at = to;
      }
      if (at < h.snippet.text.size()) snippet.push_back({h.snippet.text.substr(at), 0});
      print(snippet, indent);
    }
    if (request.explain && !h.explain.empty()) {
      // A small table: weight, the query's scale factor, field, occurrences, documents holding the term, the term.
      char line[128];
      out_ << indent << (c ? kDim : "") << "  weight  scale  field          wdf      docs  term" << (c ? kReset : "")
           << '\n';
      for (const TermContribution& t : h.explain) {
        const bool phrase = t.field.find("phrase") != std::string::npos;  // no counts of its own
        std::snprintf(line, sizeof line, "%8.3f  %5.2f  %-12s %5s %9s  ", t.weight, t.scale, t.field.c_str(),
                      phrase ? "-" : std::to_string(t.wdf).c_str(), phrase ? "-" : std::to_string(t.docs).c_str());
        out_ << indent << line << t.word;
        // The forms the hit holds, where they are not just the word's own key: معلمون (معلمين، معلم).
        if (!(t.forms.size() == 1 && t.forms[0] == t.word) && !t.forms.empty()) {
          out_ << " (";
          for (std::size_t k = 0; k < t.forms.size(); ++k) out_ << (k ? "، " : "") << t.forms[k];
          out_ << ')';
        }
        out_ << '\n';
      }
    }
    out_ << '\n';
  }
  facets(result.facets);
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
