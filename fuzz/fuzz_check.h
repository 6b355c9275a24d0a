// Shared by the fuzz targets: an invariant check that stops the fuzzer with a readable reason, and the
// UTF-8 filter for APIs whose contract requires valid UTF-8.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "text/utf8.h"

// Like assert(), but active in every build type and naming the broken invariant; abort() makes libFuzzer
// save the input as a crash file.
#define FUZZ_CHECK(cond)                                                                    \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);     \
      std::abort();                                                                         \
    }                                                                                       \
  } while (false)

namespace fuzz {

/// The fuzzer's bytes as text.
inline std::string_view as_text(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Whether `s` is valid UTF-8 (the precondition of tokenize, extract_dates, extract_html, make_snippet).
inline bool valid_utf8(std::string_view s) { return !bahth::find_invalid_utf8(s); }

/// Whether byte offset `i` of `s` starts a character (or is the end of `s`).
inline bool on_boundary(std::string_view s, std::size_t i) {
  return i == s.size() || (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80);
}

/// Reports an exception the API does not document and stops, so libFuzzer saves the input.
[[noreturn]] inline void unexpected_exception(const char* api, const char* what) {
  std::fprintf(stderr, "%s threw an undocumented exception: %s\n", api, what);
  std::abort();
}

}  // namespace fuzz
