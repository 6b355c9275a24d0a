// Dates in Arabic news: publication dates from metadata, page text and file names, and every date
// expression mentioned in a story (Gregorian month names of all three families, Hijri dates, numeric
// dates, years with a marker, relative words).
//
// All values are proleptic Gregorian. Hijri dates are converted with ICU's Umm al-Qura calendar.
// Nothing here throws on bad input: a date that cannot be parsed or is invalid is simply absent.
//
// Example:
//   auto pub = bahth::parse_date_field("2015-08-12T10:00:00");           // 2015-08-12
//   auto ms  = bahth::extract_dates("وصل أمس الثلاثاء 26 شوال 1436هـ", pub);
//   // ms[0]: text "أمس الثلاثاء", value "2015-08-11", day, gregorian
//   // ms[1]: text "26 شوال 1436هـ", value "2015-08-11", day, hijri
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

/// Where a document's publication date came from.
enum class DateSource { metadata, text, filename, none };

/// "metadata", "text", "filename", "none".
std::string_view to_string(DateSource s);

/// Publication date from a metadata field. Accepted (surrounding white space ignored, ASCII or
/// Arabic-Indic/Persian digits):
///   ISO-8601 "2018-02-18", "2018-02-18T17:35:43Z", "2015-07-21T02:51:32", "2018-02-18 17:35:43+04:00";
///   RFC-822 "Mon, 26 Feb 2018 02:20:10 GMT", "Sun, 18 Feb 2018 21:35:43 +0400" (weekday optional,
///   English month abbreviations or full names, 4-digit year);
///   "DD/MM/YYYY" (also with '-' or '.'), "YYYY/MM/DD".
/// The result is the calendar date as written: time zones are NOT applied ("...T23:30:00-05:00" stays
/// on that day). Returns nullopt when the text is not one of these forms, has trailing junk, or the
/// date does not exist (month 13, 30 February ...).
std::optional<CivilDate> parse_date_field(std::string_view s);

/// A publication date found in page text, and the 0-based index of the line that carried it (lines
/// are split on '\n'; empty lines count), so the caller can drop that line from the body.
struct TextDate {
    CivilDate date;
    std::size_t line = 0;
};

/// Publication date stated at the top of a scraped page. Only the first 5 non-empty lines and the
/// first 600 code points are examined. A line counts when its first day-precision date (as
/// extract_dates() finds it, Gregorian or Hijri, with an explicit year) has either
///   - a "published/updated" cue directly before it ("نشرت في: 05/02/2022 – 11:10",
///     "تاريخ النشر: ...", "آخر تحديث ..."), or
///   - a dateline around it: the whole line is short (at most 60 code points, at most 24 of them
///     non-space outside its dates: "الثلاثاء 26 مارس 2024", "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس
///     2015 م واس"; a short line ending in '.', '!' or '؟' is a sentence, not a dateline), or the date follows a place name of at
///     most four words and a dash ("القاهرة - 5 مارس 2018 (رويترز) - ...").
/// A long line that merely starts with a date ("24 مايو 2014، أطلق مسلح ...") is story text.
/// Lines that look like a copyright or "page generated" footer (©, حقوق, محفوظة, copyright) are never
/// used. Returns nullopt when no line qualifies; the first qualifying line wins.
std::optional<TextDate> find_publication_date_in_text(std::string_view text);

/// Date from a file name: the first run of exactly 8 digits (YYYYMMDD), or "YYYY-MM-DD" / "YYYY_MM_DD",
/// that forms a valid date with a year in 1900..2100 ("JA-sport-12-20161202.txt", "2016-12-02-foo.txt").
/// Only the last path component is examined; digit runs of other lengths are ignored. Returns nullopt
/// when there is no such date.
std::optional<CivilDate> parse_date_from_filename(std::string_view filename);

/// How precise a date mention is.
enum class DatePrecision { day, week, month, year };

/// "day", "week", "month", "year".
std::string_view to_string(DatePrecision p);

/// One date expression found in a text.
struct DateMention {
    std::string text;       ///< the matched text, byte for byte as in the input
    std::size_t start = 0;  ///< Unicode code point offsets into the original input, [start, end)
    std::size_t end = 0;
    /// Normalised Gregorian value:
    ///   day   "YYYY-MM-DD";
    ///   week  "YYYY-MM-DD" of the Monday of the ISO week that contains the day the phrase denotes
    ///         ("الأسبوع الماضي" in an article of Wed 2015-07-22 -> "2015-07-13");
    ///   month "YYYY-MM"  (a Hijri month: the Gregorian month of its first day);
    ///   year  "YYYY"     (a Hijri year: the Gregorian year of its 1 Muharram).
    std::string value;
    DatePrecision precision = DatePrecision::day;
    std::string calendar;  ///< the calendar the text was WRITTEN in: "gregorian" or "hijri"
};

/// Every date expression in `utf8_text`, in text order, non-overlapping (where candidates overlap,
/// the longest, then the most precise, wins: "الثلاثاء 26 مارس / مارس 2024" is one day mention).
///
/// Understood:
///   - day/month/year with Gregorian month names of every family (Egyptian/Gulf يناير..ديسمبر,
///     Levantine كانون الثاني..كانون الأول incl. "كانون 2", Maghrebi جانفي فيفري ... أوت, Moroccan
///     يوليوز غشت شتنبر نونبر دجنبر), alone or paired in any order ("آذار/مارس", "مارس (آذار)",
///     "يونيو حزيران"), with an optional leading weekday, "من" after the day, "عام" before the year
///     and "م" after it; month + year -> month precision;
///   - Hijri dates with month names (محرم .. ذو الحجة) and numeric Hijri dates ("26/10/1436هـ";
///     numeric dates whose year is 1300..1500 are taken as Hijri even without هـ), Hijri years with
///     هـ/هجري/للهجرة ("1436هـ" -> year precision). صفر is a month only with a day before it
///     (and not in a score) or a Hijri year/هـ after it;
///   - numeric dates, day first (05/02/2022, 5-2-2022, 5.2.2022) or year first (2022-02-05), the same
///     separator twice, Gregorian years 1900..2100;
///   - a year after a marker (عام، العام، سنة، عامي ...) or with "م" ("2003م"), 1900..2100;
///     a bare 4-digit number is never a date;
///   - needing `publication` (skipped without it):
///       year-less dates ("5 مارس"): the occurrence nearest to publication, a future one counting
///       double (news mostly reports the past); with المقبل/القادم the next occurrence after
///       publication, with الماضي/المنصرم the last one before it, with الجاري/الحالي publication's year;
///       "من العام الماضي" etc. after the month sets the year; a Hijri year-less date uses the same
///       rule on Hijri years;
///       a month alone after شهر or a preposition (في، خلال، منذ، مطلع ...), or with a relative word
///       ("مارس الماضي"); Hijri months alone only with a relative word ("رمضان الماضي");
///       اليوم (only in a clearly temporal position: "اليوم (الاثنين)", "صباح اليوم", "في وقت سابق
///       اليوم", "اليوم أن ..."), أمس، يوم الأمس، أول أمس/أمس الأول، غداً (temporal position only),
///       يوم غد، بعد غد; الأسبوع/الشهر/العام/السنة + الماضي/المقبل/القادم/الجاري/الحالي/المنصرم and
///       هذا الأسبوع/الشهر/العام; a weekday with الماضي (the last such day before publication),
///       المقبل/القادم (the next after it) or alone (the last such day on or before publication).
///       "اليوم/أمس/غدا + weekday" resolves to that weekday.
///
/// Not dates: day-month names of places and events ("شارع 7 نوفمبر", "مدينة 6 أكتوبر", "ملعب 5 جويلية",
/// "ثورة 23 يوليو" without a year: these name things; with a year, an event noun is kept as a date),
/// صفر meaning zero, اليوم as a noun ("اليوم الوطني", "العالم اليوم"), weekdays in "صلاة الجمعة",
/// "ليلة الجمعة", "أيام الجمعة والسبت", "بين الاثنين".
///
/// Text may carry diacritics, tatweel, NBSP, zero-width and bidi marks and Arabic-Indic digits:
/// matching looks through them; offsets and `text` refer to the original input. Invalid UTF-8 bytes
/// are treated as one code point each (U+FFFD) and never match.
std::vector<DateMention> extract_dates(std::string_view utf8_text, std::optional<CivilDate> publication);

}  // namespace bahth
