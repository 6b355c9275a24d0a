#include "dates/hijri.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace bahth {

namespace {

constexpr int kTableYears = kUmmAlQuraLastYear - kUmmAlQuraFirstYear + 1;

constexpr std::uint8_t kMonthDays[kTableYears][12] = {
#include "dates/ummalqura_months.inc"
};

// The day number (calendar.h) of the first day of every month of the table, and one past its last day.
struct MonthStarts {
    std::array<long, kTableYears * 12 + 1> day{};
    MonthStarts() {
        day[0] = days_from_civil(1924, 8, 1);  // 1 Muharram 1343
        for (std::size_t i = 0; i < kTableYears * 12; ++i) day[i + 1] = day[i] + kMonthDays[i / 12][i % 12];
    }
};

const MonthStarts& month_starts() {
    static const MonthStarts s;
    return s;
}

// ICU calendars are costly to build and not thread-safe, so each thread builds its own pair on first use
// (dates outside the table are rare, most threads never pay for it).
struct HijriCalendars {
    std::unique_ptr<icu::Calendar> hijri;
    std::unique_ptr<icu::GregorianCalendar> gregorian;
    bool ok = false;
};

HijriCalendars& calendars() {
    thread_local HijriCalendars c = [] {
        HijriCalendars r;
        UErrorCode st = U_ZERO_ERROR;
        r.hijri.reset(icu::Calendar::createInstance(*icu::TimeZone::getGMT(),
                                                    icu::Locale("ar_SA@calendar=islamic-umalqura"), st));
        if (U_FAILURE(st) || !r.hijri || std::string_view(r.hijri->getType()) != "islamic-umalqura") return r;
        r.gregorian = std::make_unique<icu::GregorianCalendar>(*icu::TimeZone::getGMT(), st);
        if (U_FAILURE(st)) return r;
        r.gregorian->setGregorianChange(-8.64e15, st);  // proleptic
        r.hijri->setLenient(false);
        r.gregorian->setLenient(false);
        r.ok = U_SUCCESS(st);
        return r;
    }();
    return c;
}

std::optional<CivilDate> icu_hijri_to_gregorian(int hy, int hm, int hd) {
    if (hd > 30) return std::nullopt;
    HijriCalendars& c = calendars();
    if (!c.ok) return std::nullopt;
    UErrorCode st = U_ZERO_ERROR;
    c.hijri->clear();
    c.hijri->set(hy, hm - 1, hd);
    const UDate t = c.hijri->getTime(st);
    if (U_FAILURE(st)) return std::nullopt;
    c.gregorian->setTime(t, st);
    CivilDate g{c.gregorian->get(UCAL_YEAR, st), c.gregorian->get(UCAL_MONTH, st) + 1,
                c.gregorian->get(UCAL_DATE, st)};
    if (U_FAILURE(st)) return std::nullopt;
    return g;
}

std::optional<HijriDate> icu_gregorian_to_hijri(const CivilDate& g) {
    HijriCalendars& c = calendars();
    if (!c.ok) return std::nullopt;
    UErrorCode st = U_ZERO_ERROR;
    c.gregorian->clear();
    c.gregorian->set(g.year, g.month - 1, g.day);
    const UDate t = c.gregorian->getTime(st);
    if (U_FAILURE(st)) return std::nullopt;
    c.hijri->setTime(t, st);
    HijriDate h{c.hijri->get(UCAL_YEAR, st), c.hijri->get(UCAL_MONTH, st) + 1, c.hijri->get(UCAL_DATE, st)};
    if (U_FAILURE(st)) return std::nullopt;
    return h;
}

}  // namespace

std::optional<CivilDate> hijri_to_gregorian(int hy, int hm, int hd) {
    if (hy < 1 || hy > 1600 || hm < 1 || hm > 12 || hd < 1) return std::nullopt;
    if (hy < kUmmAlQuraFirstYear || hy > kUmmAlQuraLastYear) return icu_hijri_to_gregorian(hy, hm, hd);
    const std::size_t i = static_cast<std::size_t>(hy - kUmmAlQuraFirstYear) * 12 + static_cast<std::size_t>(hm - 1);
    if (hd > kMonthDays[i / 12][i % 12]) return std::nullopt;
    return civil_from_days(month_starts().day[i] + hd - 1);
}

std::optional<HijriDate> gregorian_to_hijri(const CivilDate& g) {
    const auto& starts = month_starts().day;
    const long d = days_from_civil(g.year, g.month, g.day);
    if (d < starts.front() || d >= starts.back()) return icu_gregorian_to_hijri(g);
    // The last month starting on or before d.
    const std::size_t i = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), d) - starts.begin()) - 1;
    return HijriDate{kUmmAlQuraFirstYear + static_cast<int>(i / 12), static_cast<int>(i % 12) + 1,
                     static_cast<int>(d - starts[i]) + 1};
}

std::optional<int> hijri_month_days(int year, int month) {
    if (month < 1 || month > 12) return std::nullopt;
    if (year >= kUmmAlQuraFirstYear && year <= kUmmAlQuraLastYear)
        return kMonthDays[year - kUmmAlQuraFirstYear][month - 1];
    const auto first = hijri_to_gregorian(year, month, 1);
    const auto next = month == 12 ? hijri_to_gregorian(year + 1, 1, 1) : hijri_to_gregorian(year, month + 1, 1);
    if (!first || !next) return std::nullopt;
    return static_cast<int>(days_from_civil(next->year, next->month, next->day) -
                            days_from_civil(first->year, first->month, first->day));
}

}  // namespace bahth
