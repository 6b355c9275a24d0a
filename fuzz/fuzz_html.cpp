// HTML extraction: bahth::extract_html on any valid UTF-8 (gumbo underneath, so this also exercises the
// system's gumbo on hostile markup).
//
// Invariants (html.h): no exception; every field valid UTF-8 with white space collapsed (no leading or
// trailing space, no double space, title/source/url on one line, body paragraphs separated by single
// newlines); a date only with its origin, and an existing day.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include "fuzz_check.h"
#include "ingest/html.h"

namespace {

void check_collapsed(const std::string& s, bool multiline) {
  FUZZ_CHECK(fuzz::valid_utf8(s));
  if (s.empty()) return;
  FUZZ_CHECK(s.front() != ' ' && s.back() != ' ' && s.front() != '\n' && s.back() != '\n');
  FUZZ_CHECK(s.find("  ") == std::string::npos);
  FUZZ_CHECK(s.find('\t') == std::string::npos && s.find('\r') == std::string::npos);
  if (multiline) {
    FUZZ_CHECK(s.find("\n\n") == std::string::npos);
    FUZZ_CHECK(s.find(" \n") == std::string::npos && s.find("\n ") == std::string::npos);
  } else {
    FUZZ_CHECK(s.find('\n') == std::string::npos);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html = fuzz::as_text(data, size);
  if (!fuzz::valid_utf8(html)) return -1;  // extract_html() requires valid UTF-8
  try {
    const bahth::HtmlPage p = bahth::extract_html(html);
    check_collapsed(p.title, false);
    check_collapsed(p.source, false);
    check_collapsed(p.url, false);
    check_collapsed(p.body, true);
    FUZZ_CHECK(p.date.has_value() == !p.date_origin.empty());
    if (p.date) FUZZ_CHECK(bahth::is_valid_date(*p.date));
  } catch (const std::exception& e) {
    fuzz::unexpected_exception("extract_html", e.what());
  }
  return 0;
}
