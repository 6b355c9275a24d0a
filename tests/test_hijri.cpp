// Unit tests for common/dates/hijri.h: Hijri <-> Gregorian conversion by the official Umm al-Qura month
// starts (issue 14), checked in both directions, at the edges of the table, and on every published month
// start of ../shared/data/ummalqura/month_starts.tsv when it is present.
#include <doctest/doctest.h>

#include "dates/calendar.h"
#include "dates/hijri.h"

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

using bahth::CivilDate;

namespace {

std::string iso(const std::optional<CivilDate>& d) { return d ? bahth::to_iso(*d) : "none"; }

std::string hijri(const std::optional<bahth::HijriDate>& h) {
    if (!h) return "none";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", h->year, h->month, h->day);
    return buf;
}

CivilDate day_before(const CivilDate& d) { return bahth::civil_from_days(bahth::days_from_civil(d.year, d.month, d.day) - 1); }

struct MonthStart {
    int year, month;
    const char* gregorian;  // the official first day
    int days;               // the official length
};

// Published month starts; the ones marked "ICU +1" are where ICU's islamic-umalqura calendar starts the
// month a day late.
const MonthStart kStarts[] = {
    {1343, 1, "1924-08-01", 30},   // first month of the table (ICU +1)
    {1343, 9, "1925-03-27", 28},   // a 28-day month of the early table
    {1345, 5, "1926-11-06", 31},   // a 31-day month of the early table
    {1400, 9, "1980-07-13", 30},   // ICU +1
    {1410, 9, "1990-03-27", 30},   // ICU +1
    {1415, 1, "1994-06-10", 29},   // ICU +1
    {1419, 12, "1999-03-18", 30},  // ICU +1: the last months before 1420 that differ
    {1420, 1, "1999-04-17", 29},
    {1436, 9, "2015-06-18", 29},
    {1440, 1, "2018-09-11", 29},
    {1451, 1, "2029-05-14", 30},
    {1470, 9, "2048-06-12", 30},   // ICU +1
    {1499, 12, "2076-10-29", 29},
    {1500, 12, "2077-10-18", 30},  // last month of the table
};

// Checks one month start both ways: its first day, its last day and the day before it.
void check_month(int year, int month, const CivilDate& first, int days) {
    INFO(year << "-" << month << " starts " << bahth::to_iso(first));
    CHECK(iso(bahth::hijri_to_gregorian(year, month, 1)) == bahth::to_iso(first));
    CHECK(hijri(bahth::gregorian_to_hijri(first)) == hijri(bahth::HijriDate{year, month, 1}));
    const CivilDate last = bahth::civil_from_days(bahth::days_from_civil(first.year, first.month, first.day) + days - 1);
    CHECK(iso(bahth::hijri_to_gregorian(year, month, days)) == bahth::to_iso(last));
    CHECK(hijri(bahth::gregorian_to_hijri(last)) == hijri(bahth::HijriDate{year, month, days}));
    CHECK(bahth::hijri_month_days(year, month) == days);
    CHECK_FALSE(bahth::hijri_to_gregorian(year, month, days + 1));
    const bahth::HijriDate prev = month == 1 ? bahth::HijriDate{year - 1, 12, 0} : bahth::HijriDate{year, month - 1, 0};
    if (auto before = bahth::gregorian_to_hijri(day_before(first))) {
        CHECK(before->year == prev.year);
        CHECK(before->month == prev.month);
        if (prev.year >= bahth::kUmmAlQuraFirstYear) CHECK(before->day == bahth::hijri_month_days(prev.year, prev.month));
    }
}

CivilDate parse_iso(const std::string& s) {
    CivilDate d;
    std::sscanf(s.c_str(), "%d-%d-%d", &d.year, &d.month, &d.day);
    return d;
}

}  // namespace

TEST_CASE("Umm al-Qura month starts as published, both ways") {
    for (const MonthStart& m : kStarts) check_month(m.year, m.month, parse_iso(m.gregorian), m.days);
}

TEST_CASE("the edges of the table: ICU continues on both sides") {
    // The day before 1 Muharram 1343 belongs to Dhu al-Hijja 1342 (ICU).
    const auto before = bahth::gregorian_to_hijri({1924, 7, 31});
    REQUIRE(before);
    CHECK(before->year == 1342);
    CHECK(before->month == 12);
    // The last day of the table and the first after it.
    CHECK(iso(bahth::hijri_to_gregorian(1500, 12, 30)) == "2077-11-16");
    CHECK(hijri(bahth::gregorian_to_hijri({2077, 11, 16})) == "1500-12-30");
    const auto after = bahth::gregorian_to_hijri({2077, 11, 17});
    REQUIRE(after);
    CHECK(after->year == 1501);
    CHECK(after->month == 1);
    CHECK(bahth::hijri_to_gregorian(1501, 1, 1));
    CHECK(bahth::hijri_to_gregorian(1300, 1, 1));
    // Outside any calendar.
    CHECK_FALSE(bahth::hijri_to_gregorian(0, 1, 1));
    CHECK_FALSE(bahth::hijri_to_gregorian(1436, 13, 1));
    CHECK_FALSE(bahth::hijri_to_gregorian(1436, 9, 0));
    CHECK_FALSE(bahth::hijri_to_gregorian(1436, 9, 30));  // Ramadan 1436 had 29 days
}

TEST_CASE("every published month start of ../shared/data/ummalqura converts both ways") {
    const std::string path = std::string(BAHTH_SHARED_DIR) + "/data/ummalqura/month_starts.tsv";
    std::ifstream in(path);
    if (!in.good()) {
        MESSAGE("skipped: no " << path);
        return;
    }
    std::string line;
    std::getline(in, line);  // header
    int rows = 0;
    while (std::getline(in, line)) {
        std::istringstream row(line);
        int year = 0, month = 0, days = 0;
        std::string start;
        REQUIRE((row >> year >> month >> start >> days));
        check_month(year, month, parse_iso(start), days);
        ++rows;
    }
    CHECK(rows == 12 * (bahth::kUmmAlQuraLastYear - bahth::kUmmAlQuraFirstYear + 1));
}
