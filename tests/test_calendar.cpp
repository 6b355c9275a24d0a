// Unit tests for common/dates/calendar.h: day arithmetic and the date bounds of --from/--to and date:.
#include <doctest/doctest.h>

#include "base/errors.h"
#include "dates/calendar.h"

#include <optional>
#include <string>

TEST_CASE("day arithmetic") {
  CHECK(bahth::days_from_civil(1970, 1, 1) == 0);
  CHECK(bahth::civil_from_days(bahth::days_from_civil(2024, 2, 29)) == bahth::CivilDate{2024, 2, 29});
  CHECK(bahth::weekday_of(bahth::days_from_civil(2015, 7, 22)) == 3);  // a Wednesday
  CHECK(bahth::days_in_month(2023, 2) == 28);
  CHECK(bahth::days_in_month(2000, 2) == 29);
  CHECK_FALSE(bahth::is_valid_date(1900, 2, 29));
}

TEST_CASE("date bounds: periods") {
  const bahth::CivilDate none{};  // no today: periods only
  CHECK(bahth::date_bound("2024", false, none) == "20240101");
  CHECK(bahth::date_bound("2024", true, none) == "20241231");
  CHECK(bahth::date_bound("2024-02", true, none) == "20240229");
  CHECK(bahth::date_bound("٢٠٢٣/٠٢", true, none) == "20230228");
  CHECK_FALSE(bahth::date_bound("2023-02-29", false, none));
  CHECK_FALSE(bahth::date_bound("20x3", false, none));
  CHECK_FALSE(bahth::date_bound("yesterday", false, none));
  CHECK(bahth::parse_date_bound("2018-03", true, none) == "20180331");
  CHECK_THROWS_WITH_AS(bahth::parse_date_bound("2018-13", false, none),
                       "date '2018-13' is not a valid YYYY, YYYY-MM, YYYY-MM-DD or a day before today (today, "
                       "yesterday, 7d, 4w, 3m, 1y, أمس …)",
                       bahth::UsageError);
}

TEST_CASE("date bounds: days before today") {
  // Each names one day, the same for either bound; months are calendar months, clamped to the month's end.
  struct Case {
    bahth::CivilDate today;
    const char* text;
    const char* day;  // nullptr: not a date bound
  } cases[] = {
      {{2024, 3, 31}, "today", "20240331"},
      {{2024, 3, 31}, "Today", "20240331"},
      {{2024, 3, 31}, "yesterday", "20240330"},
      {{2024, 3, 1}, "yesterday", "20240229"},
      {{2024, 3, 31}, "7d", "20240324"},
      {{2024, 3, 31}, "0d", "20240331"},
      {{2024, 3, 31}, "4w", "20240303"},
      {{2024, 3, 31}, "1m", "20240229"},
      {{2024, 3, 31}, "3m", "20231231"},
      {{2023, 3, 31}, "1m", "20230228"},
      {{2024, 1, 15}, "13m", "20221215"},
      {{2024, 2, 29}, "1y", "20230228"},
      {{2024, 3, 31}, "٧d", "20240324"},        // Arabic-Indic digits
      {{2024, 3, 31}, "اليوم", "20240331"},
      {{2024, 3, 31}, "أمس", "20240330"},
      {{2024, 3, 31}, "امس", "20240330"},       // hamza left out
      {{2024, 3, 31}, "أَمْسِ", "20240330"},      // diacritics
      {{2024, 3, 31}, "الأسبوع الماضي", "20240324"},
      {{2024, 3, 31}, "الاسبوع  الماضى", "20240324"},  // bare alef, ى for ي, two spaces
      {{2024, 3, 31}, "الأسبوع_المنصرم", "20240324"},
      {{2024, 3, 31}, "الشهر الماضي", "20240229"},
      {{2024, 3, 31}, "الشهر الماضية", "20240229"},
      {{2024, 3, 31}, "العام الماضي", "20230331"},
      {{2024, 3, 31}, "السنة الماضيه", "20230331"},
      {{2024, 3, 31}, "7", nullptr},
      {{2024, 3, 31}, "d", nullptr},
      {{2024, 3, 31}, "7x", nullptr},
      {{2024, 3, 31}, "-7d", nullptr},
      {{2024, 3, 31}, "99999d", nullptr},        // at most 4 digits
      {{2024, 3, 31}, "الأسبوع", nullptr},
      {{2024, 3, 31}, "الأسبوع المقبل", nullptr},  // the future is no bound of what was published
      {{2024, 3, 31}, "الماضي الأسبوع", nullptr},
      {{2024, 3, 31}, "غدا", nullptr},
      {{1, 1, 1}, "1d", nullptr},                // before year 1
  };
  for (const auto& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    for (bool upper : {false, true}) {
      const std::string got = bahth::date_bound(c.text, upper, c.today).value_or("none");
      CHECK(got == (c.day ? c.day : "none"));
    }
  }
}

TEST_CASE("months before a date") {
  CHECK(bahth::months_before({2024, 3, 31}, 1) == bahth::CivilDate{2024, 2, 29});
  CHECK(bahth::months_before({2024, 1, 10}, 1) == bahth::CivilDate{2023, 12, 10});
  CHECK(bahth::months_before({2024, 1, 10}, 25) == bahth::CivilDate{2021, 12, 10});
  CHECK(bahth::months_before({2024, 1, 10}, -1) == bahth::CivilDate{2024, 2, 10});
}
