// The proleptic Gregorian calendar: a date type, day arithmetic, the two text forms dates are stored and
// shown in, and the date bounds of the searcher's --from/--to and of the query language's date:.
//
// Days are counted from 1970-01-01 (day 0) with Howard Hinnant's days_from_civil / civil_from_days, valid
// for any year an int holds. This module knows nothing of other calendars (Hijri: hijri.h), of Arabic
// month names or of finding dates in text (mentions.h, fields.h, dateline.h); of Arabic it knows only the
// few relative words a date bound may be (اليوم، أمس، الأسبوع الماضي …), read through the lexicon (lexicon.h).
//
// Example:
//   bahth::to_iso({2022, 2, 5});                          // "2022-02-05"
//   bahth::date_bound("٢٠٢٣/٠٢", true, {});                // "20230228": the last day of February 2023
//   bahth::date_bound("الشهر الماضي", false, {2024, 3, 31});  // "20240229": a month before that day
//   bahth::weekday_of(bahth::days_from_civil(2015, 7, 22));  // 3: a Wednesday
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bahth {

/// A proleptic Gregorian calendar date. `month` and `day` are 0 when unknown (a month or a year).
struct CivilDate {
    int year = 0, month = 0, day = 0;
};

inline bool operator==(const CivilDate& a, const CivilDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}
inline bool operator!=(const CivilDate& a, const CivilDate& b) { return !(a == b); }

/// "20220205": the form Xapian's DateRangeProcessor compares. Unknown month/day are written as "00"
/// ("20220200"), which sorts before every day of that month.
std::string to_yyyymmdd(const CivilDate& d);

/// "2022-02-05"; "2022-02" when the day is unknown, "2022" when the month is unknown too.
std::string to_iso(const CivilDate& d);

/// Whether `d` is a full, existing Gregorian date (month 1..12, day within the month; any year).
bool is_valid_date(const CivilDate& d);
/// The same for a date given as its three numbers.
bool is_valid_date(int year, int month, int day);

/// Days in `month` (1..12, not checked) of `year`: 28..31.
int days_in_month(int year, int month);

/// Days from 1970-01-01 to the date (negative before it). `month` 1..12; `day` may run past the month.
long days_from_civil(int year, int month, int day);

/// The date `days` days after 1970-01-01 (the inverse of days_from_civil).
CivilDate civil_from_days(long days);

/// Day of the week of day number `days`: 0 = Sunday .. 6 = Saturday.
int weekday_of(long days);

/// The date `months` calendar months before `d` (a full date), the day clamped to the end of a shorter month:
/// 2024-03-31 less 1 is 2024-02-29.
CivilDate months_before(const CivilDate& d, long months);

/// Today's date on this machine's clock in its local time zone (the TZ variable): what the command line
/// passes to date_bound() as `today`.
CivilDate local_today();

/// An inclusive date bound "YYYYMMDD" from what a user types after --from/--to or date:, either
///  - a period: "YYYY", "YYYY-MM" or "YYYY-MM-DD" (ASCII or Arabic-Indic/Persian digits, '/' for '-'): its
///    first day, or its last day when `upper`; or
///  - a day relative to `today` (the same day for either bound): "today", "yesterday", "Nd", "Nw", "Nm",
///    "Ny" (N days, weeks, calendar months or years before today; N up to 9999, any case, Arabic digits
///    too), or the Arabic words اليوم (today), أمس (yesterday), الأسبوع الماضي (7d), الشهر الماضي (1m),
///    العام الماضي / السنة الماضية (1y), normalised as dates read text (hamza and alef forms, ة/ه, ى/ي,
///    diacritics, tatweel); the words may be separated by spaces or '_'.
/// nullopt when it is neither (another shape, any other character, month 13, 29 February of a common year,
/// year 0), or when it is relative and `today` is not a valid date (so a caller without a clock, such as
/// mentioned:, passes {} and accepts periods only).
std::optional<std::string> date_bound(std::string_view text, bool upper, const CivilDate& today);

/// date_bound() for a command-line option: the bound, or throws UsageError "date 'TEXT' is not a valid YYYY,
/// YYYY-MM, YYYY-MM-DD or a day before today (today, yesterday, 7d, 4w, 3m, 1y, أمس …)".
std::string parse_date_bound(const std::string& text, bool upper, const CivilDate& today);

}  // namespace bahth
