#include "ingest/cleanup.h"

#include <array>
#include <vector>

#include "dates/dateline.h"
#include "text/chars.h"
#include "text/utf8.h"

namespace bahth {

namespace {

// Phrases that mark a whole line as site furniture. Matched as substrings of the trimmed line, so a short
// line carrying one is dropped; a long paragraph that merely quotes one is kept (see kMaxBoilerplateBytes).
constexpr std::array<std::string_view, 16> kBoilerplatePhrases{
    "جميع الحقوق محفوظة", "©", "اترك تعليقاً", "اترك تعليقا", "اترك رداً", "لن يتم نشر عنوان بريدك",
    "شارك القصة", "شارك هذا", "تابع القراءة", "اقرأ أيضاً", "اقرأ أيضا", "للمزيد", "مصدر الخبر",
    "الحقول الإلزامية", "Please enter your", "LEAVE A REPLY"};

// A line longer than this is article text even when it contains a boilerplate phrase.
constexpr std::size_t kMaxBoilerplateBytes = 300;

// Title candidates longer than this (code points) are a paragraph, not a headline.
constexpr std::size_t kMaxTitleChars = 160;
// A title made from a paragraph's opening words is cut near this many code points.
constexpr std::size_t kDerivedTitleChars = 90;

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  while (!s.empty()) {
    std::size_t nl = s.find('\n');
    std::string_view line = s.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return lines;
}

// The opening words of a paragraph as a title: up to the first sentence end, cut at a word boundary.
std::string derive_title(std::string_view para) {
  std::string out;
  std::size_t chars = 0, last_space = 0;
  for (std::size_t i = 0; i < para.size();) {
    std::size_t at = i;
    char32_t c = next_code_point(para, i);
    if (c == U'.' || c == U'؟' || c == U'!' || c == U'؛') {
      if (chars > 20) return std::string(trim(para.substr(0, at)));
    }
    if (c == U' ') last_space = at;
    if (++chars > kDerivedTitleChars) {
      std::string_view cut = trim(para.substr(0, last_space ? last_space : at));
      // drop a trailing comma-like separator before the ellipsis
      while (!cut.empty() && (cut.back() == ',' || cut.back() == ':')) cut.remove_suffix(1);
      if (cut.size() >= 2 && cut.substr(cut.size() - 2) == "\xD8\x8C") cut.remove_suffix(2);  // Arabic comma
      return std::string(trim(cut)) + "…";
    }
  }
  out = std::string(trim(para));
  return out;
}

}  // namespace

bool is_boilerplate_line(std::string_view line, bool arabic_page) {
  line = trim(line);
  if (line.empty()) return false;
  if (arabic_page && !has_arabic_letter(line)) return true;
  if (line.size() > kMaxBoilerplateBytes) return false;
  for (std::string_view phrase : kBoilerplatePhrases) {
    if (line.find(phrase) != std::string_view::npos) return true;
  }
  return false;
}

CleanPage clean_page(std::string_view page) {
  CleanPage out;
  std::vector<std::string_view> lines = split_lines(page);
  const bool arabic_page = arabic_letter_share(page) >= 0.5;

  std::optional<std::size_t> date_line;
  if (auto d = find_publication_date_in_text(page)) {
    out.date = d->date;
    date_line = d->line;
  }

  std::vector<std::string_view> kept;
  std::string_view previous;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = trim(lines[i]);
    if (date_line && i == *date_line) continue;
    if (line.empty()) {
      if (!kept.empty() && !kept.back().empty()) kept.push_back({});
      continue;
    }
    if (is_boilerplate_line(line, arabic_page)) continue;
    if (line == previous) continue;  // a headline printed twice, a caption repeated
    previous = line;
    kept.push_back(line);
  }
  while (!kept.empty() && kept.back().empty()) kept.pop_back();

  // The first line is the headline when it is short enough to be one; otherwise the page has none and the
  // opening words of the first paragraph stand in for it (the paragraph stays in the body).
  std::size_t first = 0;
  if (!kept.empty()) {
    if (count_code_points(kept[0]) <= kMaxTitleChars) {
      out.title = std::string(kept[0]);
      first = 1;
    } else {
      out.title = derive_title(kept[0]);
    }
  }
  for (std::size_t i = first; i < kept.size(); ++i) {
    if (kept[i].empty()) {
      if (!out.body.empty()) out.body += '\n';
      continue;
    }
    if (!out.body.empty() && out.body.back() != '\n') out.body += '\n';
    out.body.append(kept[i]);
  }
  while (!out.body.empty() && out.body.front() == '\n') out.body.erase(0, 1);
  // A page of one short paragraph (a news brief on one line) is its own headline and its own text: without
  // a body it would be skipped as empty, and its words lost.
  if (out.body.empty() && first == 1) out.body = out.title;
  return out;
}

}  // namespace bahth
