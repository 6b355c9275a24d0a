// The stored article's JSON (index/document.h): parse_stored, whose fast reader must read every input as
// nlohmann's SAX parser does (detail::parse_stored_json), or leave it to it.
//
// Invariants: both give the same fields, neither throws.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include "fuzz_check.h"
#include "index/document.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(fuzz::as_text(data, size));
  try {
    const bahth::StoredArticle fast = bahth::parse_stored(text), tree = bahth::detail::parse_stored_json(text);
    FUZZ_CHECK(fast.id == tree.id && fast.title == tree.title && fast.text == tree.text);
    FUZZ_CHECK(fast.source == tree.source && fast.url == tree.url && fast.date == tree.date);
    FUZZ_CHECK(fast.date_source == tree.date_source && fast.category == tree.category);
    FUZZ_CHECK(fast.author == tree.author && fast.file == tree.file);
  } catch (const std::exception& e) {
    fuzz::unexpected_exception("parse_stored", e.what());
  }
  return 0;
}
