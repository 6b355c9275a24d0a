#include <memory>
#include <utility>

#include "dates/recognise.h"

namespace bahth::detail {

void Recogniser::readings_at(std::size_t i, std::vector<Expression>& out) const {
    auto offer = [&](std::optional<Expression> e) {
        if (e) out.push_back(std::move(*e));
    };
    const Token& t = t_[i];
    if (t.kind == Kind::word) {
        offer(named(i));
        offer(year_with_marker(i));
        offer(relative(i));
    } else if (t.kind == Kind::number) {
        offer(range_start(i));
        offer(named(i));
        offer(numeric(i));
        offer(year_with_era(i));
    }
}

// The second year of "عامي 2016 و2017" / "2016-2017" (resolve.h checks that it follows the first).
std::optional<Expression> Recogniser::year_after(std::size_t k) const {
    if (!has(k + 1)) return std::nullopt;
    const bool joiner = (is_word(k, U"و") || is_punct(k, '-'));
    if (!joiner || t_[k + 1].kind != Kind::number || t_[k + 1].ndigits != 4) return std::nullopt;
    const long y = t_[k + 1].num;
    if (y < 1900 || y > 2100) return std::nullopt;
    if (has(k + 2) && (is_punct(k + 2, '/') || is_punct(k + 2, '-'))) return std::nullopt;
    Expression c;
    c.form = Form::year_after;
    c.end = k + 2;
    if (has(c.end) && t_[c.end].lex && (t_[c.end].lex->flags & ERA_G)) ++c.end;
    if (has(c.end) && t_[c.end].lex && (t_[c.end].lex->flags & ERA_H)) return std::nullopt;
    c.year = static_cast<int>(y);
    return c;
}

// A month name at token k (one or two words). `clitic` allows "بمارس".
std::optional<Month> Recogniser::month_word(std::size_t k, bool clitic) const {
    if (k >= t_.size() || t_[k].kind != Kind::word) return std::nullopt;
    const Lex* l = clitic ? t_[k].lexc : t_[k].lex;
    if (!l) return std::nullopt;
    if (l->greg_month) return Month{l->greg_month, false, k + 1};
    if (l->hijri_month) return Month{l->hijri_month, true, k + 1};
    if (l->head == NO_HEAD || !has(k + 1)) return std::nullopt;
    const Token& n = t_[k + 1];
    int ord = 0;
    if (n.kind == Kind::word && n.lex) ord = n.lex->ordinal;
    if (n.kind == Kind::number && (n.num == 1 || n.num == 2) && n.ndigits == 1) ord = static_cast<int>(n.num);
    if (ord == 0) return std::nullopt;
    switch (l->head) {
        case KANUN: if (ord <= 2) return Month{ord == 1 ? 12 : 1, false, k + 2}; break;
        case TISHRIN: if (ord <= 2) return Month{ord == 1 ? 10 : 11, false, k + 2}; break;
        case RABI: if (ord <= 2) return Month{ord == 1 ? 3 : 4, true, k + 2}; break;
        case JUMADA: if (ord <= 2) return Month{ord == 1 ? 5 : 6, true, k + 2}; break;
        case DHU: if (ord >= 11) return Month{ord, true, k + 2}; break;
        case NO_HEAD: break;
    }
    return std::nullopt;
}

// A Gregorian month with an optional pair: "آذار/مارس", "مارس (آذار)", "يونيو حزيران".
std::optional<Month> Recogniser::month_group(std::size_t k, bool clitic) const {
    auto m = month_word(k, clitic);
    if (!m || m->hijri) return m;
    std::size_t j = m->end;
    if (!has(j)) return m;
    bool paren = false;
    if (is_punct(j, '/') || is_punct(j, '-') || is_punct(j, '\\') || is_punct(j, '|')) ++j;
    else if (is_punct(j, '(')) ++j, paren = true;
    if (!has(j)) return m;
    auto m2 = month_word(j, false);
    // "أغسطس/أب": آب misspelt as أب (father), which month_word() refuses alone.
    if (!m2 && m->month == 8 && is_word(j, U"اب")) m2 = Month{8, false, j + 1};
    if (!m2 || m2->hijri || m2->month != m->month) return m;
    j = m2->end;
    if (paren) {
        if (!is_punct(j, ')')) return m;
        ++j;
    }
    m->end = j;
    return m;
}

// "الرابع", "الحادي عشر", "الثاني والعشرين", "الخامسة عشرة", "الثلاثين": the day and the token after it. Not
// after a definite noun, whose ordinal it is ("الأسبوع الأول من", "الجمعة الأولى من رمضان"), but after اليوم.
std::optional<std::pair<int, std::size_t>> Recogniser::ordinal_day(std::size_t k) const {
    if (k >= t_.size() || t_[k].kind != Kind::word || !t_[k].lex || t_[k].lex->day_ordinal == 0) return std::nullopt;
    if (k > 0 && !t_[k].nl_before && t_[k - 1].kind == Kind::word) {
        const std::u32string_view w = t_[k].s;
        const bool feminine = w.back() == U'ه' || w == U"الاولي";
        const std::uint64_t pf = flagsc(k - 1);
        const bool weekday = weekday_at(k - 1, true) >= 0;
        // A day is masculine (يوم): a feminine ordinal counts a noun ("الأسابيع الثلاثة الأولى من مايو",
        // "الجمعة الأولى من رمضان") unless a preposition or يوم comes before it.
        if (feminine && !(pf & (MONTH_PREP | YAWM | MUWAFIQ))) return std::nullopt;
        if (!feminine && is_definite(t_[k - 1].s) && t_[k - 1].s != U"اليوم" && !weekday && !(pf & MUWAFIQ))
            return std::nullopt;
    }
    int v = t_[k].lex->day_ordinal;
    const int unit = v < 0 ? 1 : v;
    std::size_t e = k + 1;
    if (unit < 10 && has(e) && t_[e].kind == Kind::word && t_[e].lex && t_[e].lex->tens) v = unit + t_[e].lex->tens, ++e;
    if (v < 1 || v > 31) return std::nullopt;
    return std::make_pair(v, e);
}

// "الـ30" after a weekday ("الخميس الـ30 من شهر نوفمبر 2017"): the article (a tatweel after it is a dash) before
// a day number; returns the number's token.
std::optional<std::size_t> Recogniser::day_prefix(std::size_t k) const {
    if (!is_word(k, U"ال")) return std::nullopt;
    std::size_t j = k + 1;
    if (has(j) && is_punct(j, '-')) ++j;
    if (!has(j) || !is_day(j)) return std::nullopt;
    return j;
}

bool Recogniser::is_day(std::size_t k) const {
    return k < t_.size() && t_[k].kind == Kind::number && t_[k].ndigits <= 2 && t_[k].num >= 1 &&
           t_[k].num <= 31;
}

// Number at k is glued into a longer numeric expression on its left ("10:30", "1.5", "3/4").
bool Recogniser::glued_left(std::size_t k) const {
    if (k < 2 || t_[k].space_before || t_[k].nl_before) return false;
    const Token& p = t_[k - 1];
    return p.kind == Kind::punct && (p.p == ':' || p.p == '.' || p.p == ',' || p.p == '/' || p.p == 0x066B) &&
           t_[k - 2].kind == Kind::number && !p.space_before;
}

// A 4-digit year at k, with an optional era word after it.
std::optional<Year> Recogniser::year_at(std::size_t k) const {
    if (!has(k) || t_[k].kind != Kind::number || t_[k].ndigits != 4) return std::nullopt;
    Year y;
    y.year = static_cast<int>(t_[k].num);
    y.end = k + 1;
    if (has(y.end) && t_[y.end].kind == Kind::word) {
        const std::uint64_t f = flags(y.end);
        if (f & ERA_H) y.hijri_era = true, ++y.end;
        else if (f & ERA_G) y.greg_era = true, ++y.end;
    }
    // "2018/2019", "2018.5": not a plain year.
    if (has(y.end) && (is_punct(y.end, '/') || is_punct(y.end, '.') || is_punct(y.end, ',')) &&
        has(y.end + 1) && t_[y.end + 1].kind == Kind::number && !y.hijri_era && !y.greg_era)
        return std::nullopt;
    return y;
}

// Relative word at k: returns the Rel and advances k past it.
Rel Recogniser::rel_word(std::size_t& k) const {
    if (!has(k) || t_[k].kind != Kind::word) return Rel::none;
    const std::uint64_t f = flags(k);
    if (f & REL_PAST) return ++k, Rel::past;
    if (f & REL_NEXT) return ++k, Rel::next;
    if (f & REL_CURRENT) return ++k, Rel::current;
    return Rel::none;
}

// "(من) العام الماضي" (-1), "من هذا العام" (0), "(من) العام المقبل" (+1) after a year-less date.
std::optional<int> Recogniser::year_phrase(std::size_t& k) const {
    std::size_t j = k;
    if (!has(j)) return std::nullopt;
    if (flags(j) & MIN) {
        if (!has(j + 1)) return std::nullopt;
        ++j;
    }
    if ((flags(j) & HADHA) && has(j + 1) && (flags(j + 1) & YEAR_WORD)) {
        k = j + 2;
        return 0;
    }
    if (!(flags(j) & YEAR_WORD) || !has(j + 1)) return std::nullopt;
    ++j;
    const Rel r = rel_word(j);
    if (r == Rel::none) return std::nullopt;
    k = j;
    return r == Rel::past ? -1 : r == Rel::next ? 1 : 0;
}

bool Recogniser::year_ok(int y, bool hijri) const { return hijri ? (y >= 1300 && y <= 1500) : (y >= 1000 && y <= 2100); }

// A weekday followed by an explicit date: "الثلاثاء 29 نوفمبر 2016", "يوم الأحد المقبل 10/10/1436هـ",
// "الاثنين الموافق 28/8/1436هـ". The weekday joins the span; the explicit date decides the value.
std::optional<Expression> Recogniser::weekday_date(std::size_t i) const {
    std::size_t k = i + 1;
    if (has(k) && (flags(k) & (REL_PAST | REL_NEXT | REL_CURRENT))) ++k;
    if (has(k) && (is_punct(k, ',') || is_punct(k, 0x060C) || is_punct(k, '-'))) ++k;
    if (has(k) && t_[k].kind == Kind::word && t_[k].lexc && (t_[k].lexc->flags & MUWAFIQ)) {
        ++k;
        if (has(k) && is_word(k, U"ل")) ++k;
    }
    if (has(k) && is_word(k, U"في")) ++k;
    if (auto n = day_prefix(k)) k = *n;
    if (!has(k) || (t_[k].kind != Kind::number && !ordinal_day(k))) return std::nullopt;
    // named() and numeric() never both read the same token: a day-month has a word after the day, a
    // numeric date a separator.
    std::optional<Expression> date = named(k);
    if (!date && t_[k].kind == Kind::number) date = numeric(k);
    if (!date) return std::nullopt;
    Expression c;
    c.form = Form::dated_weekday;
    c.end = date->end;
    c.first_skip = t_[i].clitic;
    c.weekday = weekday_at(i, true);
    c.inner = std::make_unique<Expression>(std::move(*date));
    return c;
}

// Day-month-year with month names, month-year, and the month alone.
std::optional<Expression> Recogniser::named(std::size_t i) const {
    if (weekday_at(i, true) >= 0) return weekday_date(i);
    std::size_t j = i;
    int day = 0;
    std::size_t day_tok = j;
    // غرة / مطلع / منتصف / أواخر (شهر) + a month: its first day or a part of it.
    const int part_word = t_[i].kind == Kind::word && t_[i].lexc ? t_[i].lexc->part : 0;
    char32_t sep = 0;  // "7 / يوليو /2015", "15-سبتمبر-2016": the separator written twice
    if (is_day(j) && (j == i || has(j))) {
        if (glued_left(j)) return std::nullopt;
        day = static_cast<int>(t_[j].num);
        ++j;
        if ((is_punct(j, '/') || is_punct(j, '-')) && has(j) && has(j + 1) && t_[j + 1].kind == Kind::word) sep = t_[j].p, ++j;
        if (has(j) && (flags(j) & MIN)) ++j;
        if (has(j) && (flags(j) & SHAHR)) ++j;
    } else if (auto od = ordinal_day(j)) {
        day = od->first;  // "الرابع من مارس", "الحادي عشر من شهر مارس": the ordinal needs من
        j = od->second;
        if (!(has(j) && (flags(j) & MIN))) return std::nullopt;
        ++j;
        if (has(j) && (flags(j) & SHAHR)) ++j;
    } else if (part_word) {
        if (part_word == 1) day = 1;
        ++j;
        if (has(j) && (flags(j) & SHAHR)) ++j;
        if (!has(j)) return std::nullopt;
    } else if (i > 0 && !t_[i].nl_before) {
        // A month whose day was refused (a place name, a glued number) is refused too.
        // Walk back over a paired month ("5 تموز/يوليو 1962" seen from يوليو) and من.
        std::size_t p = i - 1;
        for (int n = 0; n < 4 && p > 0 && !t_[p + 1].nl_before; ++n) {
            const Token& q = t_[p];
            const bool month_part = q.kind == Kind::word && q.lex &&
                                    (q.lex->greg_month || q.lex->head != NO_HEAD || q.lex->ordinal);
            const bool pair_punct = q.kind == Kind::punct && (q.p == '/' || q.p == '(' || q.p == '-');
            if (!(month_part || pair_punct || (flags(p) & MIN))) break;
            --p;
        }
        if (is_day(p) && !t_[p + 1].nl_before) return std::nullopt;
    }
    if (!has(j) && j != i) return std::nullopt;
    auto mg = month_group(j, day == 0 && !part_word);
    if (!mg && day && !part_word && j > 0 && (flags(j - 1) & MIN)) return day_of_relative_month(day, j);
    if (!mg) return std::nullopt;
    const std::size_t first = day_tok;
    // What names the thing before the date.
    const std::uint64_t before = prev_flags(first);
    if (before & PLACE_NOUN) return std::nullopt;
    Expression c;
    c.hijri = mg->hijri;
    c.first_skip = t_[i].clitic;
    if (part_word > 1) c.part = static_cast<Part>(part_word - 1);
    std::size_t k = mg->end;
    // Year, possibly after عام/سنة.
    std::optional<Year> y;
    if (has(k)) {
        if (sep) {
            if (is_punct(k, sep) && has(k + 1)) y = year_at(k + 1);
        } else if (t_[k].kind == Kind::number) y = year_at(k);
        else if (day && (is_punct(k, ',') || is_punct(k, 0x060C)) && has(k + 1)) y = year_at(k + 1);  // "14 مارس، 2017"
        else if ((flags(k) & YEAR_MARKER) && has(k + 1)) y = year_at(k + 1);
        else if ((flags(k) & MIN) && has(k + 1) && (flags(k + 1) & YEAR_MARKER) && has(k + 2))
            y = year_at(k + 2);
    }
    if (y) {
        if ((c.hijri && y->greg_era) || (!c.hijri && y->hijri_era) || !year_ok(y->year, c.hijri)) {
            y.reset();
        }
    }
    if (c.hijri && mg->month == 2 && !y && !part_word) {
        // صفر (also "zero") needs a day that is not part of a score.
        if (day == 0) return std::nullopt;
        const std::uint64_t pf = prev_flags(day_tok);
        // A day and صفر alone ("3 صفر") is most often a score: ask for a date context before it.
        const bool context = (pf & (MONTH_PREP | YAWM | MUWAFIQ)) ||
                             (day_tok > 0 && weekday_at(day_tok - 1, true) >= 0 && !t_[day_tok].nl_before);
        if (!context) return std::nullopt;
        if ((pf & SCORE) || (day_tok > 0 && !t_[day_tok].nl_before &&
                             (t_[day_tok - 1].kind == Kind::number || is_punct(day_tok - 1, '-'))))
            return std::nullopt;
        if (has(mg->end) && (is_punct(mg->end, '-') || t_[mg->end].kind == Kind::number)) return std::nullopt;
    }
    if (sep && !y) return std::nullopt;  // "فاز 3 - صفر": a score
    c.month = mg->month;
    c.day = day;
    if (!y && day == 0 && range_joiner(mg->end) && has(mg->end + 1)) {
        // "أواخر نوفمبر حتى ديسمبر 2016", "بين مارس ويونيو 2016": the year is written once, after the last month.
        const auto m2 = month_group(mg->end + 1, false);
        const auto y2 = m2 && m2->hijri == c.hijri ? year_at(m2->end) : std::nullopt;
        if (y2 && !(c.hijri ? y2->greg_era : y2->hijri_era) && year_ok(y2->year, c.hijri)) {
            c.form = Form::date;
            c.end = mg->end;
            c.year = y2->year - (m2->month < mg->month ? 1 : 0);
            return c;
        }
    }
    if (y) {
        c.form = Form::date;
        c.end = y->end;
        c.year = y->year;
        return c;
    }
    // Year-less: a value only with a publication date.
    if (before & EVENT_NOUN) return std::nullopt;
    k = mg->end;
    // "14 أكتوبر من كل عام": a recurring day, not a date.
    if (has(k) && has(k + 1) && has(k + 2) && (flags(k) & MIN) && is_word(k + 1, U"كل") &&
        (flagsc(k + 2) & YEAR_MARKER))
        return std::nullopt;
    if (has(k) && has(k + 1) && is_word(k, U"كل") && (flagsc(k + 1) & YEAR_MARKER)) return std::nullopt;
    Rel rel = rel_word(k);
    std::optional<int> year_offset;
    if (rel == Rel::none) {
        year_offset = year_phrase(k);
        if (year_offset) rel = Rel::current;
    }
    if (day == 0 && rel == Rel::none && !part_word) {
        // A month alone: a Gregorian month after شهر or a preposition.
        if (c.hijri) return std::nullopt;
        if (t_[i].clitic) return std::nullopt;
        // ... or after an ordinal and من: "الأيام الأولى من أغسطس".
        const bool after_ordinal = j >= 2 && (flags(j - 1) & MIN) && t_[j - 2].kind == Kind::word && t_[j - 2].lex &&
                                   (t_[j - 2].lex->day_ordinal || t_[j - 2].lex->tens);
        if (!(before & (SHAHR | MONTH_PREP)) && !after_ordinal) return std::nullopt;
    }
    if (rel == Rel::none) rel = Rel::nearest;
    c.form = Form::yearless;
    c.end = k;
    c.rel = rel;
    c.offset = year_offset.value_or(0);
    return c;
}

// "14 من الشهر الجاري", "الثامن من الشهر المقبل": day `day` of the month named at token k.
std::optional<Expression> Recogniser::day_of_relative_month(int day, std::size_t k) const {
    if (!has(k) || !(flags(k) & MONTH_WORD)) return std::nullopt;
    std::size_t e = k + 1;
    const Rel r = rel_word(e);
    if (r == Rel::none) return std::nullopt;
    Expression c = period_expression(MONTH_WORD, r, e);
    c.day = day;
    return c;
}

bool Recogniser::range_joiner(std::size_t k) const {
    if (!has(k)) return false;
    if (t_[k].kind == Kind::punct) return t_[k].p == '-';
    return t_[k].kind == Kind::word && (flags(k) & RANGE_JOIN_WORD);
}

// The first day of a range or list whose month and year are written once, after the last day:
// "من 13 إلى 21 أكتوبر", "10 أو 11 أو 12 مارس 2017", "من 13/8 إلى 18/9/1436هـ". Only the first day's
// span is returned; the rest is matched on its own.
std::optional<Expression> Recogniser::range_start(std::size_t i) const {
    if (!is_day(i) || glued_left(i)) return std::nullopt;
    std::size_t k = i + 1;
    int m1 = 0;
    if (has(k) && is_punct(k, '/') && has(k + 1) && t_[k + 1].kind == Kind::number && t_[k + 1].ndigits <= 2 &&
        t_[k + 1].num >= 1 && t_[k + 1].num <= 12) {
        m1 = static_cast<int>(t_[k + 1].num);
        k += 2;
    }
    if (!range_joiner(k) || !has(k + 1)) return std::nullopt;
    std::size_t k2 = k + 1;
    if (!m1) {
        for (int n = 0; n < 6 && is_day(k2) && range_joiner(k2 + 1) && is_day(k2 + 2); ++n) k2 += 2;
    }
    if (!is_day(k2)) return std::nullopt;
    // As in weekday_date(), at most one of named() and numeric() reads token k2.
    std::optional<Expression> second = m1 ? numeric(k2) : named(k2);
    if (!second && !m1) second = numeric(k2);
    if (!second) return std::nullopt;
    Expression c;
    c.form = Form::range_first;
    c.end = m1 ? i + 3 : i + 1;
    c.day = static_cast<int>(t_[i].num);
    c.month = m1;
    c.inner = std::make_unique<Expression>(std::move(*second));
    return c;
}

// 05/02/2022, 5-2-2022, 5.2.2022, 2022-02-05, 26/10/1436هـ.
std::optional<Expression> Recogniser::numeric(std::size_t i) const {
    const Token& a = t_[i];
    if (a.ndigits != 4 && a.ndigits > 2) return std::nullopt;
    if (i >= 1 && !a.space_before && !a.nl_before && t_[i - 1].kind == Kind::punct) {
        const char32_t pp = t_[i - 1].p;
        if ((pp == '/' || pp == '-' || pp == '.' || pp == ':' || pp == ',') && i >= 2 &&
            t_[i - 2].kind == Kind::number)
            return std::nullopt;
    }
    if (!has(i + 1) || t_[i + 1].kind != Kind::punct) return std::nullopt;
    const char32_t sep = t_[i + 1].p;
    if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
    if (!has(i + 2) || t_[i + 2].kind != Kind::number || t_[i + 2].ndigits > 2) return std::nullopt;
    if (!is_punct(i + 3, sep) || !has(i + 3) || !has(i + 4) || t_[i + 4].kind != Kind::number)
        return std::nullopt;
    const Token& c3 = t_[i + 4];
    int y, m = static_cast<int>(t_[i + 2].num), d;
    if (a.ndigits == 4) {
        if (c3.ndigits > 2) return std::nullopt;
        y = static_cast<int>(a.num);
        d = static_cast<int>(c3.num);
    } else {
        if (c3.ndigits != 4) return std::nullopt;
        d = static_cast<int>(a.num);
        y = static_cast<int>(c3.num);
    }
    std::size_t end = i + 5;
    // Not part of a longer chain: "1.2.2018.3", "5/2/2022/1".
    if (has(end) && t_[end].kind == Kind::punct && !t_[end].space_before &&
        (t_[end].p == '/' || t_[end].p == '-' || t_[end].p == '.' || t_[end].p == ':') && has(end + 1) &&
        t_[end + 1].kind == Kind::number && !t_[end + 1].space_before && t_[end].p == sep)
        return std::nullopt;
    bool hera = false, gera = false;
    if (has(end) && t_[end].kind == Kind::word) {
        if (flags(end) & ERA_H) hera = true, ++end;
        else if (flags(end) & ERA_G) gera = true, ++end;
    }
    const bool hijri = hera || (!gera && y >= 1300 && y <= 1500);
    if (hijri ? (y < 1300 || y > 1500) : (y < 1900 || y > 2100)) return std::nullopt;
    Expression c;
    c.form = Form::numeric_date;
    c.end = end;
    c.hijri = hijri;
    c.year = y, c.month = m, c.day = d;
    return c;
}

std::optional<Expression> Recogniser::year_expression(const Year& y, std::size_t end) const {
    if (y.hijri_era ? (y.year < 1300 || y.year > 1500) : (y.year < 1900 || y.year > 2100)) return std::nullopt;
    Expression c;
    c.form = Form::year;
    c.end = end;
    c.hijri = y.hijri_era;
    c.year = y.year;
    return c;
}

// "عام 2016", "العام 2016", "سنة 2016", "عام 1436هـ".
std::optional<Expression> Recogniser::year_with_marker(std::size_t i) const {
    if (!(flagsc(i) & YEAR_MARKER) || !has(i + 1)) return std::nullopt;
    auto y = year_at(i + 1);
    if (!y) return std::nullopt;
    auto c = year_expression(*y, y->end);
    if (c) c->first_skip = t_[i].clitic;
    return c;
}

// "2003م", "1436 هـ".
std::optional<Expression> Recogniser::year_with_era(std::size_t i) const {
    if (t_[i].ndigits != 4) return std::nullopt;
    if (i > 0 && !t_[i].nl_before && !t_[i].space_before && t_[i - 1].kind == Kind::punct) {
        const char32_t pp = t_[i - 1].p;
        if (pp == '/' || pp == '-' || pp == '.' || pp == ',') return std::nullopt;
    }
    auto y = year_at(i);
    if (!y || (!y->hijri_era && !y->greg_era)) return std::nullopt;
    if (y->greg_era && t_[y->end - 1].s == U"م" && (prev_flags(i) & MEASURE)) return std::nullopt;
    return year_expression(*y, y->end);
}

}  // namespace bahth::detail
