#include "dates/calendar.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdio>
#include <ctime>
#include <vector>

#include "base/errors.h"
#include "dates/lexicon.h"
#include "dates/tokens.h"
#include "text/chars.h"
#include "text/utf8.h"

namespace bahth {

std::string to_yyyymmdd(const CivilDate& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
    return buf;
}

std::string to_iso(const CivilDate& d) {
    char buf[32];
    if (d.month == 0) std::snprintf(buf, sizeof buf, "%04d", d.year);
    else if (d.day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

bool is_valid_date(const CivilDate& d) { return is_valid_date(d.year, d.month, d.day); }

bool is_valid_date(int year, int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> n{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2) return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
    return n[static_cast<std::size_t>(month - 1)];
}

// Howard Hinnant's algorithms (chrono-Compatible Low-Level Date Algorithms): eras of 400 years, years that
// start in March so that the leap day comes last.
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return CivilDate{static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

int weekday_of(long days) { return static_cast<int>(((days + 4) % 7 + 7) % 7); }

CivilDate months_before(const CivilDate& d, long months) {
    const long index = static_cast<long>(d.year) * 12 + (d.month - 1) - months;
    const long year = index >= 0 ? index / 12 : (index - 11) / 12;
    const int month = static_cast<int>(index - year * 12) + 1;
    const int y = static_cast<int>(year);
    return CivilDate{y, month, std::min(d.day, days_in_month(y, month))};
}

CivilDate local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return CivilDate{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

namespace {

// "YYYY", "YYYY-MM", "YYYY-MM-DD": the period's first or last day.
std::optional<std::string> period_bound(std::string_view text, bool upper) {
    // Arabic-Indic and Persian digits to ASCII; anything else must be digits and '-'.
    std::string s;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = next_code_point(text, i);
        c = fold_digit(c);
        if ((c >= U'0' && c <= U'9') || c == U'-' || c == U'/') s.push_back(c == U'/' ? '-' : static_cast<char>(c));
        else return std::nullopt;
    }
    int y = 0, m = 0, d = 0;
    char extra = 0;
    const int n = std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra);
    const bool shape_ok = (n == 1 && s.size() == 4) || (n == 2 && s.size() == 7) || (n == 3 && s.size() == 10);
    if (!shape_ok || y < 1 || (n >= 2 && (m < 1 || m > 12)) || (n == 3 && (d < 1 || d > days_in_month(y, m))))
        return std::nullopt;
    if (n < 2) m = upper ? 12 : 1;
    if (n < 3) d = upper ? days_in_month(y, m) : 1;
    return to_yyyymmdd({y, m, d});
}

// A span back from today: `count` of `unit` ('d', 'w', 'm', 'y').
struct Offset {
    long count = 0;
    char unit = 'd';
};

// The words of a relative bound, normalised as dates read text (tokens.h: case folded, digits ASCII, alef
// forms and ة/ى folded, marks dropped), split at spaces and '_'.
std::vector<std::u32string> relative_words(std::string_view text) {
    std::u32string cps;
    for (std::size_t i = 0; i < text.size();) cps.push_back(next_code_point(text, i));
    std::vector<std::u32string> words(1);
    for (char32_t c : detail::normalise(cps)) {
        if (c == U' ' || c == U'_' || c == U'\n') {
            if (!words.back().empty()) words.emplace_back();
        } else {
            words.back().push_back(c);
        }
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

std::optional<Offset> relative_offset(std::string_view text) {
    const std::vector<std::u32string> w = relative_words(text);
    if (w.size() == 1 && w[0] == U"today") return Offset{0, 'd'};
    if (w.size() == 1 && w[0] == U"yesterday") return Offset{1, 'd'};
    if (w.size() == 1 && w[0].size() >= 2 && w[0].size() <= 5) {  // 7d, 4w, 3m, 1y: at most 4 digits
        const char32_t unit = w[0].back();
        long n = 0;
        bool digits = true;
        for (std::size_t k = 0; k + 1 < w[0].size(); ++k) {
            digits = digits && w[0][k] >= U'0' && w[0][k] <= U'9';
            n = n * 10 + static_cast<long>(w[0][k] - U'0');
        }
        if (digits && (unit == U'd' || unit == U'w' || unit == U'm' || unit == U'y'))
            return Offset{n, static_cast<char>(unit)};
    }
    // The Arabic words, by their lexicon flags: اليوم, أمس, and الأسبوع/الشهر/العام + الماضي.
    auto flags = [](const std::u32string& word) -> std::uint64_t {
        const auto& lex = detail::lexicon();
        const auto it = lex.find(word);
        return it == lex.end() ? 0 : it->second.flags;
    };
    if (w.size() == 1 && (flags(w[0]) & detail::TODAY)) return Offset{0, 'd'};
    if (w.size() == 1 && (flags(w[0]) & detail::YESTERDAY)) return Offset{1, 'd'};
    if (w.size() == 2 && (flags(w[1]) & detail::REL_PAST)) {
        const std::uint64_t f = flags(w[0]);
        if (f & detail::WEEK_WORD) return Offset{1, 'w'};
        if (f & detail::MONTH_WORD) return Offset{1, 'm'};
        if (f & detail::YEAR_WORD) return Offset{1, 'y'};
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> date_bound(std::string_view text, bool upper, const CivilDate& today) {
    if (auto period = period_bound(text, upper)) return period;
    if (!is_valid_date(today)) return std::nullopt;
    const std::optional<Offset> back = relative_offset(text);
    if (!back) return std::nullopt;
    const long today_days = days_from_civil(today.year, today.month, today.day);
    CivilDate day;
    switch (back->unit) {
        case 'd': day = civil_from_days(today_days - back->count); break;
        case 'w': day = civil_from_days(today_days - 7 * back->count); break;
        case 'm': day = months_before(today, back->count); break;
        default: day = months_before(today, 12 * back->count); break;
    }
    if (day.year < 1) return std::nullopt;
    return to_yyyymmdd(day);
}

std::string parse_date_bound(const std::string& text, bool upper, const CivilDate& today) {
    if (auto bound = date_bound(text, upper, today)) return *bound;
    throw UsageError("date '" + text + "' is not a valid YYYY, YYYY-MM, YYYY-MM-DD or a day before today (today, "
                     "yesterday, 7d, 4w, 3m, 1y, أمس …)");
}

}  // namespace bahth
