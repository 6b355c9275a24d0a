// Precision and recall of extract_dates() on a hand-labelled gold set of real news sentences
// (tests/data/dates_gold.tsv; its header describes the format).
#include <doctest/doctest.h>

#include "dates/calendar.h"
#include "dates/fields.h"
#include "dates/mentions.h"

#include <cstddef>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef BAHTH_TEST_DATA_DIR
#error "BAHTH_TEST_DATA_DIR must name the tests/data directory"
#endif

namespace {

struct Expected {
    std::string value;
    std::string first, last;  // the range, "YYYY-MM-DD"
    bahth::DatePrecision precision = bahth::DatePrecision::day;
    std::string text;
    std::size_t start = 0, end = 0;  // code points
};

struct GoldRow {
    std::size_t line = 0;
    std::optional<bahth::CivilDate> publication;
    std::string snippet;
    std::vector<Expected> expected;
};

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

// Returns an error message, or "" when the row parsed.
std::string parse_row(const std::string& raw, std::size_t line, GoldRow& row) {
    const auto cols = split(raw, '\t');
    if (cols.size() != 3) return "expected 3 TAB-separated columns";
    row.line = line;
    row.publication = bahth::parse_date_field(cols[0]);
    if (!row.publication) return "bad publication date '" + cols[0] + "'";
    row.snippet = cols[1];
    if (cols[2] == "-") return "";
    for (const std::string& item : split(cols[2], ';')) {
        const auto at = item.find('@');
        if (at == std::string::npos) return "item without '@': " + item;
        Expected e;
        e.value = item.substr(0, at);
        e.text = item.substr(at + 1);
        const auto eq = e.value.find('=');
        std::string range;
        if (eq != std::string::npos) range = e.value.substr(eq + 1), e.value.resize(eq);
        if (e.value.rfind("week:", 0) == 0) {
            e.value = e.value.substr(5);
            e.precision = bahth::DatePrecision::week;
        } else if (e.value.size() == 7) {
            e.precision = bahth::DatePrecision::month;
        } else if (e.value.size() == 4) {
            e.precision = bahth::DatePrecision::year;
        } else if (e.value.size() != 10) {
            return "bad value: " + e.value;
        }
        if (range.empty()) {
            // The natural period of the value: a day itself, a week Monday to Sunday, a month or a year.
            const std::string v = e.value;
            const int y = std::stoi(v.substr(0, 4));
            const int m = v.size() >= 7 ? std::stoi(v.substr(5, 2)) : 0;
            if (e.precision == bahth::DatePrecision::day) e.first = e.last = v;
            else if (e.precision == bahth::DatePrecision::week) {
                e.first = v;
                e.last = bahth::to_iso(bahth::civil_from_days(
                    bahth::days_from_civil(y, m, std::stoi(v.substr(8, 2))) + 6));
            } else if (e.precision == bahth::DatePrecision::month) {
                e.first = bahth::to_iso({y, m, 1});
                e.last = bahth::to_iso({y, m, bahth::days_in_month(y, m)});
            } else {
                e.first = bahth::to_iso({y, 1, 1});
                e.last = bahth::to_iso({y, 12, 31});
            }
        } else {
            const auto dots = range.find("..");
            if (dots == std::string::npos) return "bad range: " + range;
            e.first = range.substr(0, dots);
            e.last = range.substr(dots + 2);
            const bahth::CivilDate today{2000, 1, 1};  // only fixed days are labels: "today" never decides
            if (!bahth::date_bound(e.first, false, today) || !bahth::date_bound(e.last, false, today) || e.first.size() != 10 ||
                e.last.size() != 10)
                return "bad range: " + range;
        }
        const auto pos = row.snippet.find(e.text);
        if (e.text.empty() || pos == std::string::npos) return "text not in snippet: " + e.text;
        e.start = code_points(std::string_view(row.snippet).substr(0, pos));
        e.end = e.start + code_points(e.text);
        row.expected.push_back(e);
    }
    return "";
}

bool same(const Expected& e, const bahth::DateMention& m) {
    return e.value == m.value && e.precision == m.precision && e.first == bahth::to_iso(m.first) &&
           e.last == bahth::to_iso(m.last) && m.start < e.end && e.start < m.end;
}

std::string range_of(const bahth::DateMention& m) { return bahth::to_iso(m.first) + ".." + bahth::to_iso(m.last); }

}  // namespace

// Issue 14: a mention counts only when its value, precision and range are all right.
TEST_CASE("extract_dates on the gold set: precision >= 0.98, recall >= 0.97") {
    const std::string path = std::string(BAHTH_TEST_DATA_DIR) + "/dates_gold.tsv";
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);

    std::vector<GoldRow> rows;
    std::string raw;
    std::size_t line = 0;
    while (std::getline(in, raw)) {
        ++line;
        if (raw.empty() || raw[0] == '#') continue;
        GoldRow row;
        const std::string err = parse_row(raw, line, row);
        INFO(path << ":" << line);
        REQUIRE_MESSAGE(err.empty(), err);
        rows.push_back(std::move(row));
    }
    REQUIRE(rows.size() >= 420);

    std::size_t predicted = 0, correct = 0, expected = 0, found = 0, empty_rows = 0;
    std::ostringstream misses;
    for (const GoldRow& row : rows) {
        if (row.expected.empty()) ++empty_rows;
        const auto got = bahth::extract_dates(row.snippet, row.publication);
        predicted += got.size();
        for (const auto& m : got) {
            bool ok = false;
            for (const auto& e : row.expected) ok = ok || same(e, m);
            if (ok) ++correct;
            else
                misses << "  line " << row.line << ": wrong  " << m.value << "=" << range_of(m) << " "
                       << bahth::to_string(m.precision) << " @" << m.text << "\n";
        }
        expected += row.expected.size();
        for (const auto& e : row.expected) {
            bool ok = false;
            for (const auto& m : got) ok = ok || same(e, m);
            if (ok) ++found;
            else
                misses << "  line " << row.line << ": missed " << e.value << "=" << e.first << ".." << e.last << " "
                       << bahth::to_string(e.precision) << " @" << e.text << "\n";
        }
    }
    const double precision = predicted ? static_cast<double>(correct) / static_cast<double>(predicted) : 1.0;
    const double recall = expected ? static_cast<double>(found) / static_cast<double>(expected) : 1.0;
    MESSAGE("dates gold set: " << rows.size() << " snippets (" << empty_rows << " without a date), " << expected
                               << " expected, " << predicted << " predicted; precision " << correct << "/" << predicted
                               << " = " << precision << ", recall " << found << "/" << expected << " = " << recall);
    if (!misses.str().empty()) MESSAGE("misses:\n" << misses.str());
    CHECK(precision >= 0.98);
    CHECK(recall >= 0.97);
}
