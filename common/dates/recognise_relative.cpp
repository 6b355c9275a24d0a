#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

#include "dates/recognise.h"

namespace bahth::detail {

Expression day_expression(std::size_t end, int offset) {
    Expression c;
    c.form = Form::day;
    c.end = end;
    c.offset = offset;
    return c;
}

Expression weekday_expression(std::size_t end, int weekday, Rel rel, int offset) {
    Expression c;
    c.form = Form::weekday;
    c.end = end;
    c.weekday = weekday;
    c.rel = rel;
    c.offset = offset;
    return c;
}

Expression period_expression(std::uint64_t f, Rel r, std::size_t end) {
    Expression c;
    c.form = Form::period;
    c.end = end;
    c.offset = r == Rel::past ? -1 : r == Rel::next ? 1 : 0;
    c.unit = (f & WEEK_WORD) ? DatePrecision::week : (f & MONTH_WORD) ? DatePrecision::month : DatePrecision::year;
    return c;
}

bool is_definite(std::u32string_view w) {
    for (std::u32string_view pre : {U"ال", U"لل", U"وال", U"بال", U"فال", U"كال", U"وبال", U"ولل"})
        if (w.size() > pre.size() + 1 && w.substr(0, pre.size()) == pre) return true;
    return false;
}

namespace {

// "اليوم الخميس", "أمس (الأربعاء)": the weekday near the day `offset` days from publication, unless an explicit
// date follows the weekday and takes it.
Expression near_weekday(WeekdayAfter& w, int offset) {
    Expression c = weekday_expression(w.end, w.wd, Rel::nearest, offset);
    if (w.dated) c.inner = std::make_unique<Expression>(std::move(*w.dated));
    return c;
}

}  // namespace

std::optional<WeekdayAfter> Recogniser::weekday_after(std::size_t k) const {
    if (!has(k)) return std::nullopt;
    bool paren = false;
    if (is_punct(k, '(')) paren = true, ++k;
    else if (is_punct(k, ',') || is_punct(k, 0x060C)) ++k;
    if (!has(k)) return std::nullopt;
    const int wd = weekday_at(k, false);
    if (wd < 0) return std::nullopt;
    std::optional<Expression> dated = weekday_date(k);
    ++k;
    if (paren) {
        if (!is_punct(k, ')')) return std::nullopt;
        ++k;
    }
    return WeekdayAfter{wd, k, std::move(dated)};
}

std::optional<Expression> Recogniser::relative(std::size_t i) const {
    auto c = relative_words(i);
    if (c) c->first_skip = t_[i].clitic;
    return c;
}

std::optional<Expression> Recogniser::relative_words(std::size_t i) const {
    const Token& t = t_[i];
    const Lex* l = t.lexc;
    if (!l) return std::nullopt;
    const std::uint64_t f = l->flags;
    std::optional<Expression> out;
    if (f & (WEEK_WORD | MONTH_WORD | YEAR_WORD)) {
        out = relative_period(f, i + 1);
        if (out && out->in_context && i > 0 && !t.nl_before && t_[i - 1].kind == Kind::word && is_definite(t_[i - 1].s))
            return std::nullopt;  // "الأمين العام السابق": العام is "general"
        // "نهاية الشهر الجاري": a part of a relative month.
        if (out && out->unit == DatePrecision::month && i > 0 && !t.nl_before && t_[i - 1].lexc && t_[i - 1].lexc->part > 1)
            out->part = static_cast<Part>(t_[i - 1].lexc->part - 1);
    } else if (f & AGO) {
        return counted(i);
    } else if (f & YESTERDAY_DEF) {
        // "صباح الأمس", "منذ الأمس", "الأمس الأحد"; not "الأمس القريب", "بين الأمس واليوم".
        auto w = weekday_after(i + 1);
        if (w) return near_weekday(*w, -1);
        const bool after = (prev_flags(i) & TIME_OF_DAY) || (i > 0 && !t.nl_before && is_word(i - 1, U"منذ"));
        if (!after || t.clitic) return std::nullopt;
        return day_expression(i + 1, -1);
    } else if (f & HADHA) {
        if (!has(i + 1) || !(flags(i + 1) & (WEEK_WORD | MONTH_WORD | YEAR_WORD))) return std::nullopt;
        if (has(i + 2) && t_[i + 2].kind == Kind::number) return std::nullopt;  // "هذا العام 2018"
        out = period_expression(flags(i + 1), Rel::current, i + 2);
    } else if (f & TODAY) {
        auto w = weekday_after(i + 1);
        if (w) {
            out = near_weekday(*w, 0);
        } else {
            const std::uint64_t pf = prev_flags(i);
            const bool earlier = i >= 2 && !t.nl_before && !t_[i - 1].nl_before &&
                                 (flags(i - 1) & SABIQ) && (flagsc(i - 2) & WAQT);
            const bool earlier_min = i >= 3 && (flags(i - 1) & MIN) && !t.nl_before && !t_[i - 1].nl_before &&
                                     !t_[i - 2].nl_before && (flags(i - 2) & SABIQ) && (flagsc(i - 3) & WAQT);
            const bool time_of_day = (pf & TIME_OF_DAY) && t.clitic == 0;
            const bool that = has(i + 1) && (flags(i + 1) & AN) && t.clitic == 0;
            if (!(time_of_day || earlier || earlier_min || that || clause_today(i))) return std::nullopt;
            out = day_expression(i + 1, 0);
        }
    } else if (f & YESTERDAY) {
        if (has(i + 1) && (flagsc(i + 1) & AMS_BLOCK)) return std::nullopt;
        // "أمس الأول", "البارحة الأولى": the day before yesterday.
        if (has(i + 1) && (t_[i + 1].s == U"الاول" || t_[i + 1].s == U"الاولي")) return day_expression(i + 2, -2);
        auto w = weekday_after(i + 1);
        if (w) return near_weekday(*w, -1);
        return day_expression(i + 1, -1);
    } else if ((f & AWWAL) && t.s == U"اول" && has(i + 1) && (flags(i + 1) & YESTERDAY)) {
        return day_expression(i + 2, -2);
    } else if (f & YAWM) {
        if (!has(i + 1)) return std::nullopt;
        if (t_[i + 1].s == U"الامس") return day_expression(i + 2, -1);
        if (flags(i + 1) & GHAD) return day_expression(i + 2, 1);
        return std::nullopt;
    } else if ((f & BAAD) && has(i + 1) && (flags(i + 1) & GHAD)) {
        return day_expression(i + 2, 2);
    } else if (f & GHAD) {
        if (!(prev_flags(i) & TIME_OF_DAY)) return std::nullopt;
        return day_expression(i + 1, 1);
    } else if (f & TOMORROW) {
        auto w = weekday_after(i + 1);
        if (w) return near_weekday(*w, 1);
        const bool punct_next = !has(i + 1) ||
                                (t_[i + 1].kind == Kind::punct && t_[i + 1].p != '-' && t_[i + 1].p != '/');
        const bool prep_next = has(i + 1) && (flags(i + 1) & TOMORROW_NEXT);
        if (!(punct_next || prep_next || (prev_flags(i) & TIME_OF_DAY))) return std::nullopt;
        return day_expression(i + 1, 1);
    } else if (l->weekday >= 0) {
        if (prev_flags(i) & WEEKDAY_BLOCK) return std::nullopt;
        // A date after the weekday decides (named(): the weekday only confirms it), and an ordinal after it
        // counts weekdays ("الجمعة الأولى من رمضان"): never the weekday alone.
        if (weekday_date(i)) return std::nullopt;
        if (counts_in_month(i + 1)) return std::nullopt;
        if (l->weekday == 1) {
            // "الاثنين" is also "the two".
            if (has(i + 1) && t_[i + 1].kind == Kind::word &&
                (t_[i + 1].s == U"معا" || t_[i + 1].s == U"منهما" || t_[i + 1].s == U"منهم"))
                return std::nullopt;
        }
        std::size_t k = i + 1;
        Rel r = rel_word(k);
        if (r == Rel::current) r = Rel::none, k = i + 1;
        Expression c = weekday_expression(k, l->weekday, r, 0);
        c.first_skip = t.clitic;
        return c;
    }
    if (out) out->first_skip = t.clitic;
    return out;
}

// "الأسبوع الماضي", "الشهر المقبل", "العام الجاري"; "العام السابق/التالي" (the year before or after the one
// the text spoke of last, else publication's); "الشهر السابق" like "الشهر الماضي". `k`: the token after the noun.
std::optional<Expression> Recogniser::relative_period(std::uint64_t f, std::size_t k) const {
    Rel r = rel_word(k);
    if (r != Rel::none) return period_expression(f, r, k);
    const std::uint64_t g = flags(k);
    if (!has(k) || !(g & (REL_PREV_CTX | REL_NEXT_CTX))) return std::nullopt;
    Expression c = period_expression(f, (g & REL_PREV_CTX) ? Rel::past : Rel::next, k + 1);
    c.in_context = c.unit == DatePrecision::year;
    return c;
}

// "قبل يومين", "منذ 3 أيام", "قبل ثلاثة أسابيع", "منذ 48 ساعة": the day (hours: the day) or week that many
// before publication. Not "قبل يومين من الانتخابات" (counted from another day), "منذ يوم الخميس" (a day named
// after it), nor without a count ("منذ أيام").
std::optional<Expression> Recogniser::counted(std::size_t i) const {
    std::size_t k = i + 1;
    if (!has(k)) return std::nullopt;
    long n = 0;
    if (t_[k].kind == Kind::number && t_[k].ndigits <= 3 && t_[k].num >= 1 && !glued_left(k)) {
        n = t_[k].num;
        ++k;
        if (has(k) && t_[k].kind == Kind::punct) return std::nullopt;  // "قبل 1.5 ساعة", "منذ 2015-2016"
    } else if (t_[k].kind == Kind::word && t_[k].lex && t_[k].lex->count && !t_[k].lex->unit) {
        n = t_[k].lex->count;
        ++k;
    }
    if (!has(k) || t_[k].kind != Kind::word || !t_[k].lex || !t_[k].lex->unit) return std::nullopt;
    const Lex& u = *t_[k].lex;
    if (n == 0) n = u.count;
    else if (u.count == 2) return std::nullopt;
    if (n == 0) return std::nullopt;
    ++k;
    if (u.count == 1 && has(k)) {
        const Token& next = t_[k];
        const Lex* nl = next.lexc;
        if (next.kind == Kind::number ||
            (nl && (nl->weekday >= 0 || nl->greg_month || nl->hijri_month || nl->head != NO_HEAD ||
                    (nl->flags & (YESTERDAY | YESTERDAY_DEF | TODAY | GHAD)))))
            return std::nullopt;
    }
    if (has(k) && (is_word(k, U"واحد") || is_word(k, U"واحده"))) ++k;
    if (has(k) && ((flags(k) & MIN) || is_word(k, U"علي"))) return std::nullopt;
    if (u.unit == 1) return day_expression(k, -static_cast<int>(n / 24));
    if (u.unit == 2) return day_expression(k, -static_cast<int>(n));
    Expression c = period_expression(WEEK_WORD, Rel::past, k);
    c.offset = -static_cast<int>(n);
    return c;
}

// An ordinal at k that counts weekdays of a month: "(الجمعة) الأولى من (شهر) رمضان".
bool Recogniser::counts_in_month(std::size_t k) const {
    if (!has(k) || t_[k].kind != Kind::word || !t_[k].lex || !t_[k].lex->day_ordinal) return false;
    ++k;
    if (has(k) && t_[k].kind == Kind::word && t_[k].lex && t_[k].lex->tens) ++k;
    if (!has(k) || !(flags(k) & MIN)) return false;
    ++k;
    return has(k) && ((flags(k) & SHAHR) || month_word(k, false));
}

// A bare "اليوم" between an indefinite word (typically a verb: "نظم اليوم", "سيطروا اليوم على") and
// anything but a definite word ("اليوم الوطني", "اليوم الذي"), and not after a definite noun
// ("العالم اليوم"), a preposition or demonstrative ("حتى اليوم", "هذا اليوم") or a newspaper name.
bool Recogniser::clause_today(std::size_t i) const {
    const Token& t = t_[i];
    if (t.clitic != 0 || t.s != U"اليوم" || i == 0 || t.nl_before) return false;
    const Token& p = t_[i - 1];
    if (p.kind != Kind::word) return false;
    if (is_definite(p.s) || (flagsc(i - 1) & TODAY_BLOCK) || (flags(i - 1) & TODAY_BLOCK)) return false;
    if (has(i + 1)) {
        const Token& n = t_[i + 1];
        if (n.kind == Kind::word && is_definite(n.s)) return false;
        if (n.kind == Kind::punct && (n.p == '"' || n.p == 0x00BB || n.p == 0x201D || n.p == '-')) return false;
    }
    return true;
}

}  // namespace bahth::detail
