// The server's request parsing (serve/api.h) and its small helpers (serve/server.h): what a client's
// parameters become, and the exact message of every refusal.
#include <doctest/doctest.h>

#include "search/result_json.h"
#include "search/snippet.h"
#include "serve/api.h"
#include "serve/server.h"

namespace {

// The status and message search_request refuses `params` with, or "ok".
std::string refusal(const bahth::QueryParams& params) {
  try {
    bahth::search_request(params, bahth::ApiLimits{});
    return "ok";
  } catch (const bahth::HttpError& e) {
    return std::to_string(e.status()) + " " + e.what();
  }
}

}  // namespace

TEST_CASE("search_request: every bad parameter is a 400 in the command line's words") {
  struct Case {
    bahth::QueryParams params;
    const char* expected;
  };
  const Case cases[] = {
      {{{"q", "بوتين"}}, "ok"},
      {{}, "400 no query given (the q parameter)"},
      {{{"q", ""}}, "400 empty query"},
      {{{"q", " \t"}}, "400 empty query"},
      {{{"facets", "year"}}, "ok"},  // facets without a query count the whole index, as on the command line
      {{{"q", "x"}, {"from", "2022-13"}}, "400 date '2022-13' is not a valid YYYY, YYYY-MM, YYYY-MM-DD or a day before today (today, yesterday, 7d, 4w, "
                                          "3m, 1y, أمس …)"},
      {{{"q", "x"}, {"from", "٢٠٢٢"}}, "ok"},  // Arabic-Indic digits, as --from takes them
      {{{"q", "x"}, {"from", "2024"}, {"to", "2022"}}, "400 from is after to"},
      {{{"q", "x"}, {"limit", "1000"}}, "ok"},
      {{{"q", "x"}, {"limit", "1001"}}, "400 limit must be a number from 0 to 1000, not '1001'"},
      {{{"q", "x"}, {"limit", "ten"}}, "400 limit must be a number from 0 to 1000, not 'ten'"},
      {{{"q", "x"}, {"offset", "-3"}}, "400 offset must be a number from 0 to 1000000, not '-3'"},
      {{{"q", "x"}, {"sort", "best"}}, "400 sort must be relevance, newest or oldest, not 'best'"},
      {{{"q", "x"}, {"facets", "colour"}},
       "400 unknown facet 'colour' (valid: year, month, source, category, mentioned-year)"},
      {{{"q", "x"}, {"collapse", "yes"}}, "400 collapse must be 1, 0, true or false, not 'yes'"},
      {{{"q", std::string(4097, 'a')}}, "400 query is over 4096 bytes"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.expected);
    CHECK(refusal(c.params) == c.expected);
  }
}

TEST_CASE("search_request: what the parameters become") {
  const bahth::SearchRequest r = bahth::search_request(
      {{"q", "بوتين"}, {"from", "2022-02"}, {"to", "2022"}, {"sort", "newest"}, {"limit", "5"}, {"offset", "20"},
       {"facets", "year,source"}, {"collapse", "0"}},
      bahth::ApiLimits{});
  CHECK(r.query == "بوتين");
  CHECK(r.from == "20220201");
  CHECK(r.to == "20221231");
  CHECK(r.sort == bahth::SortOrder::newest);
  CHECK(r.limit == 5);
  CHECK(r.offset == 20);
  CHECK(r.facets.size() == 2);
  CHECK_FALSE(r.collapse);
  CHECK(r.strict_syntax);
  CHECK(r.time_limit == 10);
}

TEST_CASE("parse_listen_address") {
  struct Case {
    const char* text;
    const char* host;
    int port;
  };
  const Case cases[] = {{"127.0.0.1:8080", "127.0.0.1", 8080}, {"0.0.0.0:9000", "0.0.0.0", 9000},
                        {"localhost", "localhost", 8080},     {":9001", "127.0.0.1", 9001},
                        {"[::1]:8081", "::1", 8081},          {"127.0.0.1:0", "127.0.0.1", 0}};
  for (const Case& c : cases) {
    CAPTURE(c.text);
    bahth::ServeOptions o;
    bahth::parse_listen_address(c.text, o);
    CHECK(o.host == c.host);
    CHECK(o.port == c.port);
  }
  bahth::ServeOptions o;
  CHECK_THROWS_WITH_AS(bahth::parse_listen_address("127.0.0.1:99999", o),
                       "--serve: port '99999' is not a number from 0 to 65535", bahth::UsageError);
  CHECK_THROWS_WITH_AS(bahth::parse_listen_address("127.0.0.1:", o), "--serve: port '' is not a number from 0 to 65535",
                       bahth::UsageError);
  CHECK_THROWS_AS(bahth::parse_listen_address("[::1", o), bahth::UsageError);
}

TEST_CASE("loopback addresses and the constant-time comparison") {
  CHECK(bahth::is_loopback("127.0.0.1"));
  CHECK(bahth::is_loopback("127.1.2.3"));
  CHECK(bahth::is_loopback("::1"));
  CHECK(bahth::is_loopback("localhost"));
  CHECK_FALSE(bahth::is_loopback("0.0.0.0"));
  CHECK_FALSE(bahth::is_loopback("::"));
  CHECK_FALSE(bahth::is_loopback("10.0.0.5"));
  CHECK(bahth::constant_time_equal("Bearer abc", "Bearer abc"));
  CHECK_FALSE(bahth::constant_time_equal("Bearer abc", "Bearer abd"));
  CHECK_FALSE(bahth::constant_time_equal("Bearer abc", "Bearer ab"));
  CHECK_FALSE(bahth::constant_time_equal("", "Bearer abc"));
  CHECK_FALSE(bahth::constant_time_equal(std::string("a\0b", 3), "a"));
}

TEST_CASE("code_point_spans counts code points, in order and out of order") {
  const std::string text = "قال بوتين إن بوتين";  // byte offsets of the two بوتين: 7..17 and 23..33
  CHECK(bahth::code_point_spans(text, {{7, 17}, {23, 33}}).dump() == "[[4,9],[13,18]]");
  CHECK(bahth::code_point_spans(text, {{23, 33}, {7, 17}}).dump() == "[[13,18],[4,9]]");
  CHECK(bahth::code_point_spans(text, {}).dump() == "[]");
}

TEST_CASE("match_spans marks every matched word of a whole text") {
  const bahth::Analyzer a("light");
  const std::string text = "التقى بوتين شي، ثم قال بُوتين: إن الـبوتين يرى.";
  const auto spans = bahth::match_spans(text, bahth::parse_query("بوتين", a, bahth::CivilDate{2024, 1, 1}).match, a);
  std::string words;
  for (const auto& [from, to] : spans) words += "[" + text.substr(from, to - from) + "]";
  CHECK(words == "[بوتين][بُوتين][الـبوتين]");  // diacritics, tatweel and the article are looked through
  CHECK(bahth::match_spans(text, bahth::MatchSpec{}, a).empty());
}
