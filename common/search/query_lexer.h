// The query language's words (search/query.h): the lexer that splits a query into words, quoted phrases,
// parentheses, operators (AND OR NOT, أو), signs and field prefixes. Used by query.cpp only.
#pragma once

#include <string>
#include <string_view>

#include "search/query.h"
#include "text/chars.h"
#include "text/utf8.h"

namespace bahth::detail {

enum class Tok { word, phrase, lparen, rparen, op_and, op_or, op_not, end };

struct Lexeme {
  Tok type = Tok::end;
  std::string text;    // the word or the phrase's inside
  std::string field;   // "title", "source", "category" or empty
  char sign = 0;       // '+', '-' or 0
};

inline bool is_open_quote(char32_t c) { return c == U'"' || c == U'«' || c == U'“' || c == U'„'; }
inline bool is_close_quote(char32_t c) { return c == U'"' || c == U'»' || c == U'”'; }

// A warning that the parser repaired the query's syntax; the first one is kept apart (ParsedQuery::repaired).
inline void repaired(ParsedQuery& out, std::string warning) {
  if (out.repaired.empty()) out.repaired = warning;
  out.warnings.push_back(std::move(warning));
}

// Spaces separate query words; so does a zero-width space pasted from a web page.
inline bool is_query_space(char32_t c) { return is_white_space(c) || c == 0x200B; }

class Lexer {
 public:
  Lexer(std::string_view s, ParsedQuery& out) : s_(s), out_(out) {}

  Lexeme next() {
    skip_space();
    Lexeme lx;
    if (i_ >= s_.size()) return lx;
    std::size_t j = i_;
    char32_t c = next_code_point(s_, j);
    if (c == U'(') { i_ = j; lx.type = Tok::lparen; return lx; }
    if (c == U')') { i_ = j; lx.type = Tok::rparen; return lx; }
    if (c == U'+' || c == U'-') {
      // A sign counts only at the start of a word or phrase: "-word", but not "a - b".
      std::size_t k = j;
      if (k < s_.size() && !is_query_space(peek(k))) {
        lx.sign = static_cast<char>(c);
        i_ = j;
      }
    }
    // field:
    std::size_t colon = i_;
    for (const char* f : {"title", "source", "category", "date", "mentioned"}) {
      std::string_view fv(f);
      if (s_.substr(i_, fv.size()) == fv && s_.size() > i_ + fv.size() && s_[i_ + fv.size()] == ':') {
        lx.field = f;
        colon = i_ + fv.size() + 1;
        break;
      }
    }
    i_ = colon;
    if (i_ < s_.size()) {
      std::size_t k = i_;
      char32_t q = next_code_point(s_, k);
      if (is_open_quote(q)) {
        i_ = k;
        std::size_t start = i_;
        while (i_ < s_.size()) {
          std::size_t m = i_;
          char32_t d = next_code_point(s_, m);
          if (is_close_quote(d)) {
            lx.type = Tok::phrase;
            lx.text = std::string(s_.substr(start, i_ - start));
            i_ = m;
            return lx;
          }
          i_ = m;
        }
        repaired(out_, "unbalanced quote: the phrase runs to the end of the query");
        lx.type = Tok::phrase;
        lx.text = std::string(s_.substr(start));
        return lx;
      }
    }
    // A bare word runs to white space, a parenthesis or a quote.
    std::size_t start = i_;
    while (i_ < s_.size()) {
      std::size_t m = i_;
      char32_t d = next_code_point(s_, m);
      if (is_query_space(d) || d == U'(' || d == U')' || is_open_quote(d) || is_close_quote(d)) break;
      i_ = m;
    }
    lx.text = std::string(s_.substr(start, i_ - start));
    if (lx.text.empty()) {
      // a lone closing quote or sign: skip it
      if (i_ < s_.size()) next_code_point(s_, i_);
      return next();
    }
    lx.type = Tok::word;
    if (lx.sign == 0 && lx.field.empty()) {
      if (lx.text == "AND") lx.type = Tok::op_and;
      else if (lx.text == "OR" || lx.text == "أو" || lx.text == "او") lx.type = Tok::op_or;
      else if (lx.text == "NOT") lx.type = Tok::op_not;
    }
    return lx;
  }

 private:
  char32_t peek(std::size_t k) const { return next_code_point(s_, k); }
  void skip_space() {
    while (i_ < s_.size()) {
      std::size_t j = i_;
      if (!is_query_space(next_code_point(s_, j))) break;
      i_ = j;
    }
  }
  std::string_view s_;
  std::size_t i_ = 0;
  ParsedQuery& out_;
};

}  // namespace bahth::detail
