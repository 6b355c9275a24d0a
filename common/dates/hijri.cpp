#include "dates/hijri.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <memory>
#include <string_view>

namespace bahth {

namespace {

// ICU calendars are costly to build and not thread-safe, so each thread builds its own pair on first use
// (Hijri dates are rare, most threads never pay for it).
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

}  // namespace

std::optional<CivilDate> hijri_to_gregorian(int hy, int hm, int hd) {
    if (hy < 1 || hy > 1600 || hm < 1 || hm > 12 || hd < 1 || hd > 30) return std::nullopt;
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

std::optional<HijriDate> gregorian_to_hijri(const CivilDate& g) {
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

}  // namespace bahth
