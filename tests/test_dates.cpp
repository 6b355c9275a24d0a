// Unit tests for common/dates/mentions.h (extract_dates). Each table maps an input to a compact rendering of what is found:
// "VALUE precision calendar @TEXT" items joined by " | " ("" when nothing is found).
#include <doctest/doctest.h>

#include "dates/calendar.h"
#include "dates/fields.h"
#include "dates/mentions.h"

#include <optional>
#include <string>
#include <vector>

using bahth::CivilDate;

namespace {

std::string render(const std::vector<bahth::DateMention>& ms) {
    std::string out;
    for (const auto& m : ms) {
        if (!out.empty()) out += " | ";
        out += m.value + " " + std::string(bahth::to_string(m.precision)) + " " + m.calendar + " @" + m.text;
    }
    return out;
}

std::string extract(const std::string& text, std::optional<CivilDate> pub) {
    return render(bahth::extract_dates(text, pub));
}

struct Case {
    const char* input;
    const char* expected;
};

void run(const std::vector<Case>& cases, std::optional<CivilDate> pub) {
    for (const Case& c : cases) {
        INFO("input: " << c.input);
        CHECK(extract(c.input, pub) == c.expected);
    }
}

// Tuesday 21 July 2015 (= 5 Shawwal 1436).
const CivilDate kPub{2015, 7, 21};

}  // namespace

TEST_CASE("to_yyyymmdd, to_iso, to_string") {
    CHECK(bahth::to_yyyymmdd(CivilDate{2022, 2, 5}) == "20220205");
    CHECK(bahth::to_yyyymmdd(CivilDate{2022, 2, 0}) == "20220200");
    CHECK(bahth::to_iso(CivilDate{2022, 2, 5}) == "2022-02-05");
    CHECK(bahth::to_iso(CivilDate{2022, 2, 0}) == "2022-02");
    CHECK(bahth::to_iso(CivilDate{2022, 0, 0}) == "2022");
    CHECK(bahth::to_string(bahth::DateSource::metadata) == "metadata");
    CHECK(bahth::to_string(bahth::DateSource::none) == "none");
    CHECK(bahth::to_string(bahth::DatePrecision::week) == "week");
}

TEST_CASE("Gregorian month names of every family, with day and year") {
    run({
            {"في 5 يناير 2018", "2018-01-05 day gregorian @5 يناير 2018"},
            {"في 5 فبراير 2018", "2018-02-05 day gregorian @5 فبراير 2018"},
            {"5 أبريل 2018 و5 ابريل 2018 و5 إبريل 2018",
             "2018-04-05 day gregorian @5 أبريل 2018 | 2018-04-05 day gregorian @5 ابريل 2018 | "
             "2018-04-05 day gregorian @5 إبريل 2018"},
            {"1 يونيه 2016 و1 يوليه 2016", "2016-06-01 day gregorian @1 يونيه 2016 | 2016-07-01 day gregorian @1 يوليه 2016"},
            {"31 أغسطس 2016 و31 اغسطس 2016",
             "2016-08-31 day gregorian @31 أغسطس 2016 | 2016-08-31 day gregorian @31 اغسطس 2016"},
            {"9 سبتمبر 2001 و6 أكتوبر 1973 و11 نوفمبر 2004 و25 ديسمبر 2017",
             "2001-09-09 day gregorian @9 سبتمبر 2001 | 1973-10-06 day gregorian @6 أكتوبر 1973 | "
             "2004-11-11 day gregorian @11 نوفمبر 2004 | 2017-12-25 day gregorian @25 ديسمبر 2017"},
            // Levantine / Iraqi
            {"3 كانون الثاني 2015", "2015-01-03 day gregorian @3 كانون الثاني 2015"},
            {"3 كانون 2 2015", "2015-01-03 day gregorian @3 كانون 2 2015"},
            {"3 كانون الأول 2015 و3 كانون 1 2015",
             "2015-12-03 day gregorian @3 كانون الأول 2015 | 2015-12-03 day gregorian @3 كانون 1 2015"},
            {"8 شباط 2014 و8 آذار 2014 و8 اذار 2014",
             "2014-02-08 day gregorian @8 شباط 2014 | 2014-03-08 day gregorian @8 آذار 2014 | "
             "2014-03-08 day gregorian @8 اذار 2014"},
            {"8 نيسان 2014 و8 أيار 2014 و8 حزيران 2014 و8 تموز 2014",
             "2014-04-08 day gregorian @8 نيسان 2014 | 2014-05-08 day gregorian @8 أيار 2014 | "
             "2014-06-08 day gregorian @8 حزيران 2014 | 2014-07-08 day gregorian @8 تموز 2014"},
            {"8 آب 2014 و8 أيلول 2014", "2014-08-08 day gregorian @8 آب 2014 | 2014-09-08 day gregorian @8 أيلول 2014"},
            {"8 تشرين الأول 2014 و8 تشرين 2 2014",
             "2014-10-08 day gregorian @8 تشرين الأول 2014 | 2014-11-08 day gregorian @8 تشرين 2 2014"},
            // Maghrebi
            {"15 جانفي 2017 و15 فيفري 2017 و15 أفريل 2017",
             "2017-01-15 day gregorian @15 جانفي 2017 | 2017-02-15 day gregorian @15 فيفري 2017 | "
             "2017-04-15 day gregorian @15 أفريل 2017"},
            {"15 ماي 2017 و15 جوان 2017 و15 جويلية 2017 و15 أوت 2017",
             "2017-05-15 day gregorian @15 ماي 2017 | 2017-06-15 day gregorian @15 جوان 2017 | "
             "2017-07-15 day gregorian @15 جويلية 2017 | 2017-08-15 day gregorian @15 أوت 2017"},
            // "من" after the day, "عام" before the year, "م" after it, ordinals
            {"في الـ24 من مارس 2017", "2017-03-24 day gregorian @24 من مارس 2017"},
            {"في 5 مارس عام 2018م", "2018-03-05 day gregorian @5 مارس عام 2018م"},
            {"في الرابع من مارس 2018", "2018-03-04 day gregorian @الرابع من مارس 2018"},
            {"في الحادي والعشرين من مارس 2018", "2018-03-21 day gregorian @الحادي والعشرين من مارس 2018"},
        },
        std::nullopt);
}

TEST_CASE("paired month names in every order and separator") {
    run({
            {"آذار/مارس 2018", "2018-03 month gregorian @آذار/مارس 2018"},
            {"مارس (آذار) 2018", "2018-03 month gregorian @مارس (آذار) 2018"},
            {"29 يونيو حزيران 2015", "2015-06-29 day gregorian @29 يونيو حزيران 2015"},
            {"كانون الثاني/يناير 2016", "2016-01 month gregorian @كانون الثاني/يناير 2016"},
            {"25 كانون الثاني(يناير) 2011", "2011-01-25 day gregorian @25 كانون الثاني(يناير) 2011"},
            {"21 يوليو- تموز 2015م", "2015-07-21 day gregorian @21 يوليو- تموز 2015م"},
            {"الثلاثاء 26 مارس / مارس 2024", "2024-03-26 day gregorian @الثلاثاء 26 مارس / مارس 2024"},
            // different months are not a pair: the first stands alone
            {"مارس/أبريل 2018", "2018-04 month gregorian @أبريل 2018"},
        },
        std::nullopt);
}

TEST_CASE("Hijri dates, converted with Umm al-Qura") {
    run({
            {"1 رمضان 1436هـ", "2015-06-18 day hijri @1 رمضان 1436هـ"},
            {"26 شوال 1436هـ", "2015-08-11 day hijri @26 شوال 1436هـ"},
            {"1 محرم 1440 هـ", "2018-09-11 day hijri @1 محرم 1440 هـ"},
            {"12 من ذي القعدة ١٤٣٦هـ", "2015-08-27 day hijri @12 من ذي القعدة ١٤٣٦هـ"},
            {"23 ذو القعدة 1436ه", "2015-09-07 day hijri @23 ذو القعدة 1436ه"},
            // The Umm al-Qura table, not the sighting (Saudi Arabia kept Eid al-Adha 1436 on 24 September).
            {"10 ذي الحجة 1436هـ", "2015-09-23 day hijri @10 ذي الحجة 1436هـ"},
            {"1 ربيع الأول 1437هـ و1 ربيع الآخر 1437هـ",
             "2015-12-12 day hijri @1 ربيع الأول 1437هـ | 2016-01-11 day hijri @1 ربيع الآخر 1437هـ"},
            {"1 جمادى الأولى 1437هـ و1 جمادى الآخرة 1437هـ",
             "2016-02-10 day hijri @1 جمادى الأولى 1437هـ | 2016-03-10 day hijri @1 جمادى الآخرة 1437هـ"},
            {"15 رجب 1436 و15 شعبان 1436",
             "2015-05-04 day hijri @15 رجب 1436 | 2015-06-02 day hijri @15 شعبان 1436"},
            // numeric, both orders, Arabic-Indic digits, spaces around the separators
            {"١٤٣٦/١٠/٢٦هـ", "2015-08-11 day hijri @١٤٣٦/١٠/٢٦هـ"},
            {"26/10/1436هـ", "2015-08-11 day hijri @26/10/1436هـ"},
            {"حتى يوم الخميس الموافق 28 / 10 / 1436 هـ .", "2015-08-13 day hijri @الخميس الموافق 28 / 10 / 1436 هـ"},
            // month and year, year alone
            {"رمضان 1436هـ", "2015-06 month hijri @رمضان 1436هـ"},
            {"من مواليد 1415هـ", "1994 year hijri @1415هـ"},
            {"عام 1436 هـ", "2014 year hijri @عام 1436 هـ"},
            // صفر is a month with a Hijri year or هـ
            {"5 صفر 1436هـ", "2014-11-27 day hijri @5 صفر 1436هـ"},
            {"يوم 5 صفر", ""},  // year-less: needs a publication date
            {"صفر 1440", "2018-10 month hijri @صفر 1440"},
            // invalid: 30 Ramadan 1436 does not exist in Umm al-Qura (29 days), month 13
            {"30 رمضان 1436هـ", ""},
            {"5/13/1436هـ", ""},
        },
        std::nullopt);
}

TEST_CASE("numeric dates") {
    run({
            {"في 05/02/2022 و5-2-2022 و5.2.2022",
             "2022-02-05 day gregorian @05/02/2022 | 2022-02-05 day gregorian @5-2-2022 | "
             "2022-02-05 day gregorian @5.2.2022"},
            {"2022-02-05 و2022/02/05", "2022-02-05 day gregorian @2022-02-05 | 2022-02-05 day gregorian @2022/02/05"},
            {"٠٥/٠٢/٢٠٢٢ و۰۵/۰۲/۲۰۲۲",
             "2022-02-05 day gregorian @٠٥/٠٢/٢٠٢٢ | 2022-02-05 day gregorian @۰۵/۰۲/۲۰۲۲"},
            {"في 29/2/2016", "2016-02-29 day gregorian @29/2/2016"},
            // invalid or not dates
            {"في 29/2/2015", ""},
            {"في 5/13/2022", ""},
            {"في 32/1/2022", ""},
            {"في 5/2/1850", ""},
            {"الإصدار 2.3.7 والهاتف 71.335.000 والنتيجة 4-4-2", ""},
            {"1.5.2022.3", ""},
            {"(19/25- 15/25 و 23/25)", ""},
        },
        std::nullopt);
}

TEST_CASE("years need a marker") {
    run({
            {"عام 2016 والعام 2017 وسنة 2018", "2016 year gregorian @عام 2016 | 2017 year gregorian @العام 2017 | "
                                               "2018 year gregorian @سنة 2018"},
            {"في 2003م", "2003 year gregorian @2003م"},
            {"لعام ٢٠١٨", "2018 year gregorian @لعام ٢٠١٨"},
            {"بين عامي 2013 و2014", "2013 year gregorian @عامي 2013 | 2014 year gregorian @2014"},
            {"في 2018 بلغ عدد 1500 مشارك", ""},
            {"جميع الحقوق محفوظة 2020 ©", ""},
            {"سباق 1500م", ""},
            {"الموسم 2017/2018", ""},
            {"مارس 2018", "2018-03 month gregorian @مارس 2018"},
        },
        std::nullopt);
}

TEST_CASE("year-less dates resolve against publication") {
    run({
            {"في 5 مارس", "2015-03-05 day gregorian @5 مارس"},
            {"في 5 مارس المقبل", "2016-03-05 day gregorian @5 مارس المقبل"},
            {"في 25 يوليو الماضي", "2014-07-25 day gregorian @25 يوليو الماضي"},
            {"في 25 يوليو الجاري", "2015-07-25 day gregorian @25 يوليو الجاري"},
            {"في 28 ديسمبر", "2014-12-28 day gregorian @28 ديسمبر"},  // nearest, the past preferred
            {"في 5 مارس من العام الماضي", "2014-03-05 day gregorian @5 مارس من العام الماضي"},
            {"في مارس الماضي", "2015-03 month gregorian @مارس الماضي"},
            {"خلال شهر أغسطس", "2015-08 month gregorian @أغسطس"},
            {"في يناير (كانون الثاني) الماضي", "2015-01 month gregorian @يناير (كانون الثاني) الماضي"},
            {"من 21 إلى 30 يوليو الجاري",
             "2015-07-21 day gregorian @21 | 2015-07-30 day gregorian @30 يوليو الجاري"},
            {"في 26 رمضان", "2015-07-13 day hijri @26 رمضان"},
            {"رمضان المقبل", "2016-06 month hijri @رمضان المقبل"},
            {"يوم 5 صفر", "2014-11-27 day hijri @5 صفر"},
            {"يحتفل به في 14 أكتوبر من كل عام", ""},
        },
        kPub);
    // Without a publication date, nothing year-less is reported.
    run({
            {"في 5 مارس المقبل", ""},
            {"في مارس الماضي", ""},
            {"أمس الأول", ""},
            {"الثلاثاء الماضي", ""},
        },
        std::nullopt);
}

TEST_CASE("relative words resolve against publication (Tuesday 2015-07-21)") {
    run({
            {"قال اليوم (الاثنين) إن", "2015-07-20 day gregorian @اليوم (الاثنين)"},
            {"صباح اليوم", "2015-07-21 day gregorian @اليوم"},
            {"أعلنت الوزارة في وقت سابق اليوم", "2015-07-21 day gregorian @اليوم"},
            {"نظم اليوم عدد من المواطنين وقفة", "2015-07-21 day gregorian @اليوم"},
            {"أمس", "2015-07-20 day gregorian @أمس"},
            {"وأمس الأول", "2015-07-19 day gregorian @أمس الأول"},
            {"أول أمس", "2015-07-19 day gregorian @أول أمس"},
            {"يوم الأمس", "2015-07-20 day gregorian @يوم الأمس"},
            {"أمس الاثنين", "2015-07-20 day gregorian @أمس الاثنين"},
            {"يصل غداً إلى الرياض", "2015-07-22 day gregorian @غداً"},
            {"غداً الأربعاء", "2015-07-22 day gregorian @غداً الأربعاء"},
            {"بعد غد", "2015-07-23 day gregorian @بعد غد"},
            {"الأسبوع الماضي", "2015-07-13 week gregorian @الأسبوع الماضي"},
            {"الأسبوع المقبل", "2015-07-27 week gregorian @الأسبوع المقبل"},
            {"الأسبوع الجاري", "2015-07-20 week gregorian @الأسبوع الجاري"},
            {"الشهر الماضي والشهر المقبل والشهر الجاري",
             "2015-06 month gregorian @الشهر الماضي | 2015-08 month gregorian @الشهر المقبل | "
             "2015-07 month gregorian @الشهر الجاري"},
            {"العام الماضي والعام المقبل والعام الحالي",
             "2014 year gregorian @العام الماضي | 2016 year gregorian @العام المقبل | 2015 year gregorian @العام الحالي"},
            {"السنة الماضية والسنة المقبلة",
             "2014 year gregorian @السنة الماضية | 2016 year gregorian @السنة المقبلة"},
            {"هذا العام", "2015 year gregorian @هذا العام"},
            {"الثلاثاء الماضي", "2015-07-14 day gregorian @الثلاثاء الماضي"},
            {"الأحد الماضي", "2015-07-19 day gregorian @الأحد الماضي"},
            {"الاثنين المقبل", "2015-07-27 day gregorian @الاثنين المقبل"},
            {"الجمعة", "2015-07-17 day gregorian @الجمعة"},
            {"يوم الثلاثاء", "2015-07-21 day gregorian @الثلاثاء"},
        },
        kPub);
}

TEST_CASE("not dates") {
    run({
            {"شارع 7 نوفمبر", ""},
            {"مدينة 6 أكتوبر", ""},
            {"ملعب 5 جويلية", ""},
            {"جامعة 6 أكتوبر", ""},
            {"كوبري 15 مايو", ""},
            {"ملعب 5 تموز/يوليو 1962", ""},
            {"منذ ثورة 23 يوليو", ""},
            {"هجمات 11 سبتمبر", ""},
            {"فاز 3 صفر وخسر 2-صفر ونتيجة 1 - صفر", ""},
            {"بنتيجة 3 صفر", ""},
            {"العالم اليوم", ""},
            {"اليوم الوطني واليوم العالمي للمرأة", ""},
            {"منذ بدايتها إلى اليوم", ""},
            {"عين اليوم – لندن", ""},
            {"في أمس الحاجة", ""},
            {"أدى صلاة الجمعة وخطبة الجمعة", ""},
            {"ليلة الجمعة", ""},
            {"بين الاثنين", ""},
            {"مارس الضغوط على الحكومة", ""},
            {"باب 2018", ""},
            {"غدا الأمر صعبا", ""},
        },
        kPub);
    // "ثورة 25 يناير 2011" names an event but states a full date: kept.
    CHECK(extract("بعد ثورة 25 يناير 2011", kPub) == "2011-01-25 day gregorian @25 يناير 2011");
}

TEST_CASE("spans are code points of the original text, through diacritics, tatweel and marks") {
    const std::string text = "وَقَعَ الحَادِثُ فِي ٥ مَـارِسَ ٢٠١٨\u200f م";
    const auto ms = bahth::extract_dates(text, std::nullopt);
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].value == "2018-03-05");
    CHECK(ms[0].text == "٥ مَـارِسَ ٢٠١٨\u200f م");
    // "وَقَعَ الحَادِثُ فِي " is 21 code points; the mention is 18.
    CHECK(ms[0].start == 21);
    CHECK(ms[0].end == ms[0].start + 18);

    const auto nb = bahth::extract_dates("في\u00a05\u00a0مارس\u00a02018", std::nullopt);
    REQUIRE(nb.size() == 1);
    CHECK(nb[0].text == "5\u00a0مارس\u00a02018");
    CHECK(nb[0].start == 3);
    CHECK(nb[0].end == 14);
}

TEST_CASE("overlapping candidates: the longest, most precise span wins") {
    CHECK(extract("الثلاثاء 26 مارس / مارس 2024", kPub) == "2024-03-26 day gregorian @الثلاثاء 26 مارس / مارس 2024");
    CHECK(extract("اليوم الأربعاء 26 أكتوبر 2016", kPub) == "2016-10-26 day gregorian @الأربعاء 26 أكتوبر 2016");
    CHECK(extract("25 شوال 1436 هـ الموافق 10 اغسطس 2015 م", std::nullopt) ==
          "2015-08-10 day hijri @25 شوال 1436 هـ | 2015-08-10 day gregorian @10 اغسطس 2015 م");
}

TEST_CASE("robustness: invalid UTF-8, empty input, idempotent calls") {
    CHECK(extract("", kPub).empty());
    CHECK(extract("\xff\xfe 5 مارس 2018 \xc3", std::nullopt) == "2018-03-05 day gregorian @5 مارس 2018");
    const std::string t = "في 5 مارس 2018 وأمس";
    CHECK(extract(t, kPub) == extract(t, kPub));
}

// ---- Issue 14: every mention's period, ordinal days, parts of months, weekday checks, counted days ----------

namespace {

// "VALUE=FIRST..LAST precision calendar @TEXT [!warning]" items joined by " | ".
std::string extract_ranges(const std::string& text, std::optional<CivilDate> pub) {
    std::string out;
    for (const auto& m : bahth::extract_dates(text, pub)) {
        if (!out.empty()) out += " | ";
        out += m.value + "=" + bahth::to_iso(m.first) + ".." + bahth::to_iso(m.last) + " " +
               std::string(bahth::to_string(m.precision)) + " " + m.calendar + " @" + m.text;
        if (!m.warning.empty()) out += " !" + m.warning;
    }
    return out;
}

void run_ranges(const std::vector<Case>& cases, std::optional<CivilDate> pub) {
    for (const Case& c : cases) {
        INFO("input: " << c.input);
        CHECK(extract_ranges(c.input, pub) == c.expected);
    }
}

}  // namespace

TEST_CASE("every mention has its period: days, weeks, Gregorian and Hijri months and years") {
    run_ranges({
            {"في 5 مارس 2018", "2018-03-05=2018-03-05..2018-03-05 day gregorian @5 مارس 2018"},
            {"الأسبوع القادم", "2015-07-27=2015-07-27..2015-08-02 week gregorian @الأسبوع القادم"},
            {"في فبراير 2016", "2016-02=2016-02-01..2016-02-29 month gregorian @فبراير 2016"},
            {"عام 2016", "2016=2016-01-01..2016-12-31 year gregorian @عام 2016"},
            // A Hijri month spans two Gregorian months; its value is the month it starts in.
            {"ذو القعدة 1436هـ", "2015-08=2015-08-16..2015-09-13 month hijri @ذو القعدة 1436هـ"},
            {"رمضان 1436هـ", "2015-06=2015-06-18..2015-07-16 month hijri @رمضان 1436هـ"},
            {"عام 1437 هـ", "2015=2015-10-14..2016-10-01 year hijri @عام 1437 هـ"},
            {"رمضان الماضي", "2015-06=2015-06-18..2015-07-16 month hijri @رمضان الماضي"},
        },
        kPub);
}

TEST_CASE("ordinal days in both genders, with من شهر and الـ, before every family of month names") {
    run_ranges({
            {"في الخامس والعشرين من شهر مارس 2016",
             "2016-03-25=2016-03-25..2016-03-25 day gregorian @الخامس والعشرين من شهر مارس 2016"},
            {"الحادي عشر من شهر مارس 2016", "2016-03-11=2016-03-11..2016-03-11 day gregorian @الحادي عشر من شهر مارس 2016"},
            {"في الثاني عشر من كانون الثاني 2016",
             "2016-01-12=2016-01-12..2016-01-12 day gregorian @الثاني عشر من كانون الثاني 2016"},
            {"في الأول من جويلية 2017", "2017-07-01=2017-07-01..2017-07-01 day gregorian @الأول من جويلية 2017"},
            {"في الخامسة عشرة من مارس 2016", "2016-03-15=2016-03-15..2016-03-15 day gregorian @الخامسة عشرة من مارس 2016"},
            {"السابع عشر من رمضان 1437", "2016-06-22=2016-06-22..2016-06-22 day hijri @السابع عشر من رمضان 1437"},
            {"الثلاثين من نوفمبر 2017", "2017-11-30=2017-11-30..2017-11-30 day gregorian @الثلاثين من نوفمبر 2017"},
            {"في الـ24 من شهر مارس 2017", "2017-03-24=2017-03-24..2017-03-24 day gregorian @24 من شهر مارس 2017"},
            // The ordinal of a noun, not a day.
            {"الأسبوع الأول من يناير", "2015-01=2015-01-01..2015-01-31 month gregorian @يناير"},
            {"النصف الأول من مارس 2016", "2016-03=2016-03-01..2016-03-31 month gregorian @مارس 2016"},
            {"في الجمعة الأولى من رمضان", ""},
            // The noun an ordinal counts may be indefinite: the month is still mentioned.
            {"في الأسابيع الثلاثة الأولى من مايو", "2015-05=2015-05-01..2015-05-31 month gregorian @مايو"},
            {"قمة الأحد الخامسة من نوعها", "2015-07-19=2015-07-19..2015-07-19 day gregorian @الأحد"},
        },
        kPub);
}

TEST_CASE("غرة, مطلع, منتصف, أواخر: the first day and parts of a month") {
    run_ranges({
            {"في غرة محرم", "2015-10-14=2015-10-14..2015-10-14 day hijri @غرة محرم"},
            {"غرة شهر رمضان 1437", "2016-06-06=2016-06-06..2016-06-06 day hijri @غرة شهر رمضان 1437"},
            {"في مطلع مارس 2016", "2016-03=2016-03-01..2016-03-10 month gregorian @مطلع مارس 2016"},
            {"منتصف شهر يناير 2016", "2016-01=2016-01-11..2016-01-20 month gregorian @منتصف شهر يناير 2016"},
            {"في أواخر رمضان 1436هـ", "2015-07=2015-07-08..2015-07-16 month hijri @أواخر رمضان 1436هـ"},
            {"حتى نهاية ديسمبر المقبل", "2015-12=2015-12-21..2015-12-31 month gregorian @نهاية ديسمبر المقبل"},
            {"بنهاية شباط", "2015-02=2015-02-21..2015-02-28 month gregorian @بنهاية شباط"},
            // The year written once, after the last month of a range.
            {"أواخر نوفمبر حتى ديسمبر 2016",
             "2016-11=2016-11-21..2016-11-30 month gregorian @أواخر نوفمبر | 2016-12=2016-12-01..2016-12-31 month gregorian "
             "@ديسمبر 2016"},
            {"بنهاية شهر أغسطس/أب 2019", "2019-08=2019-08-21..2019-08-31 month gregorian @بنهاية شهر أغسطس/أب 2019"},
        },
        kPub);
}

TEST_CASE("a weekday before a date confirms it and is never read alone") {
    run_ranges({
            {"يوم الخميس الـ30 من شهر نوفمبر 2017",
             "2017-11-30=2017-11-30..2017-11-30 day gregorian @الخميس الـ30 من شهر نوفمبر 2017"},
            {"الأربعاء 30 نوفمبر 2017",
             "2017-11-30=2017-11-30..2017-11-30 day gregorian @الأربعاء 30 نوفمبر 2017 !the weekday written "
             "(Wednesday) is not the date's (Thursday)"},
            {"الخميس 31 نوفمبر 2017", ""},
            {"يوم الأربعاء الموافق الرابع من أبريل 2018",
             "2018-04-04=2018-04-04..2018-04-04 day gregorian @الأربعاء الموافق الرابع من أبريل 2018"},
        },
        kPub);
}

TEST_CASE("a comma before the year, Mauritanian month names") {
    run_ranges({
            {"14 مارس، 2017", "2017-03-14=2017-03-14..2017-03-14 day gregorian @14 مارس، 2017"},
            {"7 / يوليو /2015 و15-سبتمبر-2016",
             "2015-07-07=2015-07-07..2015-07-07 day gregorian @7 / يوليو /2015 | "
             "2016-09-15=2016-09-15..2016-09-15 day gregorian @15-سبتمبر-2016"},
            {"فاز 3 - صفر", ""},
            {"الأحد 23 أكتوبر, 2016", "2016-10-23=2016-10-23..2016-10-23 day gregorian @الأحد 23 أكتوبر, 2016"},
            {"في 5 أغشت 2015 و3 دجمبر 2014 و9 شتمبر 2014",
             "2015-08-05=2015-08-05..2015-08-05 day gregorian @5 أغشت 2015 | "
             "2014-12-03=2014-12-03..2014-12-03 day gregorian @3 دجمبر 2014 | "
             "2014-09-09=2014-09-09..2014-09-09 day gregorian @9 شتمبر 2014"},
        },
        kPub);
}

TEST_CASE("definite yesterday and tomorrow, counted days, hours and weeks, the year before and after") {
    run_ranges({
            {"صباح الأمس", "2015-07-20=2015-07-20..2015-07-20 day gregorian @الأمس"},
            {"منذ الأمس", "2015-07-20=2015-07-20..2015-07-20 day gregorian @الأمس"},
            {"الأمس القريب", ""},
            {"قال البارحة", "2015-07-20=2015-07-20..2015-07-20 day gregorian @البارحة"},
            {"مساء الغد", "2015-07-22=2015-07-22..2015-07-22 day gregorian @الغد"},
            {"يوم الغد", "2015-07-22=2015-07-22..2015-07-22 day gregorian @يوم الغد"},
            {"صحيفة الغد", ""},
            {"قبل يومين", "2015-07-19=2015-07-19..2015-07-19 day gregorian @قبل يومين"},
            {"منذ 3 أيام", "2015-07-18=2015-07-18..2015-07-18 day gregorian @منذ 3 أيام"},
            {"قبل عشرة أيام", "2015-07-11=2015-07-11..2015-07-11 day gregorian @قبل عشرة أيام"},
            {"منذ 15 يوما", "2015-07-06=2015-07-06..2015-07-06 day gregorian @منذ 15 يوما"},
            {"قبل يوم واحد", "2015-07-20=2015-07-20..2015-07-20 day gregorian @قبل يوم واحد"},
            {"منذ 48 ساعة", "2015-07-19=2015-07-19..2015-07-19 day gregorian @منذ 48 ساعة"},
            {"قبل أسبوعين", "2015-07-06=2015-07-06..2015-07-12 week gregorian @قبل أسبوعين"},
            {"منذ ثلاثة أسابيع", "2015-06-29=2015-06-29..2015-07-05 week gregorian @منذ ثلاثة أسابيع"},
            {"قبل يومين من الانتخابات", ""},
            {"منذ أيام", ""},
            {"منذ يوم الخميس", "2015-07-16=2015-07-16..2015-07-16 day gregorian @الخميس"},
            {"مقارنة بالعام السابق", "2014=2014-01-01..2014-12-31 year gregorian @العام السابق"},
            {"في عام 2010 ثم في العام التالي",
             "2010=2010-01-01..2010-12-31 year gregorian @عام 2010 | 2011=2011-01-01..2011-12-31 year gregorian @العام التالي"},
            {"في 14 من الشهر الجاري", "2015-07-14=2015-07-14..2015-07-14 day gregorian @14 من الشهر الجاري"},
            {"في الثامن من الشهر المقبل", "2015-08-08=2015-08-08..2015-08-08 day gregorian @الثامن من الشهر المقبل"},
            {"في 31 من الشهر المقبل", "2015-08-31=2015-08-31..2015-08-31 day gregorian @31 من الشهر المقبل"},
            {"البارحة الأولى", "2015-07-19=2015-07-19..2015-07-19 day gregorian @البارحة الأولى"},
            {"الأمين العام السابق للأمم المتحدة", ""},
            {"قبل نهاية الشهر الجاري", "2015-07=2015-07-21..2015-07-31 month gregorian @الشهر الجاري"},
            // المقبل written the day before the weekday: tomorrow.
            {"الأربعاء المقبل", "2015-07-22=2015-07-22..2015-07-22 day gregorian @الأربعاء المقبل"},
        },
        kPub);
}
