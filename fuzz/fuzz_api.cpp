// The server's parameters: bahth::search_request on query parameters cut from raw bytes ("k=v&k=v", as
// httplib hands them over after URL decoding, so any byte may appear in a key or a value).
//
// Invariants: the only exception is bahth::HttpError, always a 400 with a one-line message; an accepted
// request has a query of at most the limit's bytes that is not blank unless facets are asked for, a limit
// of at most 1,000, date bounds that are empty or eight digits with from <= to, strict syntax and the time
// limit set.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "serve/api.h"
#include "text/utf8.h"

namespace {

bool eight_digits(const std::string& s) {
  return s.size() == 8 && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  bahth::QueryParams params;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t amp = text.find('&', start);
    if (amp == std::string_view::npos) amp = text.size();
    const std::string_view pair = text.substr(start, amp - start);
    const std::size_t eq = pair.find('=');
    params.emplace(std::string(pair.substr(0, eq)), eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    start = amp + 1;
  }
  const bahth::ApiLimits limits;
  try {
    const bahth::SearchRequest r = bahth::search_request(params, limits);
    FUZZ_CHECK(r.query.size() <= limits.max_query_bytes);
    FUZZ_CHECK(!bahth::trim(r.query).empty() || !r.facets.empty());
    FUZZ_CHECK(r.limit <= limits.max_limit);
    FUZZ_CHECK(r.from.empty() || eight_digits(r.from));
    FUZZ_CHECK(r.to.empty() || eight_digits(r.to));
    FUZZ_CHECK(r.from.empty() || r.to.empty() || r.from <= r.to);
    FUZZ_CHECK(r.strict_syntax && r.time_limit == limits.time_limit);
  } catch (const bahth::HttpError& e) {
    const std::string what = e.what();
    FUZZ_CHECK(e.status() == 400);
    FUZZ_CHECK(!what.empty());
  }
  return 0;
}
