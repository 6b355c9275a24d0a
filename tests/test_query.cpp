// Query parser: query text → Xapian query description, errors and warnings.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

#include "text/analyzer.h"
#include "base/errors.h"
#include "search/query.h"

using bahth::Analyzer;
using bahth::parse_query;

namespace {
// Xapian prints weight factors with 20 digits ("0.3499999999999999778 * w"): shown here as %g ("0.35 * w").
std::string short_factors(const std::string& d) {
  static const std::regex factor("([0-9]+\\.[0-9]+) \\* ");
  std::string out;
  auto last = d.cbegin();
  for (std::sregex_iterator it(d.begin(), d.end(), factor), end; it != end; ++it) {
    out.append(last, d.cbegin() + it->position());
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g * ", std::stod((*it)[1].str()));
    out += buf;
    last = d.cbegin() + it->position() + it->length();
  }
  out.append(last, d.cend());
  return out;
}
// The day relative dates (date:7d, date:أمس) count back from in these tests.
const bahth::CivilDate kToday{2024, 3, 31};
std::string describe(const Analyzer& a, const std::string& q) {
  return short_factors(parse_query(q, a, kToday).query.get_description());
}
}  // namespace

TEST_CASE("query syntax to Xapian queries") {
  const Analyzer a("none");
  struct Case {
    const char* query;
    const char* expected;
  } cases[] = {
      {"بوتين", "Query(((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين))"},
      {"بُوتِين", "Query(((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين))"},
      {"بوتين الصين", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) OR ((Zالصين SYNONYM الصين) OR 0.25 * الصين)))"},
      {"\"شراكة بلا حدود\"", "Query(((شراكة AND بلا AND حدود) FILTER PostingSource(PhraseSource(شراكة بلا حدود))))"},
      {"«شراكة بلا حدود»", "Query(((شراكة AND بلا AND حدود) FILTER PostingSource(PhraseSource(شراكة بلا حدود))))"},
      {"“شراكة بلا”", "Query(((شراكة AND بلا) FILTER PostingSource(PhraseSource(شراكة بلا))))"},
      {"\"بوتين\"", "Query(بوتين)"},
      {"بوتين AND الصين", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) AND ((Zالصين SYNONYM الصين) OR 0.25 * الصين)))"},
      {"بوتين OR الصين", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) OR ((Zالصين SYNONYM الصين) OR 0.25 * الصين)))"},
      {"بوتين أو الصين", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) OR ((Zالصين SYNONYM الصين) OR 0.25 * الصين)))"},
      {"بوتين NOT الصين", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) AND_NOT (Zالصين SYNONYM الصين)))"},
      {"بوتين AND NOT الصين", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) AND_NOT (Zالصين SYNONYM الصين)))"},
      {"بوتين -الصين", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) AND_NOT (Zالصين SYNONYM الصين)))"},
      {"+بوتين الصين", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) AND_MAYBE ((Zالصين SYNONYM الصين) OR 0.25 * الصين)))"},
      {"(بوتين OR شي) AND الصين", "Query(((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) OR ((Zشي SYNONYM شي) OR 0.25 * شي)) AND ((Zالصين SYNONYM الصين) OR 0.25 * الصين)))"},
      {"title:بوتين", "Query((ZSبوتين SYNONYM Sبوتين))"},
      {"title:\"بوتين وشي\"", "Query(((Sبوتين AND Sوشي) FILTER PostingSource(PhraseSource(title: بوتين وشي))))"},
      {"بوتين source:France24", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) FILTER XSfrance24))"},
      {"source:france24 source:bbc", "Query((XSfrance24 OR XSbbc))"},
      {"شي-جين", "Query(((شي AND جين) FILTER PostingSource(PhraseSource(شي جين))))"},
      {"بوتين ، ؟", "Query(((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين))"},
      {"٢٠٢٢", "Query(((Z2022 SYNONYM 2022) OR 0.25 * 2022))"},
  };
  for (const auto& c : cases) {
    const std::string query = c.query;
    CAPTURE(query);
    CHECK(describe(a, c.query) == c.expected);
  }
}

TEST_CASE("parentheses nest up to 100 deep") {
  const Analyzer a("none");
  CHECK_NOTHROW(parse_query(std::string(100, '(') + "بوتين" + std::string(100, ')'), a, {}));
  std::ifstream f(BAHTH_TEST_DATA_DIR "/fuzz-regressions/query-deep-nesting", std::ios::binary);
  const std::string crash((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  REQUIRE(crash.size() > 1000);
  CHECK_THROWS_AS(parse_query(crash, a, {}), bahth::QueryError);
}

TEST_CASE("queries that cannot run say why") {
  const Analyzer a("none");
  struct Case {
    std::string query;
    const char* message;
  } cases[] = {
      {"", "empty query"},
      {"   ", "empty query"},
      {"،،، ؟!", "query has no searchable words"},
      {"ًٌٍَُِّْ", "query has no searchable words"},
      {"\"\"", "query has no searchable words"},
      {"-بوتين", "query only excludes words; add a word to search for"},
      {"\xff\xfe", "query is not valid UTF-8 (byte 0)"},
      // found by fuzzing (tests/data/fuzz-regressions/query-deep-nesting): 1,715 '(' overflowed the stack
      {std::string(5000, '(') + "بوتين", "query nests parentheses more than 100 deep"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.query);
    CHECK_THROWS_WITH_AS(parse_query(c.query, a, {}), c.message, bahth::QueryError);
  }
}

TEST_CASE("unbalanced quotes and parentheses are closed with a warning") {
  const Analyzer a("none");
  auto p = parse_query("\"شراكة بلا", a, {});
  CHECK(p.query.get_description() == "Query(((شراكة AND بلا) FILTER PostingSource(PhraseSource(شراكة بلا))))");
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0] == "unbalanced quote: the phrase runs to the end of the query");

  p = parse_query("(بوتين OR شي", a, {});
  CHECK(short_factors(p.query.get_description()) == "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) OR ((Zشي SYNONYM شي) OR 0.25 * شي)))");
  CHECK(p.warnings.size() == 1);

  p = parse_query("بوتين) شي", a, {});  // no word pair across the ')'
  CHECK(short_factors(p.query.get_description()) == "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) OR ((Zشي SYNONYM شي) OR 0.25 * شي)))");
  CHECK(p.warnings.size() == 1);
}

// Issue "Arabic relevance": plain words also match their exact form (at 0.35 of its weight) and neighbouring
// plain words are recorded as pairs (the searcher adds their bonus: pair_bonus.h); fielded, excluded and
// quoted words get neither.
TEST_CASE("plain words: exact-form and word-pair bonuses") {
  const Analyzer a("light");
  struct Case {
    const char* query;
    const char* expected;
  } cases[] = {
      // a stop word between two words is dropped and does not break the pair
      {"مدينة في المغرب",
       "Query((((Zمدين SYNONYM مدين) OR 0.25 * مدينة) OR ((Zمغرب SYNONYM مغرب) OR 0.25 * المغرب)))"},
      // a quoted phrase or a fielded word between two words does
      {"مدينة \"الدار البيضاء\" المغرب",
       "Query(((((Zمدين SYNONYM مدين) OR 0.25 * مدينة) OR ((الدار AND البيضاء) FILTER PostingSource(PhraseSource(الدار البيضاء)))) OR ((Zمغرب SYNONYM مغرب) OR 0.25 * المغرب)))"},
      {"مدينة title:الرباط المغرب", "Query(((((Zمدين SYNONYM مدين) OR 0.25 * مدينة) OR (ZSرباط SYNONYM Sرباط)) OR ((Zمغرب SYNONYM مغرب) OR 0.25 * المغرب)))"},
      {"مدينة -المغرب", "Query((((Zمدين SYNONYM مدين) OR 0.25 * مدينة) AND_NOT (Zمغرب SYNONYM مغرب)))"},
  };
  for (const auto& c : cases) {
    const std::string query = c.query;
    CAPTURE(query);
    CHECK(describe(a, c.query) == c.expected);
  }
  using P = std::vector<bahth::WordPair>;
  CHECK(parse_query("مدينة في المغرب", a, kToday).pairs == P{{"مدينة", "المغرب"}});
  CHECK(parse_query("مدينة \"الدار البيضاء\" المغرب", a, kToday).pairs.empty());
  CHECK(parse_query("مدينة title:الرباط المغرب", a, kToday).pairs.empty());
  CHECK(parse_query("مدينة -المغرب", a, kToday).pairs.empty());
  CHECK(parse_query("مدينة المغرب مدينة المغرب", a, kToday).pairs == P{{"مدينة", "المغرب"}, {"المغرب", "مدينة"}});
  CHECK(parse_query("بوتين) شي", a, kToday).pairs.empty());  // no pair across the ')'
}

TEST_CASE("highlight spec holds positive words only") {
  const Analyzer a("none");
  auto p = parse_query("بوتين \"بلا حدود\" \"موسكو\" -الصين NOT بكين", a, {});
  CHECK(p.match.stems == std::set<std::string>{"بوتين"});
  CHECK(p.match.exact == std::set<std::string>{"موسكو"});
  REQUIRE(p.match.phrases.size() == 1);
  CHECK(p.match.phrases[0] == std::vector<std::string>{"بلا", "حدود"});
}

TEST_CASE("batch query lines: ids, comments, blank lines, bad UTF-8") {
  std::istringstream in("q1\tبوتين\n\n# comment\nالصين\n\xff\n q2 \t  روسيا \n");
  std::vector<bahth::BatchQuery> got;
  std::vector<std::string> problems;
  bahth::read_query_lines(in, "queries.tsv", [&](bahth::BatchQuery&& q) { got.push_back(q); },
                          [&](const std::string& p) { problems.push_back(p); });
  REQUIRE(got.size() == 3);
  CHECK(got[0].id == "q1");
  CHECK(got[0].text == "بوتين");
  CHECK(got[1].id == "4");
  CHECK(got[1].text == "الصين");
  CHECK(got[2].id == "q2");
  CHECK(got[2].text == "روسيا");
  CHECK(problems == std::vector<std::string>{"queries.tsv:5: not valid UTF-8; skipped"});
}

TEST_CASE("date: and mentioned: filters") {
  const Analyzer a("none");
  struct Case {
    const char* query;
    const char* expected;
  } cases[] = {
      {"بوتين date:2022", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) FILTER VALUE_RANGE 0 20220101 20221231))"},
      {"بوتين date:2018-03..2018-05", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) FILTER VALUE_RANGE 0 20180301 20180531))"},
      {"بوتين date:٢٠٢٢-٠٢-٠٥", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) FILTER VALUE_RANGE 0 20220205 20220205))"},
      {"بوتين date:..2012", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) FILTER VALUE_RANGE 0 00000101 20121231))"},
      // Days before today (kToday = 2024-03-31), one form or the Arabic words, quoted or joined by '_'.
      {"بوتين date:7d..", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) FILTER VALUE_RANGE 0 20240324 99991231))"},
      {"بوتين date:yesterday", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) FILTER VALUE_RANGE 0 20240330 20240330))"},
      {"بوتين date:1m..today", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) FILTER VALUE_RANGE 0 20240229 20240331))"},
      {"بوتين date:\"الشهر الماضي..\"", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) FILTER VALUE_RANGE 0 20240229 99991231))"},
      {"بوتين date:الأسبوع_الماضي..أمس", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) FILTER VALUE_RANGE 0 20240324 20240330))"},
      {"mentioned:2022", "Query(XMY2022)"},
      {"بوتين mentioned:2022-03", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) FILTER XMM202203))"},
      {"بوتين mentioned:2022-03-05", "Query((((Zبوتين SYNONYM بوتين) OR 0.25 * بوتين) FILTER XMD20220305))"},
      {"mentioned:2016..2018", "Query((XMY2016 OR XMY2017 OR XMY2018))"},
  };
  for (const auto& c : cases) {
    const std::string query = c.query;
    CAPTURE(query);
    CHECK(describe(a, c.query) == c.expected);
  }
  CHECK_THROWS_WITH_AS(parse_query("بوتين date:2022-13", a, {}),
                       "date:2022-13 is not a date or range (YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, 7d, 4w, 3m, 1y, FROM..TO)", bahth::QueryError);
  CHECK_THROWS_WITH_AS(parse_query("بوتين date:2019..2018", a, {}),
                       "date:2019..2018 is not a date or range (YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, 7d, 4w, 3m, 1y, FROM..TO)", bahth::QueryError);
  // mentioned: takes periods only: its precision is the shape of what was typed.
  CHECK_THROWS_WITH_AS(parse_query("بوتين mentioned:7d", a, kToday),
                       "mentioned:7d is not a date or range (YYYY, YYYY-MM, YYYY-MM-DD, FROM..TO)", bahth::QueryError);
}


TEST_CASE("synonyms: plain words and runs of them; quoted, excluded and required words as typed") {
  const Analyzer a("light");
  const bahth::SynonymLookup lookup = [](const std::string& word) {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    if (word == "امريكا") out.push_back({"امريكا", {"الولايات المتحدة"}});
    if (word == "الولايات") out.push_back({"الولايات المتحدة", {"امريكا"}});
    if (word == "بكين") out.push_back({"بكين", {"بيجين"}});
    return out;
  };
  struct Case {
    const char* query;
    const char* expected;  // the query's description
    const char* warning;   // "" for none
  } cases[] = {
      {"أمريكا",
       "Query((((Zامريكا SYNONYM امريكا) OR 0.25 * امريكا) OR 0.02 * ((الولايات AND المتحدة) FILTER "
       "PostingSource(PhraseSource(الولايات المتحدة)))))",
       "synonyms of امريكا searched too: الولايات المتحدة (quote a word to keep it as typed)"},
      {"زيارة الولايات المتحدة",  // a run of plain words that is an entry: its synonym by its stem key
       "Query((((((Zزيار SYNONYM زيار) OR 0.25 * زيارة) OR (Zولا OR 0.25 * الولايات)) OR ((Zمتحد SYNONYM متحد) OR "
       "0.25 * المتحدة)) OR 0.02 * (Zامريكا SYNONYM امريكا)))",
       "synonyms of الولايات المتحدة searched too: امريكا (quote a word to keep it as typed)"},
      {"title:أمريكا",  // in the title
       "Query(((ZSامريكا SYNONYM Sامريكا) OR 0.02 * ((Sالولايات AND Sالمتحدة) FILTER PostingSource(PhraseSource(title: "
       "الولايات المتحدة)))))",
       "synonyms of امريكا searched too: الولايات المتحدة (quote a word to keep it as typed)"},
      {"الولايات العربية المتحدة",  // not the entry's words in a row
       "Query((((Zولا OR 0.25 * الولايات) OR ((Zعرب SYNONYM عرب) OR 0.25 * العربية)) OR ((Zمتحد SYNONYM متحد) OR "
       "0.25 * المتحدة)))",
       ""},
      {"\"أمريكا\"", "Query(امريكا)", ""},
      {"بكين -أمريكا",
       "Query(((((Zبكين SYNONYM بكين) OR 0.25 * بكين) OR 0.02 * (Zبيجين SYNONYM بيجين)) AND_NOT (Zامريكا SYNONYM "
       "امريكا)))",
       "synonyms of بكين searched too: بيجين (quote a word to keep it as typed)"},
      {"+أمريكا بكين",
       "Query((((Zامريكا SYNONYM امريكا) OR 0.25 * امريكا) AND_MAYBE (((Zبكين SYNONYM بكين) OR 0.25 * بكين) OR 0.02 * "
       "(Zبيجين SYNONYM بيجين))))",
       "synonyms of بكين searched too: بيجين (quote a word to keep it as typed)"},
      // Every word of an OR has its synonyms, not only one of them; an entry does not span the OR.
      {"بكين OR أمريكا",
       "Query(((((Zبكين SYNONYM بكين) OR 0.25 * بكين) OR ((Zامريكا SYNONYM امريكا) OR 0.25 * امريكا)) OR (0.02 * "
       "(Zبيجين SYNONYM بيجين) OR 0.02 * ((الولايات AND المتحدة) FILTER PostingSource(PhraseSource(الولايات "
       "المتحدة))))))",
       "synonyms of بكين searched too: بيجين (quote a word to keep it as typed)"
       "synonyms of امريكا searched too: الولايات المتحدة (quote a word to keep it as typed)"},
      {"الولايات OR المتحدة", "Query(((Zولا OR 0.25 * الولايات) OR ((Zمتحد SYNONYM متحد) OR 0.25 * المتحدة)))", ""},
      {"زيارة OR الولايات المتحدة",  // the words typed side by side still make the entry
       "Query((((((Zزيار SYNONYM زيار) OR 0.25 * زيارة) OR (Zولا OR 0.25 * الولايات)) OR ((Zمتحد SYNONYM متحد) OR "
       "0.25 * المتحدة)) OR 0.02 * (Zامريكا SYNONYM امريكا)))",
       "synonyms of الولايات المتحدة searched too: امريكا (quote a word to keep it as typed)"},
      // The words of an AND are searched as typed, as +words are: a synonym beside them would match alone.
      {"بكين AND أمريكا",
       "Query((((Zبكين SYNONYM بكين) OR 0.25 * بكين) AND ((Zامريكا SYNONYM امريكا) OR 0.25 * امريكا)))", ""},
      {"زيارة NOT أمريكا", "Query((((Zزيار SYNONYM زيار) OR 0.25 * زيارة) AND_NOT (Zامريكا SYNONYM امريكا)))", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.query);
    const bahth::ParsedQuery p = parse_query(c.query, a, kToday, {}, lookup);
    CHECK(short_factors(p.query.get_description()) == c.expected);
    std::string warnings;
    for (const auto& w : p.warnings) warnings += w;
    CHECK(warnings == c.warning);
  }
  // Without a lookup (or synonyms) the query is what it always was.
  CHECK(parse_query("أمريكا", a, kToday).query.get_description() ==
        "Query(((Zامريكا SYNONYM امريكا) OR 0.25 * امريكا))");
}
