// Every date expression a news story mentions: Gregorian month names of all three families, Hijri dates,
// numeric dates, years with a marker, relative words and weekdays, each with its span in the text, its
// Gregorian value and precision, and the calendar it was written in.
//
//   text ──tokens.h──▶ tokens ──recognise.h──▶ expressions as written ──resolve.h (publication date)──▶ values
//        ──extract_dates: the best reading at each token──▶ mentions
//
// All values are proleptic Gregorian (calendar.h), each with the period it denotes; Hijri dates are converted
// by the Umm al-Qura calendar's official month starts (hijri.h). Nothing here throws on bad input: a date
// that cannot be parsed or is invalid is simply absent. This module does not decide which date is an
// article's publication date: metadata fields and file names are read by fields.h, the dateline at the top
// of a page by dateline.h.
//
// Example:
//   auto pub = bahth::parse_date_field("2015-08-12T10:00:00");           // 2015-08-12 (fields.h)
//   auto ms  = bahth::extract_dates("وصل أمس الثلاثاء 26 شوال 1436هـ", pub);
//   // ms[0]: text "أمس الثلاثاء", value "2015-08-11", day, gregorian
//   // ms[1]: text "26 شوال 1436هـ", value "2015-08-11", day, hijri
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates/calendar.h"
#include "text/normalizer.h"

namespace bahth {

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
    ///   month "YYYY-MM"  (a Hijri month or a part of a month: the Gregorian month its period starts in);
    ///   year  "YYYY"     (a Hijri year: the Gregorian year of its 1 Muharram).
    std::string value;
    DatePrecision precision = DatePrecision::day;
    std::string calendar;  ///< the calendar the text was WRITTEN in: "gregorian" or "hijri"
    /// The period the mention denotes, first and last day inclusive (full dates): a day is itself; a week
    /// Monday to Sunday; a month or year its first to last day, a Hijri one by the Umm al-Qura calendar
    /// ("رمضان 1436هـ": 2015-06-18 .. 2015-07-16, valued "2015-06"); a vague part of a month (مطلع، منتصف،
    /// أواخر/نهاية) days 1-10, 11-20 or 21 to the end, valued by the month it lies in.
    CivilDate first, last;
    /// A doubt about the mention, "" when none: the weekday written before the date is not the date's.
    std::string warning;
};

/// Every date expression in `utf8_text`, in text order, non-overlapping (where candidates overlap,
/// the longest, then the most precise, wins: "الثلاثاء 26 مارس / مارس 2024" is one day mention).
///
/// Understood:
///   - day/month/year with Gregorian month names of every family (Egyptian/Gulf يناير..ديسمبر,
///     Levantine كانون الثاني..كانون الأول incl. "كانون 2", Maghrebi جانفي فيفري ... أوت, Moroccan
///     يوليوز غشت شتنبر نونبر دجنبر), alone or paired in any order ("آذار/مارس", "مارس (آذار)",
///     "يونيو حزيران"), with an optional leading weekday (which only confirms the date: a mismatch is a
///     `warning`), "من" / "من شهر" after the day, a comma or "عام" before the year and "م" after it, or
///     the same / or - on both sides of the month ("7 / يوليو /2015");
///     month + year -> month precision; the day also as an ordinal word of either gender ("الخامس والعشرين
///     من شهر مارس 2016", "الحادي عشر من رمضان") or "الـ30"; غرة + month (its first day); مطلع/أوائل/بداية,
///     منتصف/أواسط, أواخر/نهاية + month (a part of it: month precision, the part's range);
///   - Hijri dates with month names (محرم .. ذو الحجة) and numeric Hijri dates ("26/10/1436هـ";
///     numeric dates whose year is 1300..1500 are taken as Hijri even without هـ; converted by the official
///     Umm al-Qura month starts, hijri.h), Hijri years with
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
///       اليوم", "اليوم أن ..."), أمس، البارحة، يوم الأمس، صباح/منذ الأمس، أول أمس/أمس الأول، غداً
///       (temporal position only), يوم غد/الغد، صباح الغد، بعد غد; counted hours, days and weeks after
///       قبل/منذ ("قبل يومين", "منذ 3 أيام", "قبل ثلاثة أسابيع", "منذ 48 ساعة"; not "قبل يومين من ...");
///       الأسبوع/الشهر/العام/السنة + الماضي/المقبل/القادم/الجاري/الحالي/المنصرم/السابق and هذا
///       الأسبوع/الشهر/العام; a day of a relative month ("14 من الشهر الجاري", "الثامن من الشهر المقبل",
///       read as Gregorian); العام السابق/التالي (the year before/after the one the previous mention
///       names, else publication's); a weekday with الماضي (the last such day before publication),
///       المقبل/القادم (the next after it, tomorrow included) or alone (the last such day on or before
///       publication).
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

/// The same for a text whose normal form is made already (normalize_with_offsets(utf8_text), which the
/// analyzer makes: AnalyzedText::normalized), so that the indexer normalises each text once.
std::vector<DateMention> extract_dates(std::string_view utf8_text, const NormalizedText& normalized,
                                       std::optional<CivilDate> publication);


}  // namespace bahth
