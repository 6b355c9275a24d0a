// Unit tests for common/dates/calendar.h: day arithmetic and the date bounds of --from/--to and date:.
#include <doctest/doctest.h>

#include "base/errors.h"
#include "dates/calendar.h"

TEST_CASE("day arithmetic") {
  CHECK(bahth::days_from_civil(1970, 1, 1) == 0);
  CHECK(bahth::civil_from_days(bahth::days_from_civil(2024, 2, 29)) == bahth::CivilDate{2024, 2, 29});
  CHECK(bahth::weekday_of(bahth::days_from_civil(2015, 7, 22)) == 3);  // a Wednesday
  CHECK(bahth::days_in_month(2023, 2) == 28);
  CHECK(bahth::days_in_month(2000, 2) == 29);
  CHECK_FALSE(bahth::is_valid_date(1900, 2, 29));
}

TEST_CASE("date bounds") {
  CHECK(bahth::date_bound("2024", false) == "20240101");
  CHECK(bahth::date_bound("2024", true) == "20241231");
  CHECK(bahth::date_bound("2024-02", true) == "20240229");
  CHECK(bahth::date_bound("٢٠٢٣/٠٢", true) == "20230228");
  CHECK_FALSE(bahth::date_bound("2023-02-29", false));
  CHECK_FALSE(bahth::date_bound("20x3", false));
  CHECK(bahth::parse_date_bound("2018-03", true) == "20180331");
  CHECK_THROWS_WITH_AS(bahth::parse_date_bound("2018-13", false),
                       "date '2018-13' is not a valid YYYY, YYYY-MM or YYYY-MM-DD", bahth::UsageError);
}
