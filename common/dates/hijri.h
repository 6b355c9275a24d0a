// The Hijri calendar as Saudi Arabia's Umm al-Qura tables give it (ICU's "islamic-umalqura"), converted
// to and from the proleptic Gregorian calendar (calendar.h).
//
// Conversions go through ICU calendars that each thread builds on first use: they are costly to build and
// not thread-safe, and most threads never see a Hijri date. This module does not read Hijri dates from text
// (mentions.h does) and does not know month names (lexicon.h).
//
// Example:
//   bahth::hijri_to_gregorian(1436, 10, 26);          // 2015-08-11
//   bahth::gregorian_to_hijri({2015, 8, 11});          // 1436-10-26
#pragma once

#include <optional>

#include "dates/calendar.h"

namespace bahth {

/// A date in the Umm al-Qura calendar: month 1 = Muharram .. 12 = Dhu al-Hijja.
struct HijriDate {
    int year = 0, month = 0, day = 0;
};

/// The Gregorian date of Hijri `year`-`month`-`day`. nullopt when the year is outside 1..1600, the month
/// outside 1..12, the day outside 1..30 or past the month's end (a 29-day month has no day 30), or when ICU
/// has no Umm al-Qura calendar.
std::optional<CivilDate> hijri_to_gregorian(int year, int month, int day);

/// The Hijri date of Gregorian date `g` (a full, valid date). nullopt when ICU has no Umm al-Qura calendar
/// or cannot convert it.
std::optional<HijriDate> gregorian_to_hijri(const CivilDate& g);

}  // namespace bahth
