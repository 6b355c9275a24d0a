#include "text/utf8.h"

#include <unicode/utf8.h>

namespace bahth {

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    // ASCII fast path: most of a news article's markup, digits and spaces.
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

bool looks_binary(std::string_view s) {
  std::size_t controls = 0;
  for (unsigned char ch : s) {
    if (ch == 0) return true;
    if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f' && ch != '\v') ++controls;
  }
  return controls * 20 > s.size() + 20;  // more than about 5% control characters
}

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

std::size_t code_point_offset(std::string_view s, std::size_t byte) {
  return count_code_points(s.substr(0, byte));
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, j, static_cast<int32_t>(s.size()), c);
  i = static_cast<std::size_t>(j);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

std::string to_utf8(std::u32string_view w) {
  std::string out;
  for (char32_t c : w) append_utf8(out, c);
  return out;
}

void append_utf8(std::string& out, std::u16string_view w) {
  for (std::size_t k = 0; k < w.size(); ++k) {
    const char16_t u = w[k];
    if (u < 0x80) {
      out.push_back(static_cast<char>(u));
    } else if (u < 0xD800 || u > 0xDFFF) {
      append_utf8(out, u);
    } else if (u < 0xDC00 && k + 1 < w.size() && w[k + 1] >= 0xDC00 && w[k + 1] <= 0xDFFF) {
      append_utf8(out, 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (w[k + 1] - 0xDC00));
      ++k;
    } else {
      append_utf8(out, 0xFFFD);
    }
  }
}

std::u32string arabic_word_letters(std::string_view word) {
  std::u32string w;
  for (std::size_t i = 0; i < word.size();) {
    const char32_t c = next_code_point(word, i);
    if (c < 0x0621 || c > 0x064A) return {};
    w.push_back(c);
  }
  return w;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string_view trim(std::string_view s) {
  auto is_space_at_front = [&](std::string_view t) -> std::size_t {
    if (t.empty()) return 0;
    unsigned char c = static_cast<unsigned char>(t[0]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
    if (t.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(t[1]) == 0xA0) return 2;  // NBSP
    return 0;
  };
  while (std::size_t k = is_space_at_front(s)) s.remove_prefix(k);
  while (!s.empty()) {
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && c == 0xA0 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

}  // namespace bahth
