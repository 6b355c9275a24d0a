// Terminal layout: display width, wrapping, and visual order for terminals without bidi.
#include <doctest/doctest.h>

#include "text/analyzer.h"
#include "cli/layout.h"

using bahth::StyledLine;

namespace {
std::string plain(const StyledLine& line) {
  std::string s;
  for (const auto& r : line) s += r.text;
  return s;
}
}  // namespace

TEST_CASE("display width: marks and format characters take no column") {
  struct Case {
    const char* text;
    std::size_t width;
  } cases[] = {
      {"abc", 3}, {"بوتين", 5}, {"بُوتِين", 5}, {"جـديـد", 6}, {"\u200Fبوتين\u200E", 5}, {"中文", 4}, {"", 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(bahth::display_width(c.text) == c.width);
  }
}

TEST_CASE("wrapping keeps every word, in order, within the width") {
  const std::string text =
      "دعا الرئيس الروسي فلاديمير بوتين ونظيره الصيني شي جينبينغ خلال لقائهما في بكين إلى حقبة جديدة في العلاقات الدولية";
  for (std::size_t width : {10u, 20u, 33u, 80u}) {
    CAPTURE(width);
    const auto lines = bahth::wrap({{text, 0}}, width);
    std::string joined;
    for (const auto& l : lines) {
      CHECK(bahth::display_width(plain(l)) <= width);
      joined += (joined.empty() ? "" : " ") + plain(l);
    }
    CHECK(joined == text);
  }
}

TEST_CASE("wrapping keeps styles on their words") {
  const auto lines = bahth::wrap({{"قال الرئيس ", 0}, {"بوتين", 1}, {" إن العلاقات جيدة", 0}}, 12);
  bool found = false;
  for (const auto& l : lines) {
    for (const auto& r : l) {
      if (r.style == 1) {
        CHECK(r.text == "بوتين");
        found = true;
      }
    }
  }
  CHECK(found);
}

TEST_CASE("visual order: Arabic shaped and reversed, Latin and digits kept, brackets mirrored") {
  struct Case {
    const char* logical;
    const char* visual;
  } cases[] = {
      {"Putin 2022", "Putin 2022"},
      {"بوتين", "\uFEE6\uFEF4\uFE97\uFEEE\uFE91"},
      {"(بوتين)", "(\uFEE6\uFEF4\uFE97\uFEEE\uFE91)"},
      {"بوتين 2022", "2022 \uFEE6\uFEF4\uFE97\uFEEE\uFE91"},
      {"بُوتِين", "\uFEE6\uFEF4\uFE97\uFEEE\uFE91"},  // tashkeel dropped
      {"\u05D1\u05B8\u05D0", "\u05D0\u05D1\u05B8"},        // other marks stay after their letter (Hebrew)
      {"ب e\u0301", "e\u0301 \uFE8F"},                  // an LTR run inside RTL keeps its order
  };
  for (const auto& c : cases) {
    CAPTURE(c.logical);
    CHECK(plain(bahth::to_visual({{c.logical, 0}})) == c.visual);
  }
}

TEST_CASE("visual order keeps the style of each word") {
  const StyledLine v = bahth::to_visual({{"قال ", 0}, {"بوتين", 1}});
  REQUIRE(v.size() == 2);
  CHECK(v[0].style == 1);
  CHECK(v[0].text == "\uFEE6\uFEF4\uFE97\uFEEE\uFE91");
  CHECK(v[1].style == 0);
}
