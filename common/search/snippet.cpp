#include "search/snippet.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "text/stemmer.h"
#include "text/utf8.h"

namespace bahth {

namespace {

// Whether the token's stem, as the query stems it, is one of `stems`. Analyzer::stem() may ask the index's
// vocabulary (a B-tree lookup per proclitic reading: once a third of a query's time), so it runs only when
// one of the token's readings is a query stem at all: for a word that is not a stop word, stem() returns
// one of index_keys(), which needs no lookup.
bool stem_matches(const Token& token, const std::set<std::string>& stems, const Analyzer& analyzer) {
  if (!analyzer.is_stopword(token)) {
    const std::vector<std::string> keys = analyzer.index_keys(token);
    if (std::none_of(keys.begin(), keys.end(), [&](const std::string& k) { return stems.count(k) > 0; })) return false;
  }
  return stems.count(analyzer.stem(token)) > 0;
}

}  // namespace

std::vector<bool> match_tokens(const std::vector<Token>& tokens, const MatchSpec& spec, const Analyzer& analyzer,
                               WordMatches* known) {
  std::vector<bool> hit(tokens.size(), false);
  if (spec.empty()) return hit;
  // Whether a word can hold one of the stems at all: with the light stemmer, each stem's letters must all be
  // the word's (stem_letters). Most words of a text hold none, and are passed over without stemming.
  std::vector<std::uint64_t> stem_letter_sets;
  const bool light = analyzer.stemmer_name() == "light";
  if (light) {
    for (const std::string& s : spec.stems) stem_letter_sets.push_back(stem_letters(s));
  }
  auto may_hold_a_stem = [&](const std::string& form) {
    if (spec.stems.empty()) return false;
    if (!light) return true;
    const std::uint64_t letters = stem_letters(form);
    return std::any_of(stem_letter_sets.begin(), stem_letter_sets.end(),
                       [&](std::uint64_t s) { return (s & ~letters) == 0; });
  };
  // A news text repeats its words: each distinct word is looked at once (stemming was most of a snippet's
  // time). A word's form decides whether it matches (a number is a number by its characters).
  WordMatches here;
  WordMatches& word_matches = known ? *known : here;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const auto [it, added] = word_matches.try_emplace(t.form, false);
    if (added) it->second = spec.exact.count(t.form) || (may_hold_a_stem(t.form) && stem_matches(t, spec.stems, analyzer));
    hit[i] = it->second;
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

std::vector<std::pair<std::size_t, std::size_t>> match_spans(std::string_view text, const MatchSpec& spec,
                                                             const Analyzer& analyzer) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (spec.empty()) return out;
  const std::vector<Token> tokens = analyzer.tokenize(text);
  const std::vector<bool> hit = match_tokens(tokens, spec, analyzer);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (hit[k]) out.emplace_back(tokens[k].start, tokens[k].end);
  }
  return out;
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

namespace {

// A window of whole tokens [first, last].
struct Window {
  std::size_t first = 0, last = 0;
  int score = -1;  // distinct matched forms * 1000 + matches; -1: nothing matched
};

class WindowChooser {
 public:
  WindowChooser(std::string_view text, const std::vector<Token>& tokens, const std::vector<bool>& hit)
      : tokens_(tokens), hit_(hit), at_(char_starts(text, tokens)), ends_(tokens.size()) {
    for (std::size_t k = 0; k < tokens.size(); ++k)
      ends_[k] = at_[k] + count_code_points(text.substr(tokens[k].start, tokens[k].end - tokens[k].start));
  }

  // The window of at most `chars` code points with the most distinct matched forms not in `known`, then the
  // most matches; ties go to the earliest. Windows start up to a quarter of their length before a match.
  // Tokens in [avoid_first, avoid_last] are not used. Without any match: the text's beginning.
  Window best(std::size_t chars, const std::vector<std::string_view>& known = {},
              std::size_t avoid_first = 1, std::size_t avoid_last = 0) const {
    Window w{0, last_of(0, chars), -1};
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (!hit_[i] || (i >= avoid_first && i <= avoid_last)) continue;
      std::size_t first = i;
      while (first > 0 && at_[i] - at_[first - 1] <= chars / 4 && !(first - 1 >= avoid_first && first - 1 <= avoid_last))
        --first;
      std::size_t last = last_of(first, chars);
      if (avoid_first <= avoid_last && first < avoid_first && last >= avoid_first) last = avoid_first - 1;
      std::vector<std::string_view> seen;
      int matches = 0;
      for (std::size_t k = first; k <= last; ++k) {
        if (!hit_[k]) continue;
        ++matches;
        const std::string_view f = tokens_[k].form;
        if (std::find(known.begin(), known.end(), f) == known.end() && std::find(seen.begin(), seen.end(), f) == seen.end())
          seen.push_back(f);
      }
      const int score = static_cast<int>(seen.size()) * 1000 + matches;
      if (score > w.score) w = {first, last, score};
    }
    return w;
  }

  std::vector<std::string_view> forms(const Window& w) const {
    std::vector<std::string_view> out;
    for (std::size_t k = w.first; k <= w.last; ++k) {
      if (hit_[k] && std::find(out.begin(), out.end(), tokens_[k].form) == out.end()) out.push_back(tokens_[k].form);
    }
    return out;
  }

 private:
  std::size_t last_of(std::size_t first, std::size_t chars) const {
    std::size_t last = first;
    while (last + 1 < tokens_.size() && ends_[last + 1] - at_[first] <= chars) ++last;
    return last;
  }
  const std::vector<Token>& tokens_;
  const std::vector<bool>& hit_;
  std::vector<std::size_t> at_, ends_;
};

// A snippet of `text`, the first bytes of `full_text`, whose words are `tokens`.
Snippet snippet_of(std::string_view full_text, std::string_view text, const std::vector<Token>& tokens,
                   const MatchSpec& spec, const Analyzer& analyzer, std::size_t max_chars, WordMatches* known) {
  Snippet out;
  if (tokens.empty()) return out;
  const std::vector<bool> hit = match_tokens(tokens, spec, analyzer, known);
  const WindowChooser chooser(text, tokens, hit);

  // One window when it shows every matched word; otherwise two half-size windows when the second one
  // shows words the first cannot (matches far apart), joined by "…".
  std::vector<Window> windows{chooser.best(max_chars)};
  std::vector<std::string_view> all;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (hit[k] && std::find(all.begin(), all.end(), tokens[k].form) == all.end()) all.push_back(tokens[k].form);
  }
  if (chooser.forms(windows[0]).size() < all.size()) {
    const Window a = chooser.best(max_chars / 2);
    const Window b = chooser.best(max_chars / 2, chooser.forms(a), a.first, a.last);
    if (b.score >= 1000) windows = a.first < b.first ? std::vector<Window>{a, b} : std::vector<Window>{b, a};
  }

  std::size_t previous_end = 0;
  for (const Window& w : windows) {
    // Extend the window over the punctuation that closes its last word (a full stop, a closing quote), but
    // never over the next word.
    const std::size_t begin = w.first == 0 ? 0 : tokens[w.first].start;
    std::size_t end = tokens[w.last].end;
    const std::size_t next_start = w.last + 1 < tokens.size() ? tokens[w.last + 1].start : text.size();
    while (end < next_start && text[end] != ' ' && !is_break_space(static_cast<unsigned char>(text[end]))) ++end;
    if (begin > previous_end || (begin > 0 && out.text.empty())) out.text += out.text.empty() ? "… " : " … ";
    else if (!out.text.empty()) out.text += ' ';
    std::size_t k = w.first;
    bool in_space = false;
    for (std::size_t i = begin; i < end;) {
      while (k <= w.last && tokens[k].end <= i) ++k;
      if (k <= w.last && tokens[k].start == i && hit[k]) {
        const std::size_t from = out.text.size();
        out.text.append(text.substr(tokens[k].start, tokens[k].end - tokens[k].start));
        out.spans.emplace_back(from, out.text.size());
        i = tokens[k].end;
        in_space = false;
        continue;
      }
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == ' ' || is_break_space(c)) {
        if (!in_space && !out.text.empty() && out.text.back() != ' ') out.text.push_back(' ');
        in_space = true;
        ++i;
        continue;
      }
      in_space = false;
      out.text.push_back(static_cast<char>(c));
      ++i;
    }
    while (!out.text.empty() && out.text.back() == ' ') out.text.pop_back();
    previous_end = end;
  }
  if (!trim(full_text.substr(previous_end)).empty()) out.text += " …";
  return out;
}

}  // namespace

Snippet make_snippet(std::string_view full_text, const MatchSpec& spec, const Analyzer& analyzer, std::size_t max_chars) {
  // Only the beginning of a huge document is analysed: a 50 MB text would cost seconds per query.
  std::string_view text = full_text.substr(0, kMaxSnippetSourceBytes);
  while (!text.empty() && text.size() < full_text.size() && (static_cast<unsigned char>(full_text[text.size()]) & 0xC0) == 0x80)
    text.remove_suffix(1);  // cut on a character boundary
  return snippet_of(full_text, text, analyzer.tokenize(text), spec, analyzer, max_chars, nullptr);
}

Snippet make_snippet(std::string_view text, const std::vector<Token>& tokens, const MatchSpec& spec,
                     const Analyzer& analyzer, std::size_t max_chars, WordMatches* known) {
  if (text.size() > kMaxSnippetSourceBytes) return make_snippet(text, spec, analyzer, max_chars);
  return snippet_of(text, text, tokens, spec, analyzer, max_chars, known);
}

}  // namespace bahth
