#include "dates/resolve.h"

#include <algorithm>
#include <climits>
#include <string>

#include "dates/hijri.h"

namespace bahth::detail {

namespace {

// Choice among the occurrences in the previous, the same and the next year.
template <class Cost>
int choose(Rel rel, int base, Cost diff, bool later_on_tie = false) {  // diff(year) = occurrence - publication
    int best = base;
    if (rel == Rel::current) return base;
    long best_cost = -1;
    for (int y = base - 1; y <= base + 1; ++y) {
        const long d = diff(y);
        if (d == LONG_MIN) continue;
        long cost;
        if (rel == Rel::past) cost = d < 0 ? -d : -1;
        else if (rel == Rel::next) cost = d > 0 ? d : -1;
        else cost = d <= 0 ? -d : 2 * d;
        if (cost < 0) continue;
        if (best_cost < 0 || cost < best_cost || (cost == best_cost && later_on_tie)) best_cost = cost, best = y;
    }
    return best_cost < 0 ? INT_MIN : best;
}

// The weekday `wd` relative to `days`:
//   Rel::none    the last one on or before (a bare weekday in a news story);
//   Rel::nearest the nearest one (within three days; "اليوم الأربعاء" when the metadata date is a day off);
//   Rel::past    "الثلاثاء الماضي": 2 to 8 days before (yesterday would be أمس);
//   Rel::next    "الثلاثاء المقبل": 1 to 7 days after ("الأحد المقبل" written on a Saturday is tomorrow).
long weekday_near(long days, int wd, Rel rel) {
    const int cur = weekday_of(days);
    int ahead = ((wd - cur) % 7 + 7) % 7;
    int back = ((cur - wd) % 7 + 7) % 7;
    switch (rel) {
        case Rel::next: return days + (ahead == 0 ? 7 : ahead);
        case Rel::past: return days - (back < 2 ? back + 7 : back);
        case Rel::nearest: return ahead < back ? days + ahead : days - back;
        default: return days - back;
    }
}

// The span of `e`, in its written calendar, without a value yet.
ResolvedDate span_of(const Expression& e) {
    ResolvedDate c;
    c.end = e.end;
    c.first_skip = e.first_skip;
    c.hijri = e.hijri;
    return c;
}

// The period of a Gregorian value (and of any day): the day itself, the ISO week from its Monday, the month or
// the year.
void gregorian_period(ResolvedDate& c) {
    const CivilDate& d = c.date;
    switch (c.precision) {
        case DatePrecision::day: c.first = c.last = days_from_civil(d.year, d.month, d.day); break;
        case DatePrecision::week: c.first = days_from_civil(d.year, d.month, d.day), c.last = c.first + 6; break;
        case DatePrecision::month:
            c.first = days_from_civil(d.year, d.month, 1), c.last = days_from_civil(d.year, d.month, days_in_month(d.year, d.month));
            break;
        case DatePrecision::year: c.first = days_from_civil(d.year, 1, 1), c.last = days_from_civil(d.year, 12, 31); break;
    }
}

// The period of Hijri month `m` of year `y` (m = 0: the whole year), and the value of a month or year: the
// Gregorian month or year it starts in.
bool hijri_period(int y, int m, ResolvedDate& c) {
    const auto first = hijri_to_gregorian(y, m ? m : 1, 1);
    const auto days = hijri_month_days(y, m ? m : 12);
    const auto last = days ? hijri_to_gregorian(y, m ? m : 12, *days) : std::nullopt;
    if (!first || !last) return false;
    c.first = days_from_civil(first->year, first->month, first->day);
    c.last = days_from_civil(last->year, last->month, last->day);
    c.precision = m ? DatePrecision::month : DatePrecision::year;
    c.date = CivilDate{first->year, m ? first->month : 0, 0};
    return true;
}

// A part of a month: days 1-10, 11-20, 21 to the end of its period; the value is the month the part is in.
void narrow(ResolvedDate& c, Part part) {
    if (part == Part::whole || c.precision != DatePrecision::month) return;
    const long n = c.last - c.first + 1;
    if (part == Part::early) c.last = c.first + 9;
    else if (part == Part::middle) c.first += 10, c.last = c.first + 9;
    else c.first += std::min(20L, n - 1);
    const CivilDate f = civil_from_days(c.first);
    c.date = CivilDate{f.year, f.month, 0};
}

const char* weekday_name(int wd) {
    static const char* const names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    return wd >= 0 && wd < 7 ? names[wd] : "?";
}

}  // namespace

Resolver::Resolver(std::optional<CivilDate> publication) : pub_(publication) {
    if (pub_ && !is_valid_date(*pub_)) pub_.reset();
    if (pub_) pub_days_ = days_from_civil(pub_->year, pub_->month, pub_->day);
}

std::optional<ResolvedDate> Resolver::resolve(const Expression& e, const CivilDate* context) const {
    std::optional<ResolvedDate> c = value(e, context);
    if (!c || c->reject) return c;
    if (!c->hijri || c->precision == DatePrecision::day) gregorian_period(*c);
    narrow(*c, e.part);
    return c;
}

std::optional<ResolvedDate> Resolver::value(const Expression& e, const CivilDate* context) const {
    switch (e.form) {
        case Form::date: return written_date(e);
        case Form::numeric_date: return numeric_date(e);
        case Form::year: return year(e);
        case Form::yearless: return e.hijri ? yearless_hijri(e) : yearless_gregorian(e);
        case Form::dated_weekday: return dated_weekday(e);
        case Form::range_first: return range_first(e);
        case Form::day: case Form::weekday: case Form::period: return relative(e, context);
        case Form::year_after: break;  // resolve_after()
    }
    return std::nullopt;
}

std::optional<ResolvedDate> Resolver::resolve_after(const Expression& e, const ResolvedDate& prev) const {
    if (prev.precision != DatePrecision::year || prev.hijri || e.year <= prev.date.year) return std::nullopt;
    ResolvedDate c;
    c.end = e.end;
    c.date = CivilDate{e.year, 0, 0};
    c.precision = DatePrecision::year;
    gregorian_period(c);
    return c;
}

std::optional<ResolvedDate> Resolver::written_date(const Expression& e) const {
    ResolvedDate c = span_of(e);
    c.wy = e.year, c.wm = e.month, c.wd = e.day;
    if (e.day) {
        std::optional<CivilDate> g;
        if (c.hijri) g = hijri_to_gregorian(e.year, e.month, e.day);
        else if (is_valid_date(e.year, e.month, e.day)) g = CivilDate{e.year, e.month, e.day};
        if (!g) {
            c.reject = true;  // "30 رمضان 1436هـ": not even its year is reported
            return c;
        }
        c.date = *g;
        c.precision = DatePrecision::day;
    } else {
        if (c.hijri) {
            if (!hijri_period(e.year, e.month, c)) return std::nullopt;
        } else {
            c.date = CivilDate{e.year, e.month, 0};
        }
        c.precision = DatePrecision::month;
    }
    return c;
}

std::optional<ResolvedDate> Resolver::numeric_date(const Expression& e) const {
    ResolvedDate c = span_of(e);
    c.precision = DatePrecision::day;
    c.wy = e.year, c.wm = e.month, c.wd = e.day;
    if (e.hijri) {
        auto g = hijri_to_gregorian(e.year, e.month, e.day);
        if (!g) return std::nullopt;
        c.date = *g;
    } else {
        if (!is_valid_date(e.year, e.month, e.day)) return std::nullopt;
        c.date = CivilDate{e.year, e.month, e.day};
    }
    return c;
}

std::optional<ResolvedDate> Resolver::year(const Expression& e) const {
    ResolvedDate c = span_of(e);
    c.precision = DatePrecision::year;
    if (e.hijri) {
        if (!hijri_period(e.year, 0, c)) return std::nullopt;  // valued by the Gregorian year of its 1 Muharram
    } else {
        c.date = CivilDate{e.year, 0, 0};
    }
    return c;
}

std::optional<ResolvedDate> Resolver::yearless_gregorian(const Expression& e) const {
    if (!pub_) return std::nullopt;
    ResolvedDate c = span_of(e);
    const int month = e.month, day = e.day;
    CivilDate p = *pub_;
    p.year += e.offset;  // with Rel::current: "من العام الماضي"
    int y;
    if (day) {
        y = choose(e.rel, p.year, [&](int yy) -> long {
            if (!is_valid_date(yy, month, day)) return LONG_MIN;
            return days_from_civil(yy, month, day) - pub_days_;
        });
        if (y == INT_MIN || !is_valid_date(y, month, day)) return std::nullopt;
        c.wy = y, c.wm = month, c.wd = day;
        c.date = CivilDate{y, month, day};
        c.precision = DatePrecision::day;
    } else {
        // A month four months away either way is the coming one: "ديسمبر" written in August.
        y = choose(e.rel, p.year, [&](int yy) -> long { return (yy * 12L + month) - (p.year * 12L + p.month); }, true);
        if (y == INT_MIN) return std::nullopt;
        c.date = CivilDate{y, month, 0};
        c.precision = DatePrecision::month;
    }
    return c;
}

std::optional<ResolvedDate> Resolver::yearless_hijri(const Expression& e) const {
    if (!pub_) return std::nullopt;
    ResolvedDate c = span_of(e);
    const int month = e.month, day = e.day;
    auto ph = gregorian_to_hijri(*pub_);
    if (!ph) return std::nullopt;
    ph->year += e.offset;
    const int d = day ? day : 1;
    const int y = choose(e.rel, ph->year, [&](int yy) -> long {
        // Months of ~29.5 days are close enough to pick the occurrence.
        return day ? (yy * 354L + (month - 1) * 295L / 10 + d) - (ph->year * 354L + (ph->month - 1) * 295L / 10 + ph->day)
                   : (yy * 12L + month) - (ph->year * 12L + ph->month);
    });
    if (y == INT_MIN) return std::nullopt;
    c.wy = y, c.wm = month, c.wd = day;
    c.hijri = true;
    if (!day) return hijri_period(y, month, c) ? std::optional<ResolvedDate>(c) : std::nullopt;
    auto g = hijri_to_gregorian(y, month, d);
    if (!g) return std::nullopt;
    c.date = *g;
    c.precision = DatePrecision::day;
    return c;
}

std::optional<ResolvedDate> Resolver::dated_weekday(const Expression& e) const {
    std::optional<ResolvedDate> c = resolve(*e.inner);
    if (!c || c->reject || c->precision != DatePrecision::day) return std::nullopt;
    c->first_skip = e.first_skip;  // the span starts at the weekday; the date decides the value
    const int wd = weekday_of(days_from_civil(c->date.year, c->date.month, c->date.day));
    if (e.weekday >= 0 && wd != e.weekday)
        c->warning = std::string("the weekday written (") + weekday_name(e.weekday) + ") is not the date's (" +
                     weekday_name(wd) + ")";
    return c;
}

std::optional<ResolvedDate> Resolver::range_first(const Expression& e) const {
    const std::optional<ResolvedDate> last = resolve(*e.inner);
    if (!last || last->reject || last->precision != DatePrecision::day || last->wy == 0) return std::nullopt;
    const int d1 = e.day;
    const int m = e.month ? e.month : last->wm;
    if (!e.month && d1 >= last->wd) return std::nullopt;
    ResolvedDate c;
    c.end = e.end;
    c.precision = DatePrecision::day;
    c.hijri = last->hijri;
    c.wy = last->wy, c.wm = m, c.wd = d1;
    if (c.hijri) {
        auto g = hijri_to_gregorian(last->wy, m, d1);
        if (!g) return std::nullopt;
        c.date = *g;
    } else {
        if (!is_valid_date(last->wy, m, d1)) return std::nullopt;
        c.date = CivilDate{last->wy, m, d1};
    }
    return c;
}

std::optional<ResolvedDate> Resolver::relative(const Expression& e, const CivilDate* context) const {
    if (!pub_) return std::nullopt;
    ResolvedDate c = span_of(e);
    if (e.form == Form::day) {
        c.date = civil_from_days(pub_days_ + e.offset);
        c.precision = DatePrecision::day;
    } else if (e.form == Form::weekday) {
        if (e.inner && resolve(*e.inner)) return std::nullopt;  // "اليوم الخميس 5 مارس": the date takes it
        c.date = civil_from_days(weekday_near(pub_days_ + e.offset, e.weekday, e.rel));
        c.precision = DatePrecision::day;
    } else {
        const CivilDate& p = *pub_;
        const int step = e.offset;
        if (e.unit == DatePrecision::week) {
            const long d = pub_days_ + 7L * step;
            c.date = civil_from_days(d - (weekday_of(d) + 6) % 7);
            c.precision = DatePrecision::week;
        } else if (e.unit == DatePrecision::month) {
            const int months = p.year * 12 + (p.month - 1) + step;
            c.date = CivilDate{months / 12, months % 12 + 1, 0};
            if (e.day) {
                if (!is_valid_date(c.date.year, c.date.month, e.day)) return std::nullopt;
                c.date.day = e.day;
                c.precision = DatePrecision::day;
                return c;
            }
            c.precision = DatePrecision::month;
        } else {
            c.date = CivilDate{(e.in_context && context ? context->year : p.year) + step, 0, 0};
            c.precision = DatePrecision::year;
        }
    }
    return c;
}

}  // namespace bahth::detail
