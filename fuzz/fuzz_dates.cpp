// Date extraction: bahth::extract_dates without and with a publication date, plus parse_date_field,
// find_publication_date_in_text and parse_date_from_filename, on any valid UTF-8.
//
// Invariants (mentions.h, fields.h, dateline.h): mentions in text order and non-overlapping,
// 0 <= start < end <= the input's length in code points, `text` equal to the input's code points
// [start, end), `value` shaped as its precision says (day and week "YYYY-MM-DD" of an existing date, month
// "YYYY-MM", year "YYYY"), calendar "gregorian" or "hijri", the range two existing dates in order that hold
// the value's first day (a day: equal to it; a week: its seven days); parse_date_field and parse_date_from_filename
// return only existing dates; the text date's line exists.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "dates/calendar.h"
#include "dates/dateline.h"
#include "dates/fields.h"
#include "dates/mentions.h"
#include "fuzz_check.h"

namespace {

bool digits(std::string_view s, std::size_t from, std::size_t n) {
  for (std::size_t i = from; i < from + n; ++i)
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number(std::string_view s, std::size_t from, std::size_t n) { return std::stoi(std::string(s.substr(from, n))); }

void check_value(const bahth::DateMention& m) {
  const std::string& v = m.value;
  switch (m.precision) {
    case bahth::DatePrecision::day:
    case bahth::DatePrecision::week: {
      FUZZ_CHECK(v.size() == 10 && digits(v, 0, 4) && v[4] == '-' && digits(v, 5, 2) && v[7] == '-' && digits(v, 8, 2));
      FUZZ_CHECK(bahth::is_valid_date({number(v, 0, 4), number(v, 5, 2), number(v, 8, 2)}));
      break;
    }
    case bahth::DatePrecision::month:
      FUZZ_CHECK(v.size() == 7 && digits(v, 0, 4) && v[4] == '-' && digits(v, 5, 2));
      FUZZ_CHECK(number(v, 5, 2) >= 1 && number(v, 5, 2) <= 12);
      break;
    case bahth::DatePrecision::year:
      FUZZ_CHECK(v.size() == 4 && digits(v, 0, 4));
      break;
  }
}

// The code points [start, end) of valid UTF-8 `s`, as bytes.
std::string_view code_point_slice(std::string_view s, std::size_t start, std::size_t end) {
  std::size_t i = 0, cp = 0, from = s.size();
  while (i < s.size() && cp < end) {
    if (cp == start) from = i;
    bahth::next_code_point(s, i);
    ++cp;
  }
  if (cp == start) from = i;
  return s.substr(from, i - from);
}

void check_mentions(std::string_view text, const std::vector<bahth::DateMention>& mentions) {
  const std::size_t length = bahth::count_code_points(text);
  std::size_t previous_end = 0;
  for (const bahth::DateMention& m : mentions) {
    FUZZ_CHECK(m.start < m.end);
    FUZZ_CHECK(m.end <= length);
    FUZZ_CHECK(m.start >= previous_end);
    previous_end = m.end;
    FUZZ_CHECK(code_point_slice(text, m.start, m.end) == m.text);
    FUZZ_CHECK(m.calendar == "gregorian" || m.calendar == "hijri");
    check_value(m);
    FUZZ_CHECK(bahth::is_valid_date(m.first) && bahth::is_valid_date(m.last));
    const long first = bahth::days_from_civil(m.first.year, m.first.month, m.first.day);
    const long last = bahth::days_from_civil(m.last.year, m.last.month, m.last.day);
    FUZZ_CHECK(first <= last && last - first < 400);
    FUZZ_CHECK(m.value == bahth::to_iso(m.first).substr(0, m.value.size()));
    if (m.precision == bahth::DatePrecision::day) FUZZ_CHECK(first == last);
    if (m.precision == bahth::DatePrecision::week) FUZZ_CHECK(last - first == 6);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  if (!fuzz::valid_utf8(text)) return -1;  // extract_dates() requires valid UTF-8

  check_mentions(text, bahth::extract_dates(text, std::nullopt));
  // A publication date that varies with the input, so that relative and year-less dates resolve
  // against many days (leap days and year ends included).
  const bahth::CivilDate publication{1990 + static_cast<int>(size % 60), 1 + static_cast<int>(size % 12),
                                     1 + static_cast<int>((size / 12) % 28)};
  check_mentions(text, bahth::extract_dates(text, publication));
  check_mentions(text, bahth::extract_dates(text, bahth::CivilDate{2016, 2, 29}));

  if (auto d = bahth::parse_date_field(text)) FUZZ_CHECK(bahth::is_valid_date(*d));
  if (auto d = bahth::parse_date_from_filename(text)) FUZZ_CHECK(bahth::is_valid_date(*d));
  if (auto td = bahth::find_publication_date_in_text(text)) {
    FUZZ_CHECK(bahth::is_valid_date(td->date));
    FUZZ_CHECK(td->line <= static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  }
  return 0;
}
