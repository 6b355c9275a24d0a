#include "dates/mentions.h"

#include <utility>

#include "dates/recognise.h"
#include "dates/resolve.h"
#include "dates/tokens.h"
#include "text/chars.h"

namespace bahth {

namespace {

// Trailing marks after the last matched character belong to the span ("مارسَ").
std::size_t extend_over_marks(const std::u32string& cps, std::size_t end) {
    while (end < cps.size() && (is_arabic_mark(cps[end]) || is_tatweel(cps[end]))) ++end;
    return end;
}

std::vector<DateMention> mentions_in(std::string_view utf8_text, const detail::Analysis& a,
                                     std::optional<CivilDate> publication);

std::string value_of(const CivilDate& d, DatePrecision p) {
    return p == DatePrecision::year ? to_iso(CivilDate{d.year, 0, 0})
           : p == DatePrecision::month ? to_iso(CivilDate{d.year, d.month, 0})
                                       : to_iso(d);
}

}  // namespace

std::string_view to_string(DatePrecision p) {
    switch (p) {
        case DatePrecision::day: return "day";
        case DatePrecision::week: return "week";
        case DatePrecision::month: return "month";
        case DatePrecision::year: return "year";
    }
    return "day";
}

std::vector<DateMention> extract_dates(std::string_view utf8_text, std::optional<CivilDate> publication) {
    thread_local detail::Analysis a;  // reused buffers: no allocation per call once warmed up
    detail::analyse(utf8_text, a);
    return mentions_in(utf8_text, a, publication);
}

std::vector<DateMention> extract_dates(std::string_view utf8_text, const NormalizedText& normalized,
                                       std::optional<CivilDate> publication) {
    thread_local detail::Analysis a;
    detail::analyse(utf8_text, normalized, a);
    return mentions_in(utf8_text, a, publication);
}

namespace {

// The mentions in a text analysed for dates (tokens.h).
std::vector<DateMention> mentions_in(std::string_view utf8_text, const detail::Analysis& a,
                                     std::optional<CivilDate> publication) {
    using namespace detail;
    std::vector<DateMention> out;
    const Recogniser recogniser(a);
    const Resolver resolver(publication);
    std::vector<Expression> readings;
    // The best reading at token i: the longest that has a value, then the most precise; on a tie the first
    // offered. A reading with `reject` set still wins: its tokens are skipped without a mention.
    std::optional<CivilDate> context;  // the value of the last mention ("العام التالي")
    const auto best_at = [&](std::size_t i) {
        readings.clear();
        recogniser.readings_at(i, readings);
        std::optional<ResolvedDate> best;
        for (const Expression& e : readings) {
            std::optional<ResolvedDate> c = resolver.resolve(e, context ? &*context : nullptr);
            if (!c) continue;
            if (!best || c->end > best->end ||
                (c->end == best->end && static_cast<int>(c->precision) < static_cast<int>(best->precision)))
                best = c;
        }
        return best;
    };
    // "عامي 2016 و2017": the year after the mention `prev` that ends before token k.
    const auto year_after = [&](std::size_t k, const ResolvedDate& prev) -> std::optional<ResolvedDate> {
        const std::optional<Expression> e = recogniser.year_after(k);
        if (!e) return std::nullopt;
        return resolver.resolve_after(*e, prev);
    };
    const auto emit = [&](std::size_t first_tok, const ResolvedDate& c) {
        const Token& f = a.toks[first_tok];
        const Token& l = a.toks[c.end - 1];
        DateMention dm;
        dm.start = a.src[f.b + c.first_skip];
        dm.end = extend_over_marks(a.cps, a.src[l.e - 1] + 1);
        dm.text.assign(utf8_text.substr(a.byte_of[dm.start], a.byte_of[dm.end] - a.byte_of[dm.start]));
        dm.value = value_of(c.date, c.precision);
        dm.precision = c.precision;
        dm.calendar = c.hijri ? "hijri" : "gregorian";
        dm.first = civil_from_days(c.first);
        dm.last = civil_from_days(c.last);
        dm.warning = c.warning;
        out.push_back(std::move(dm));
        context = c.date;
    };
    std::size_t i = 0;
    while (i < a.toks.size()) {
        auto c = best_at(i);
        if (!c) {
            ++i;
            continue;
        }
        if (c->reject) {
            i = c->end;
            continue;
        }
        emit(i, *c);
        i = c->end;
        while (auto more = year_after(i, *c)) {
            emit(i + 1, *more);
            c = more;
            i = c->end;
        }
    }
    return out;
}

}  // namespace

}  // namespace bahth
