// Unit tests for common/dates/dateline.h: the publication date a page states at its top.
#include <doctest/doctest.h>

#include "dates/calendar.h"
#include "dates/dateline.h"

#include <string>

TEST_CASE("find_publication_date_in_text") {
    SUBCASE("published line under a title") {
        const auto d = bahth::find_publication_date_in_text(
            "عنوان الخبر هنا\nنشرت في: 05/02/2022 – 11:10\nوقال الوزير إن الاجتماع سيعقد في 7 مارس 2022.");
        REQUIRE(d);
        CHECK(bahth::to_iso(d->date) == "2022-02-05");
        CHECK(d->line == 1);
    }
    SUBCASE("dateline as line 0") {
        const auto d = bahth::find_publication_date_in_text("الثلاثاء 26 مارس / مارس 2024\nنص الخبر.");
        REQUIRE(d);
        CHECK(bahth::to_iso(d->date) == "2024-03-26");
        CHECK(d->line == 0);
    }
    SUBCASE("تاريخ النشر, Hijri, and empty lines counted") {
        const auto d = bahth::find_publication_date_in_text("\n\nتاريخ النشر: 26 شوال 1436هـ\nالنص");
        REQUIRE(d);
        CHECK(bahth::to_iso(d->date) == "2015-08-11");
        CHECK(d->line == 2);
    }
    SUBCASE("city dateline") {
        const auto d = bahth::find_publication_date_in_text(
            "القاهرة - 5 مارس 2018 (رويترز) - قال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل بعد توقف دام شهرين.");
        REQUIRE(d);
        CHECK(bahth::to_iso(d->date) == "2018-03-05");
    }
    SUBCASE("copyright footer is never taken") {
        CHECK_FALSE(bahth::find_publication_date_in_text("جميع الحقوق محفوظة © 2020"));
        CHECK_FALSE(bahth::find_publication_date_in_text("عنوان\n© 05/02/2020 جميع الحقوق محفوظة"));
    }
    SUBCASE("a date deep in the story is not the publication date") {
        CHECK_FALSE(bahth::find_publication_date_in_text(
            "وقال رئيس الوزراء في كلمة ألقاها أمام البرلمان إن الحكومة ستعرض خطتها الجديدة على النواب في 7 مارس 2022."));
        std::string late = "عنوان\n";
        for (int i = 0; i < 6; ++i) late += "سطر من نص الخبر لا تاريخ فيه\n";
        late += "5 مارس 2018";
        CHECK_FALSE(bahth::find_publication_date_in_text(late));
    }
    SUBCASE("a month or a year is not enough") {
        CHECK_FALSE(bahth::find_publication_date_in_text("مارس 2024\nعام 2020"));
    }
}
