#include "dates/fields.h"

#include <array>
#include <cstddef>
#include <string>

#include "text/chars.h"

namespace bahth {

namespace {

struct Cursor {
    std::string_view s;
    std::size_t i = 0;
    bool done() const { return i >= s.size(); }
    bool eat(char c) {
        if (i < s.size() && s[i] == c) return ++i, true;
        return false;
    }
    // Exactly n digits (n > 0), or 1..max digits when n == 0.
    std::optional<int> digits(std::size_t n, std::size_t max = 2) {
        std::size_t j = i;
        int v = 0;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9' && (n ? j - i < n : j - i < max)) v = v * 10 + (s[j++] - '0');
        if (j == i || (n && j - i != n)) return std::nullopt;
        if (j < s.size() && s[j] >= '0' && s[j] <= '9') return std::nullopt;
        i = j;
        return v;
    }
    void spaces() { while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i; }
};

// "HH:MM[:SS[.fff]]" then an optional zone "Z", "+04:00", "+0400", "GMT", "UTC", "EST".
bool time_and_zone(Cursor& c, bool iso) {
    if (c.done()) return true;
    if (iso) {
        if (!c.eat('T') && !c.eat(' ')) return false;
    } else {
        c.spaces();
    }
    if (c.done()) return !iso;
    if (!c.digits(2) || !c.eat(':') || !c.digits(2)) return false;
    if (c.eat(':')) {
        if (!c.digits(2)) return false;
        if (c.eat('.') || c.eat(',')) {
            std::size_t j = c.i;
            while (!c.done() && c.s[c.i] >= '0' && c.s[c.i] <= '9') ++c.i;
            if (c.i == j) return false;
        }
    }
    c.spaces();
    if (c.done()) return true;
    if (c.eat('Z')) return c.done();
    if (c.s[c.i] == '+' || c.s[c.i] == '-') {
        ++c.i;
        if (c.digits(4)) return c.done();
        if (!c.digits(2)) return false;
        if (c.eat(':') && !c.digits(2)) return false;
        return c.done();
    }
    if (iso) return false;
    std::size_t n = 0;
    while (!c.done() && ((c.s[c.i] >= 'A' && c.s[c.i] <= 'Z') || (c.s[c.i] >= 'a' && c.s[c.i] <= 'z'))) ++c.i, ++n;
    return n >= 1 && n <= 5 && c.done();
}

int english_month(std::string_view w) {
    static constexpr std::array<std::string_view, 12> names{"january", "february", "march", "april", "may", "june",
                                                            "july", "august", "september", "october", "november",
                                                            "december"};
    std::string l(w);
    for (char& ch : l) ch = static_cast<char>((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
    if (l.size() < 3) return 0;
    for (std::size_t m = 0; m < names.size(); ++m) {
        if (l == names[m] || l == names[m].substr(0, 3) || (l == "sept" && m == 8)) return static_cast<int>(m) + 1;
    }
    return 0;
}

std::optional<CivilDate> checked(int y, int m, int d) {
    if (y < 1 || y > 9999 || !is_valid_date(y, m, d)) return std::nullopt;
    return CivilDate{y, m, d};
}

std::optional<CivilDate> parse_rfc822(std::string_view s) {
    Cursor c{s};
    auto word = [&]() {
        std::size_t j = c.i;
        while (!c.done() && ((c.s[c.i] >= 'A' && c.s[c.i] <= 'Z') || (c.s[c.i] >= 'a' && c.s[c.i] <= 'z'))) ++c.i;
        return s.substr(j, c.i - j);
    };
    if (!c.done() && !(c.s[0] >= '0' && c.s[0] <= '9')) {
        const auto wd = word();
        if (wd.size() < 3) return std::nullopt;
        c.eat(',');
        c.spaces();
    }
    auto d = c.digits(0);
    if (!d) return std::nullopt;
    c.spaces();
    const int m = english_month(word());
    if (!m) return std::nullopt;
    c.spaces();
    auto y = c.digits(4);
    if (!y) return std::nullopt;
    if (!time_and_zone(c, false)) return std::nullopt;
    return checked(*y, m, *d);
}

}  // namespace

std::string_view to_string(DateSource s) {
    switch (s) {
        case DateSource::metadata: return "metadata";
        case DateSource::text: return "text";
        case DateSource::filename: return "filename";
        case DateSource::none: return "none";
    }
    return "none";
}

std::optional<CivilDate> parse_date_field(std::string_view raw) {
    std::string s = fold_digits(raw);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
    const std::string_view v = std::string_view(s).substr(b);
    if (v.empty()) return std::nullopt;
    {  // YYYY-MM-DD[time], YYYY/MM/DD
        Cursor c{v};
        if (auto y = c.digits(4)) {
            const char sep = c.done() ? 0 : c.s[c.i];
            if (sep != '-' && sep != '/') return std::nullopt;
            ++c.i;
            auto m = c.digits(0);
            if (!m || !c.eat(sep)) return std::nullopt;
            auto d = c.digits(0);
            if (!d || !time_and_zone(c, true)) return std::nullopt;
            return checked(*y, *m, *d);
        }
    }
    {  // DD/MM/YYYY (also - and .)
        Cursor c{v};
        if (auto d = c.digits(0)) {
            if (!c.done() && (c.s[c.i] == '/' || c.s[c.i] == '-' || c.s[c.i] == '.')) {
                const char sep = c.s[c.i++];
                auto m = c.digits(0);
                if (!m || !c.eat(sep)) return std::nullopt;
                auto y = c.digits(4);
                if (!y) return std::nullopt;
                if (!c.done() && !time_and_zone(c, false)) return std::nullopt;
                return checked(*y, *m, *d);
            }
        }
    }
    return parse_rfc822(v);
}

std::optional<CivilDate> parse_date_from_filename(std::string_view filename) {
    if (auto slash = filename.find_last_of("/\\"); slash != std::string_view::npos)
        filename.remove_prefix(slash + 1);
    auto dig = [&](std::size_t k) { return k < filename.size() && filename[k] >= '0' && filename[k] <= '9'; };
    auto num = [&](std::size_t k, std::size_t n) {
        int v = 0;
        for (std::size_t j = k; j < k + n; ++j) v = v * 10 + (filename[j] - '0');
        return v;
    };
    std::size_t i = 0;
    while (i < filename.size()) {
        if (!dig(i)) { ++i; continue; }
        std::size_t j = i;
        while (dig(j)) ++j;
        const std::size_t run = j - i;
        std::optional<CivilDate> d;
        if (run == 8) {
            d = CivilDate{num(i, 4), num(i + 4, 2), num(i + 6, 2)};
        } else if (run == 4 && j + 6 <= filename.size() && (filename[j] == '-' || filename[j] == '_') &&
                   dig(j + 1) && dig(j + 2) && filename[j + 3] == filename[j] && dig(j + 4) && dig(j + 5) &&
                   !dig(j + 6)) {
            d = CivilDate{num(i, 4), num(j + 1, 2), num(j + 4, 2)};
        }
        if (d && d->year >= 1900 && d->year <= 2100 && is_valid_date(*d)) return d;
        i = j;
    }
    return std::nullopt;
}

}  // namespace bahth
