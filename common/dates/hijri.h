// The Hijri calendar of Saudi Arabia (Umm al-Qura), converted to and from the proleptic Gregorian calendar
// (calendar.h).
//
// Where the official month starts are known (1 Muharram 1343 = 1924-08-01 to 29 Dhu al-Hijja 1500 =
// 2077-11-16) they decide: ummalqura_months.inc carries them, taken from the calendar's published tables
// (../shared/data/ummalqura). ICU's "islamic-umalqura" calendar, which differs from them by a day for many
// months before 1420 AH and after 1450 AH, converts only outside that range; its calendars are built per
// thread on first use (costly to build, not thread-safe). This module does not read Hijri dates from text
// (mentions.h does) and does not know month names (lexicon.h).
//
// Example:
//   bahth::hijri_to_gregorian(1436, 10, 26);          // 2015-08-11
//   bahth::gregorian_to_hijri({2015, 8, 11});          // 1436-10-26
//   bahth::hijri_month_days(1436, 9);                  // 29
#pragma once

#include <optional>

#include "dates/calendar.h"

namespace bahth {

/// A date in the Umm al-Qura calendar: month 1 = Muharram .. 12 = Dhu al-Hijja.
struct HijriDate {
    int year = 0, month = 0, day = 0;
};

/// The first and last Hijri years of the official table.
inline constexpr int kUmmAlQuraFirstYear = 1343, kUmmAlQuraLastYear = 1500;

/// The Gregorian date of Hijri `year`-`month`-`day`. nullopt when the year is outside 1..1600, the month
/// outside 1..12, the day before 1 or past the month's end (29 or 30 days; the official table has a few
/// months of 28 and 31 days before 1350 AH), or, outside the table, when ICU has no Umm al-Qura calendar.
std::optional<CivilDate> hijri_to_gregorian(int year, int month, int day);

/// The Hijri date of Gregorian date `g` (a full, valid date). nullopt when, outside the table, ICU has no
/// Umm al-Qura calendar or cannot convert it.
std::optional<HijriDate> gregorian_to_hijri(const CivilDate& g);

/// Days in Hijri month `month` (1..12) of `year`: 29 or 30 (28..31 in the table's first years); nullopt
/// when hijri_to_gregorian() cannot convert the month's first day.
std::optional<int> hijri_month_days(int year, int month);

}  // namespace bahth
