// Resolving a recognised date expression (recognise.h) into its proleptic Gregorian value: converting Hijri
// dates (hijri.h), checking that the date exists, and placing year-less and relative expressions against
// the publication date.
//
// Rules that need the publication date:
//   year-less dates    the occurrence nearest to publication, a future one counting double (news mostly
//                      reports the past); with المقبل the next after publication, with الماضي the last before
//                      it, with الجاري publication's year (moved by "من العام الماضي" and the like); a Hijri
//                      year-less date uses the same rule on Hijri years;
//   days, weekdays     counted from publication (weekday_near below);
//   periods            the ISO week (its Monday), month or year of publication, some before or after
//                      ("قبل أسبوعين"); "العام السابق/التالي" the year before/after the mention before it.
// Every value has its period, a range of days: a day itself, a week Monday to Sunday, a month or year its
// first to last day (a Hijri one by the Umm al-Qura calendar), a part of a month (مطلع، منتصف، أواخر) days
// 1-10, 11-20, 21 to the end; a month's value is the Gregorian month its period starts in, a year's the
// Gregorian year.
// Without a publication date (or with an invalid one) these have no value. Dates with their year written
// need none.
//
// This module does not look at text: it cannot tell which reading of a span is right, only whether a
// reading has a value. Internal to common/dates/.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "dates/calendar.h"
#include "dates/mentions.h"
#include "dates/recognise.h"

namespace bahth::detail {

/// A recognised expression with its value.
struct ResolvedDate {
    std::size_t end = 0;      // one past the last token
    std::size_t first_skip = 0;  // code points of clitic to leave out of the span at the start
    CivilDate date;           // week: the Monday; month/year: day (and month) 0
    DatePrecision precision = DatePrecision::day;
    bool hijri = false;
    bool reject = false;       // an impossible named date: its tokens are skipped, nothing is reported
    int wy = 0, wm = 0, wd = 0;  // the date as written, in its own calendar, with a year-less date's year
                                 // resolved (for ranges "13 إلى 21 أكتوبر")
    long first = 0, last = 0;    // the period, inclusive, in days from 1970-01-01 (calendar.h)
    std::string warning;         // a doubt: the weekday before a date is not the date's
};

/// Values for the expressions of one text, against one publication date.
class Resolver {
public:
    /// `publication`: the article's publication date; ignored when it is not a valid date.
    explicit Resolver(std::optional<CivilDate> publication);

    /// The value of `e`, or nullopt when it has none: an impossible numeric date or range, a Hijri date ICU
    /// cannot convert, a year-less or relative expression without a publication date. An impossible
    /// day-month-year with month names ("30 رمضان 1436هـ") has a value with `reject` set.
    /// `context`: the value of the mention before it in the text, if any ("العام التالي" is the year after it).
    std::optional<ResolvedDate> resolve(const Expression& e, const CivilDate* context = nullptr) const;

    /// The value of a year_after expression following the mention `prev`: only after a Gregorian year
    /// mention, and only a later year.
    std::optional<ResolvedDate> resolve_after(const Expression& e, const ResolvedDate& prev) const;

private:
    std::optional<CivilDate> pub_;
    long pub_days_ = 0;

    std::optional<ResolvedDate> written_date(const Expression& e) const;
    std::optional<ResolvedDate> numeric_date(const Expression& e) const;
    std::optional<ResolvedDate> year(const Expression& e) const;
    std::optional<ResolvedDate> yearless_gregorian(const Expression& e) const;
    std::optional<ResolvedDate> yearless_hijri(const Expression& e) const;
    std::optional<ResolvedDate> dated_weekday(const Expression& e) const;
    std::optional<ResolvedDate> range_first(const Expression& e) const;
    std::optional<ResolvedDate> relative(const Expression& e, const CivilDate* context) const;
    std::optional<ResolvedDate> value(const Expression& e, const CivilDate* context) const;
};

}  // namespace bahth::detail
