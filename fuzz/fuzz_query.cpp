// Query parser and snippets: bahth::parse_query on raw bytes (it must reject invalid UTF-8 itself), with
// the words of a fixed Arabic text as the index's vocabulary (so unknown words are corrected), then
// bahth::make_snippet with the parsed MatchSpec on a fixed Arabic text and, when the query is valid UTF-8,
// on the query's own text.
//
// Invariants: the only exception is bahth::QueryError; a parsed query has a non-empty Xapian query and
// its MatchSpec and warnings hold valid UTF-8; snippet text is valid UTF-8 and every highlight span satisfies
// start < end <= text.size(), on character boundaries.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <string>

#include "base/errors.h"
#include "fuzz_check.h"
#include "search/query.h"
#include "search/snippet.h"

namespace {

// A news paragraph with diacritics, tatweel, proclitics, digits, quotes and punctuation.
constexpr std::string_view kText =
    "القاهرة - أعلنت وزارة الخارجيّة المصريّة، يوم الثلاثاء 5 مارس 2019، أن الرئيس سيزور بيروت وبغداد "
    "خلال الأسبوع المقبل، في جولة \"تاريخية\" تشمل لقاءات مع رؤساء الحكومات. وقال المتحدث باسم الوزارة "
    "إن «الزيارة تهدف إلى تعزيز التعاون الاقتصادي» وإنّ الجانبين سيوقّعان اتفاقيات في مجالات الطاقـــة "
    "والنقل والتعليم. وأضاف: لا توجد خلافات بين البلدين، والعلاقات ممتازة منذ عام ٢٠١٤م. "
    "Meanwhile, officials in Cairo said the visit (the first since 2014) would last 3 days.";

void check_snippet(const bahth::Snippet& s) {
  FUZZ_CHECK(fuzz::valid_utf8(s.text));
  for (const auto& [start, end] : s.spans) {
    FUZZ_CHECK(start < end);
    FUZZ_CHECK(end <= s.text.size());
    FUZZ_CHECK(fuzz::on_boundary(s.text, start) && fuzz::on_boundary(s.text, end));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bahth::Analyzer analyzer = [] {
    bahth::Analyzer a("snowball");
    static std::map<std::string, Xapian::doccount> vocabulary;  // exact forms and "Z" stem keys of kText
    for (const bahth::Token& t : a.tokenize(kText)) {
      ++vocabulary[t.form];
      ++vocabulary["Z" + a.stem(t)];
    }
    a.set_vocabulary([](const std::string& term) -> Xapian::doccount {
      auto it = vocabulary.find(term);
      return it == vocabulary.end() ? 0 : it->second;
    });
    return a;
  }();
  const std::string_view text = fuzz::as_text(data, size);
  bahth::ParsedQuery parsed;
  try {
    parsed = bahth::parse_query(text, analyzer, bahth::CivilDate{2024, 2, 29});
  } catch (const bahth::QueryError&) {
    return 0;
  } catch (const std::exception& e) {
    fuzz::unexpected_exception("parse_query", e.what());
  } catch (...) {
    fuzz::unexpected_exception("parse_query", "(not a std::exception)");
  }
  FUZZ_CHECK(!parsed.query.empty());
  for (const auto& s : parsed.match.stems) FUZZ_CHECK(fuzz::valid_utf8(s));
  for (const auto& s : parsed.match.exact) FUZZ_CHECK(fuzz::valid_utf8(s));
  for (const auto& s : parsed.warnings) FUZZ_CHECK(fuzz::valid_utf8(s));
  for (const auto& phrase : parsed.match.phrases)
    for (const auto& s : phrase) FUZZ_CHECK(fuzz::valid_utf8(s));
  (void)parsed.query.get_description();  // walks the whole query tree

  for (std::size_t max_chars : {std::size_t{0}, std::size_t{40}, std::size_t{200}})
    check_snippet(bahth::make_snippet(kText, parsed.match, analyzer, max_chars));
  // parse_query accepted it, so it is valid UTF-8: also a snippet of the query's own words.
  check_snippet(bahth::make_snippet(text, parsed.match, analyzer, 80));
  return 0;
}
