// Unit tests for common/dates/fields.h: publication dates from metadata fields and file names.
#include <doctest/doctest.h>

#include "dates/calendar.h"
#include "dates/fields.h"

#include <string>
#include <vector>

TEST_CASE("parse_date_field") {
    struct F {
        const char* in;
        const char* out;  // ISO, or "" for nullopt
    };
    const std::vector<F> cases = {
        {"2018-02-18T17:35:43Z", "2018-02-18"},
        {"2015-07-21T02:51:32", "2015-07-21"},
        {"2018-02-18", "2018-02-18"},
        {"  2018-02-18 17:35:43+04:00 ", "2018-02-18"},
        {"2018-02-18T23:30:00.123-05:00", "2018-02-18"},  // not shifted to UTC
        {"Mon, 26 Feb 2018 02:20:10 GMT", "2018-02-26"},
        {"Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18"},
        {"26 February 2018", "2018-02-26"},
        {"17/05/2015", "2015-05-17"},
        {"17-05-2015", "2015-05-17"},
        {"2015/05/17", "2015-05-17"},
        {"١٧/٠٥/٢٠١٥", "2015-05-17"},
        {"٢٠١٨-٠٢-١٨", "2018-02-18"},
        {"2016-02-29", "2016-02-29"},
        // failures
        {"", ""},
        {"2018-13-01", ""},
        {"2018-02-30", ""},
        {"2015-02-29", ""},
        {"31/04/2015", ""},
        {"2018-02-18 garbage", ""},
        {"2018-02", ""},
        {"Mon, 26 Foo 2018", ""},
        {"yesterday", ""},
    };
    for (const F& c : cases) {
        INFO("input: '" << c.in << "'");
        const auto d = bahth::parse_date_field(c.in);
        CHECK((d ? bahth::to_iso(*d) : std::string()) == c.out);
    }
}

TEST_CASE("parse_date_from_filename") {
    auto f = [](const char* s) {
        const auto d = bahth::parse_date_from_filename(s);
        return d ? bahth::to_iso(*d) : std::string();
    };
    CHECK(f("JA-sport-12-20161202.txt") == "2016-12-02");
    CHECK(f("AL/culture/AL-culture-1-20180218.txt") == "2018-02-18");
    CHECK(f("2016-12-02-foo.txt") == "2016-12-02");
    CHECK(f("2016_12_02.txt") == "2016-12-02");
    CHECK(f("2018/02/18/story-1.txt") == "");   // directories are not the file name
    CHECK(f("doc-123456789.txt") == "");        // 9 digits
    CHECK(f("x-20161332.txt") == "");           // month 13
    CHECK(f("x-18991231.txt") == "");           // before 1900
    CHECK(f("x-20150229.txt") == "");           // not a leap year
    CHECK(f("") == "");
}
