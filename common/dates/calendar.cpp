#include "dates/calendar.h"

#include <array>
#include <cstddef>
#include <cstdio>

#include "base/errors.h"
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

std::optional<std::string> date_bound(std::string_view text, bool upper) {
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
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
    return std::string(buf);
}

std::string parse_date_bound(const std::string& text, bool upper) {
    if (auto bound = date_bound(text, upper)) return *bound;
    throw UsageError("date '" + text + "' is not a valid YYYY, YYYY-MM or YYYY-MM-DD");
}

}  // namespace bahth
