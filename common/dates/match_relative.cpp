#include <cstdint>
#include <optional>

#include "dates/match.h"

namespace bahth::detail {

Candidate Matcher::day_candidate(std::size_t end, long days) const {
    Candidate c;
    c.end = end;
    c.date = civil_from_days(days);
    c.precision = DatePrecision::day;
    return c;
}

// The weekday `wd` relative to `days`:
//   Rel::none    the last one on or before (a bare weekday in a news story);
//   Rel::nearest the nearest one (within three days; "اليوم الأربعاء" when the metadata date is a day off);
//   Rel::past    "الثلاثاء الماضي": 2 to 8 days before (yesterday would be أمس);
//   Rel::next    "الثلاثاء المقبل": 2 to 8 days after (tomorrow would be غدا).
long Matcher::weekday_near(long days, int wd, Rel rel) {
    const int cur = weekday_of(days);
    int ahead = ((wd - cur) % 7 + 7) % 7;
    int back = ((cur - wd) % 7 + 7) % 7;
    switch (rel) {
        case Rel::next: return days + (ahead < 2 ? ahead + 7 : ahead);
        case Rel::past: return days - (back < 2 ? back + 7 : back);
        case Rel::nearest: return ahead < back ? days + ahead : days - back;
        default: return days - back;
    }
}

std::optional<WeekdayAfter> Matcher::weekday_after(std::size_t k) const {
    if (!has(k)) return std::nullopt;
    bool paren = false;
    if (is_punct(k, '(')) paren = true, ++k;
    else if (is_punct(k, ',') || is_punct(k, 0x060C)) ++k;
    if (!has(k)) return std::nullopt;
    const int wd = weekday_at(k, false);
    if (wd < 0) return std::nullopt;
    const bool dated = weekday_date(k).has_value();
    ++k;
    if (paren) {
        if (!is_punct(k, ')')) return std::nullopt;
        ++k;
    }
    return WeekdayAfter{wd, k, dated};
}

std::optional<Candidate> Matcher::relative(std::size_t i) const {
    auto c = relative_words(i);
    if (c) c->first_skip = t_[i].clitic;
    return c;
}

std::optional<Candidate> Matcher::relative_words(std::size_t i) const {
    const Token& t = t_[i];
    const Lex* l = t.lexc;
    if (!l) return std::nullopt;
    const std::uint64_t f = l->flags;
    const long P = pub_days_;
    std::optional<Candidate> out;
    if (f & (WEEK_WORD | MONTH_WORD | YEAR_WORD)) {
        std::size_t k = i + 1;
        Rel r = rel_word(k);
        if (r == Rel::none) return std::nullopt;
        out = period(f, r, k);
    } else if (f & HADHA) {
        if (!has(i + 1) || !(flags(i + 1) & (WEEK_WORD | MONTH_WORD | YEAR_WORD))) return std::nullopt;
        if (has(i + 2) && t_[i + 2].kind == Kind::number) return std::nullopt;  // "هذا العام 2018"
        out = period(flags(i + 1), Rel::current, i + 2);
    } else if (f & TODAY) {
        auto w = weekday_after(i + 1);
        if (w) {
            if (w->dated) return std::nullopt;
            out = day_candidate(w->end, weekday_near(P, w->wd, Rel::nearest));
        } else {
            const std::uint64_t pf = prev_flags(i);
            const bool earlier = i >= 2 && !t.nl_before && !t_[i - 1].nl_before &&
                                 (flags(i - 1) & SABIQ) && (flagsc(i - 2) & WAQT);
            const bool earlier_min = i >= 3 && (flags(i - 1) & MIN) && !t.nl_before && !t_[i - 1].nl_before &&
                                     !t_[i - 2].nl_before && (flags(i - 2) & SABIQ) && (flagsc(i - 3) & WAQT);
            const bool time_of_day = (pf & TIME_OF_DAY) && t.clitic == 0;
            const bool that = has(i + 1) && (flags(i + 1) & AN) && t.clitic == 0;
            if (!(time_of_day || earlier || earlier_min || that || clause_today(i))) return std::nullopt;
            out = day_candidate(i + 1, P);
        }
    } else if (f & YESTERDAY) {
        if (has(i + 1) && (flagsc(i + 1) & AMS_BLOCK)) return std::nullopt;
        if (has(i + 1) && (flags(i + 1) & AWWAL) && t_[i + 1].s == U"الاول")
            return day_candidate(i + 2, P - 2);
        auto w = weekday_after(i + 1);
        if (w) {
            if (w->dated) return std::nullopt;
            return day_candidate(w->end, weekday_near(P - 1, w->wd, Rel::nearest));
        }
        return day_candidate(i + 1, P - 1);
    } else if ((f & AWWAL) && t.s == U"اول" && has(i + 1) && (flags(i + 1) & YESTERDAY)) {
        return day_candidate(i + 2, P - 2);
    } else if (f & YAWM) {
        if (!has(i + 1)) return std::nullopt;
        if (t_[i + 1].s == U"الامس") return day_candidate(i + 2, P - 1);
        if (flags(i + 1) & GHAD) return day_candidate(i + 2, P + 1);
        return std::nullopt;
    } else if ((f & BAAD) && has(i + 1) && (flags(i + 1) & GHAD)) {
        return day_candidate(i + 2, P + 2);
    } else if (f & GHAD) {
        if (!(prev_flags(i) & TIME_OF_DAY)) return std::nullopt;
        return day_candidate(i + 1, P + 1);
    } else if (f & TOMORROW) {
        auto w = weekday_after(i + 1);
        if (w) {
            if (w->dated) return std::nullopt;
            return day_candidate(w->end, weekday_near(P + 1, w->wd, Rel::nearest));
        }
        const bool punct_next = !has(i + 1) ||
                                (t_[i + 1].kind == Kind::punct && t_[i + 1].p != '-' && t_[i + 1].p != '/');
        const bool prep_next = has(i + 1) && (flags(i + 1) & TOMORROW_NEXT);
        if (!(punct_next || prep_next || (prev_flags(i) & TIME_OF_DAY))) return std::nullopt;
        return day_candidate(i + 1, P + 1);
    } else if (l->weekday >= 0) {
        if (prev_flags(i) & WEEKDAY_BLOCK) return std::nullopt;
        if (l->weekday == 1) {
            // "الاثنين" is also "the two".
            if (has(i + 1) && t_[i + 1].kind == Kind::word &&
                (t_[i + 1].s == U"معا" || t_[i + 1].s == U"منهما" || t_[i + 1].s == U"منهم"))
                return std::nullopt;
        }
        std::size_t k = i + 1;
        Rel r = rel_word(k);
        if (r == Rel::current) r = Rel::none, k = i + 1;
        Candidate c = day_candidate(k, weekday_near(P, l->weekday, r));
        c.first_skip = t.clitic;
        return c;
    }
    if (out) out->first_skip = t.clitic;
    return out;
}

// A bare "اليوم" between an indefinite word (typically a verb: "نظم اليوم", "سيطروا اليوم على") and
// anything but a definite word ("اليوم الوطني", "اليوم الذي"), and not after a definite noun
// ("العالم اليوم"), a preposition or demonstrative ("حتى اليوم", "هذا اليوم") or a newspaper name.
bool Matcher::clause_today(std::size_t i) const {
    const Token& t = t_[i];
    if (t.clitic != 0 || t.s != U"اليوم" || i == 0 || t.nl_before) return false;
    const Token& p = t_[i - 1];
    if (p.kind != Kind::word) return false;
    auto definite = [](std::u32string_view w) {
        for (std::u32string_view pre : {U"ال", U"لل", U"وال", U"بال", U"فال", U"كال", U"وبال", U"ولل"})
            if (w.size() > pre.size() + 1 && w.substr(0, pre.size()) == pre) return true;
        return false;
    };
    if (definite(p.s) || (flagsc(i - 1) & TODAY_BLOCK) || (flags(i - 1) & TODAY_BLOCK)) return false;
    if (has(i + 1)) {
        const Token& n = t_[i + 1];
        if (n.kind == Kind::word && definite(n.s)) return false;
        if (n.kind == Kind::punct && (n.p == '"' || n.p == 0x00BB || n.p == 0x201D || n.p == '-')) return false;
    }
    return true;
}

std::optional<Candidate> Matcher::period(std::uint64_t f, Rel r, std::size_t end) const {
    const CivilDate& p = *pub_;
    Candidate c;
    c.end = end;
    const int step = r == Rel::past ? -1 : r == Rel::next ? 1 : 0;
    if (f & WEEK_WORD) {
        const long d = pub_days_ + 7L * step;
        c.date = civil_from_days(d - (weekday_of(d) + 6) % 7);
        c.precision = DatePrecision::week;
    } else if (f & MONTH_WORD) {
        int m = p.month + step, y = p.year;
        if (m < 1) m += 12, --y;
        if (m > 12) m -= 12, ++y;
        c.date = CivilDate{y, m, 0};
        c.precision = DatePrecision::month;
    } else {
        c.date = CivilDate{p.year + step, 0, 0};
        c.precision = DatePrecision::year;
    }
    return c;
}

}  // namespace bahth::detail
