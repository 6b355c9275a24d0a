#include "snippet.h"

#include <algorithm>

#include "text.h"

namespace bahth {

std::vector<bool> match_tokens(const std::vector<Token>& tokens, const MatchSpec& spec, const Analyzer& analyzer) {
  std::vector<bool> hit(tokens.size(), false);
  if (spec.empty()) return hit;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (spec.exact.count(tokens[i].form) || (!spec.stems.empty() && spec.stems.count(analyzer.stem(tokens[i]))))
      hit[i] = true;
  }
  for (const auto& phrase : spec.phrases) {
    if (phrase.empty() || phrase.size() > tokens.size()) continue;
    for (std::size_t i = 0; i + phrase.size() <= tokens.size(); ++i) {
      bool all = true;
      for (std::size_t k = 0; k < phrase.size() && all; ++k) all = tokens[i + k].form == phrase[k];
      if (all) std::fill(hit.begin() + static_cast<std::ptrdiff_t>(i),
                         hit.begin() + static_cast<std::ptrdiff_t>(i + phrase.size()), true);
    }
  }
  return hit;
}

namespace {

// Code point offsets of each token's start, to measure windows in characters rather than bytes.
std::vector<std::size_t> char_starts(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::size_t> out;
  out.reserve(tokens.size());
  std::size_t byte = 0, chars = 0;
  for (const Token& t : tokens) {
    chars += count_code_points(text.substr(byte, t.start - byte));
    byte = t.start;
    out.push_back(chars);
  }
  return out;
}

bool is_break_space(unsigned char c) { return c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }

}  // namespace

Snippet make_snippet(std::string_view text, const MatchSpec& spec, const Analyzer& analyzer, std::size_t max_chars) {
  Snippet out;
  const std::vector<Token> tokens = analyzer.tokenize(text);
  if (tokens.empty()) return out;
  const std::vector<bool> hit = match_tokens(tokens, spec, analyzer);
  const std::vector<std::size_t> at = char_starts(text, tokens);

  // Choose the window of whole tokens, at most max_chars long, with the most distinct matched forms, then
  // the most matches; ties go to the earliest. Windows start a little before a matched token for context.
  std::vector<std::size_t> ends(tokens.size());  // code point offset just past each token
  for (std::size_t k = 0; k < tokens.size(); ++k)
    ends[k] = at[k] + count_code_points(text.substr(tokens[k].start, tokens[k].end - tokens[k].start));
  // The last token of a window starting at `first`.
  auto window_last = [&](std::size_t first) {
    std::size_t last = first;
    while (last + 1 < tokens.size() && ends[last + 1] - at[first] <= max_chars) ++last;
    return last;
  };

  std::size_t best_first = 0, best_last = window_last(0);  // nothing matched in the text: its beginning
  int best_score = -1;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!hit[i]) continue;
    std::size_t first = i;  // start up to a quarter of the window before the match
    while (first > 0 && at[i] - at[first - 1] <= max_chars / 4) --first;
    const std::size_t last = window_last(first);
    std::vector<std::string_view> seen;
    int matches = 0;
    for (std::size_t k = first; k <= last; ++k) {
      if (!hit[k]) continue;
      ++matches;
      if (std::find(seen.begin(), seen.end(), tokens[k].form) == seen.end()) seen.push_back(tokens[k].form);
    }
    const int score = static_cast<int>(seen.size()) * 1000 + matches;
    if (score > best_score) {
      best_score = score;
      best_first = first;
      best_last = last;
    }
  }

  // Extend the window over the punctuation that closes the last word (a full stop, a closing quote),
  // but never over the next word.
  std::size_t begin = best_first == 0 ? 0 : tokens[best_first].start;
  std::size_t end = tokens[best_last].end;
  const std::size_t next_start = best_last + 1 < tokens.size() ? tokens[best_last + 1].start : text.size();
  while (end < next_start && end < text.size() && text[end] != ' ' && !is_break_space(static_cast<unsigned char>(text[end])))
    ++end;
  if (best_last + 1 == tokens.size()) end = text.size();

  if (begin > 0) out.text = "… ";
  std::size_t k = best_first;
  bool in_space = false;
  for (std::size_t i = begin; i < end;) {
    while (k <= best_last && tokens[k].end <= i) ++k;
    if (k <= best_last && tokens[k].start == i && hit[k]) {
      const std::size_t from = out.text.size();
      out.text.append(text.substr(tokens[k].start, tokens[k].end - tokens[k].start));
      out.spans.emplace_back(from, out.text.size());
      i = tokens[k].end;
      in_space = false;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || is_break_space(c)) {
      if (!in_space && !out.text.empty()) out.text.push_back(' ');
      in_space = true;
      ++i;
      continue;
    }
    in_space = false;
    out.text.push_back(static_cast<char>(c));
    ++i;
  }
  while (!out.text.empty() && out.text.back() == ' ') out.text.pop_back();
  if (end < text.size() && !trim(text.substr(end)).empty()) out.text += " …";
  return out;
}

}  // namespace bahth
