// JSONL reader: bahth::parse_json_article on raw bytes (it must reject invalid UTF-8 itself).
//
// Invariants: the only exception is bahth::InputError, whose message names the origin; an article returned
// has a non-empty id and text, every string field is valid UTF-8, its origin is the one given, and a date
// comes with a date source and is an existing day.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include "base/errors.h"
#include "fuzz_check.h"
#include "ingest/reader.h"

namespace {
const std::string kOrigin = "fuzz.jsonl:1";
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line = fuzz::as_text(data, size);
  try {
    const bahth::Article a = bahth::parse_json_article(line, kOrigin);
    FUZZ_CHECK(!a.id.empty());
    FUZZ_CHECK(!a.text.empty());
    FUZZ_CHECK(a.origin == kOrigin);
    for (const std::string* s : {&a.id, &a.title, &a.text, &a.source, &a.url, &a.category, &a.author})
      FUZZ_CHECK(fuzz::valid_utf8(*s));
    if (a.date) {
      FUZZ_CHECK(a.date_source != bahth::DateSource::none);
      FUZZ_CHECK(bahth::is_valid_date(*a.date));
    }
  } catch (const bahth::InputError& e) {
    FUZZ_CHECK(std::string_view(e.what()).substr(0, kOrigin.size()) == kOrigin);
  } catch (const std::exception& e) {
    fuzz::unexpected_exception("parse_json_article", e.what());
  } catch (...) {
    fuzz::unexpected_exception("parse_json_article", "(not a std::exception)");
  }
  return 0;
}
