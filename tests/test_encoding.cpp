// Text files in UTF-8 (with or without BOM), UTF-16 with BOM and Windows-1256, converted to UTF-8.
#include <doctest/doctest.h>

#include "text/encoding.h"
#include "base/errors.h"

namespace {
const std::string kText = "أعلنت وزارة الخارجية اليوم عن زيارة رسمية إلى الرياض لبحث التعاون الاقتصادي";
// kText in Windows-1256.
const std::string kCp1256 =
    "\xc3\xda\xe1\xe4\xca\x20\xe6\xd2\xc7\xd1\xc9\x20\xc7\xe1\xce\xc7\xd1\xcc\xed\xc9\x20\xc7\xe1\xed\xe6\xe3\x20"
    "\xda\xe4\x20\xd2\xed\xc7\xd1\xc9\x20\xd1\xd3\xe3\xed\xc9\x20\xc5\xe1\xec\x20\xc7\xe1\xd1\xed\xc7\xd6\x20\xe1"
    "\xc8\xcd\xcb\x20\xc7\xe1\xca\xda\xc7\xe6\xe4\x20\xc7\xe1\xc7\xde\xca\xd5\xc7\xcf\xed";

std::string utf16(const std::string& utf8, bool little_endian) {
  // kText is in the BMP: every code point is one UTF-16 unit.
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    char32_t cp;
    if (c < 0x80) { cp = c; i += 1; }
    else if (c < 0xE0) { cp = ((c & 0x1F) << 6) | (utf8[i + 1] & 0x3F); i += 2; }
    else { cp = ((c & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F); i += 3; }
    char hi = static_cast<char>(cp >> 8), lo = static_cast<char>(cp & 0xFF);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}
}  // namespace

TEST_CASE("encodings are detected and converted") {
  struct Case {
    std::string bytes;
    const char* encoding;
  } cases[] = {
      {kText, "UTF-8"},
      {"\xEF\xBB\xBF" + kText, "UTF-8 (BOM)"},
      {utf16(kText, true), "UTF-16LE"},
      {utf16(kText, false), "UTF-16BE"},
      {kCp1256, "windows-1256"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.encoding);
    const bahth::DecodedText d = bahth::decode_text(c.bytes, "f.txt");
    CHECK(d.encoding == std::string(c.encoding));
    CHECK(d.utf8 == kText);
  }
}

TEST_CASE("bytes that are not text say why") {
  struct Case {
    std::string bytes;
    const char* message;
  } cases[] = {
      {std::string("abc\0def", 7), "f.txt: binary data, not text; skipped"},
      {"caf\xe9 au lait", "f.txt: invalid UTF-8 at byte 3 and not Windows-1256 Arabic either; skipped"},
      {"\xEF\xBB\xBF" "ok \xff", "f.txt: invalid UTF-8 at byte 6; skipped"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.message);
    CHECK_THROWS_WITH_AS(bahth::decode_text(c.bytes, "f.txt"), c.message, bahth::InputError);
  }
}
