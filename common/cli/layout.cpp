#include "cli/layout.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ushape.h>
#include <unicode/utf16.h>

#include "base/errors.h"
#include "cli/terminal.h"

namespace bahth {

namespace {

int code_point_width(UChar32 c) {
  const int8_t cat = static_cast<int8_t>(u_charType(c));
  if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR || c == 0x200B) return 0;
  const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

// The line as UTF-16 with a style per code unit.
struct Units {
  icu::UnicodeString text;
  std::vector<int> style;
};

Units to_units(const StyledLine& line) {
  Units u;
  for (const StyledRun& r : line) {
    icu::UnicodeString t = icu::UnicodeString::fromUTF8(r.text);
    u.text.append(t);
    u.style.insert(u.style.end(), static_cast<std::size_t>(t.length()), r.style);
  }
  return u;
}

StyledLine from_units(const icu::UnicodeString& text, const std::vector<int>& style, int32_t begin, int32_t end) {
  StyledLine out;
  for (int32_t i = begin; i < end;) {
    int32_t j = i;
    while (j < end && style[static_cast<std::size_t>(j)] == style[static_cast<std::size_t>(i)]) ++j;
    StyledRun r;
    r.style = style[static_cast<std::size_t>(i)];
    text.tempSubStringBetween(i, j).toUTF8String(r.text);
    out.push_back(std::move(r));
    i = j;
  }
  return out;
}

// Shapes Arabic letters to their presentation forms. Arabic marks (tashkeel) are dropped first: a terminal
// without bidi cannot stack them, and ICU would turn them into spacing forms printed beside the letters.
icu::UnicodeString shape(const icu::UnicodeString& raw) {
  icu::UnicodeString in;
  for (int32_t i = 0; i < raw.length();) {
    const UChar32 c = raw.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK && ublock_getCode(c) == UBLOCK_ARABIC) continue;
    in.append(c);
  }
  if (in.isEmpty()) return in;
  UErrorCode status = U_ZERO_ERROR;
  std::vector<UChar> out(static_cast<std::size_t>(in.length()) + 8);
  const int32_t n = u_shapeArabic(in.getBuffer(), in.length(), out.data(), static_cast<int32_t>(out.size()),
                                  U_SHAPE_LETTERS_SHAPE | U_SHAPE_LAMALEF_RESIZE | U_SHAPE_TEXT_DIRECTION_LOGICAL,
                                  &status);
  if (U_FAILURE(status)) return in;
  return icu::UnicodeString(out.data(), n);
}

}  // namespace

BidiMode parse_bidi_mode(const std::string& s) { return parse_choice(kBidiModes, s, "--bidi"); }

BidiMode resolve_bidi_mode(BidiMode mode, int fd) {
  if (mode != BidiMode::automatic) return mode;
  if (const char* env = std::getenv("BAHTH_BIDI"); env && *env) {
    if (std::strcmp(env, "visual") == 0) return BidiMode::visual;
    if (std::strcmp(env, "logical") == 0) return BidiMode::logical;
  }
  if (!is_terminal(fd)) return BidiMode::logical;
  if (std::getenv("KONSOLE_VERSION") || std::getenv("MLTERM")) return BidiMode::logical;
  if (const char* tp = std::getenv("TERM_PROGRAM"); tp && std::strcmp(tp, "mintty") == 0) return BidiMode::logical;
  if (const char* vte = std::getenv("VTE_VERSION"); vte && std::atoi(vte) >= 5800) return BidiMode::logical;
  return BidiMode::visual;
}

std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  icu::UnicodeString t = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  for (int32_t i = 0; i < t.length();) {
    const UChar32 c = t.char32At(i);
    i += U16_LENGTH(c);
    w += static_cast<std::size_t>(code_point_width(c));
  }
  return w;
}

std::vector<StyledLine> wrap(const StyledLine& line, std::size_t width) {
  Units u = to_units(line);
  std::vector<StyledLine> out;
  if (width == 0 || u.text.isEmpty()) {
    out.push_back(line);
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> breaks(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    out.push_back(line);
    return out;
  }
  breaks->setText(u.text);
  const int32_t n = u.text.length();
  int32_t start = 0;
  while (start < n) {
    // Take characters while they fit; remember the last break opportunity.
    std::size_t cols = 0;
    int32_t i = start, last_break = -1;
    while (i < n) {
      const UChar32 c = u.text.char32At(i);
      const std::size_t w = static_cast<std::size_t>(code_point_width(c));
      if (cols + w > width && c != U' ') break;
      cols += w;
      i += U16_LENGTH(c);
      if (i < n && breaks->isBoundary(i)) last_break = i;
    }
    int32_t end = i >= n ? n : last_break > start ? last_break : (i > start ? i : start + 1);
    int32_t trimmed = end;
    while (trimmed > start && u.text.charAt(trimmed - 1) == U' ') --trimmed;
    out.push_back(from_units(u.text, u.style, start, trimmed));
    start = end;
    while (start < n && u.text.charAt(start) == U' ') ++start;
  }
  return out;
}

StyledLine to_visual(const StyledLine& line) {
  // Shape each style run on its own: highlights lie on whole words, so no letter joins across runs.
  Units u;
  for (const StyledRun& r : line) {
    icu::UnicodeString t = shape(icu::UnicodeString::fromUTF8(r.text));
    u.text.append(t);
    u.style.insert(u.style.end(), static_cast<std::size_t>(t.length()), r.style);
  }
  if (u.text.isEmpty()) return line;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_open(), &ubidi_close);
  ubidi_setPara(bidi.get(), u.text.getBuffer(), u.text.length(), UBIDI_DEFAULT_LTR, nullptr, &status);
  const int32_t runs = U_SUCCESS(status) ? ubidi_countRuns(bidi.get(), &status) : 0;
  if (U_FAILURE(status)) return line;

  icu::UnicodeString vis;
  std::vector<int> style;
  auto emit = [&](int32_t from, int32_t to, bool mirror) {  // one cluster, in logical order
    for (int32_t k = from; k < to;) {
      UChar32 c = u.text.char32At(k);
      if (mirror) c = u_charMirror(c);
      vis.append(c);
      style.insert(style.end(), static_cast<std::size_t>(U16_LENGTH(c)), u.style[static_cast<std::size_t>(k)]);
      k += U16_LENGTH(u.text.char32At(k));
    }
  };
  for (int32_t r = 0; r < runs; ++r) {
    int32_t start = 0, length = 0;
    const UBiDiDirection dir = ubidi_getVisualRun(bidi.get(), r, &start, &length);
    if (dir == UBIDI_LTR) {
      emit(start, start + length, false);
      continue;
    }
    // Right to left: clusters (a base character and the marks after it) in reverse order.
    int32_t end = start + length;
    while (end > start) {
      int32_t base = end;
      do {
        base = u.text.moveIndex32(base, -1);
      } while (base > start && u_getCombiningClass(u.text.char32At(base)) != 0 &&
               u_charType(u.text.char32At(base)) == U_NON_SPACING_MARK);
      emit(base, end, true);
      end = base;
    }
  }
  return from_units(vis, style, 0, vis.length());
}

}  // namespace bahth
