#include "dates/dates.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_map>

namespace bahth {

namespace detail {

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (Howard Hinnant's days_from_civil / civil_from_days, proleptic Gregorian).

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

long days_of(const CivilDate& d) { return days_from_civil(d.year, d.month, d.day); }

// 0 = Sunday .. 6 = Saturday.
int weekday_of(long days) { return static_cast<int>(((days + 4) % 7 + 7) % 7); }

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> n{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    return n[static_cast<std::size_t>(m - 1)];
}

bool valid_ymd(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

// ---------------------------------------------------------------------------------------------
// Umm al-Qura conversions. ICU calendars are costly to build and not thread-safe, so each thread
// builds its own pair on first use (Hijri dates are rare, most threads never pay for it).

struct HijriCalendars {
    std::unique_ptr<icu::Calendar> hijri;
    std::unique_ptr<icu::GregorianCalendar> gregorian;
    bool ok = false;
};

HijriCalendars& calendars() {
    thread_local HijriCalendars c = [] {
        HijriCalendars r;
        UErrorCode st = U_ZERO_ERROR;
        r.hijri.reset(icu::Calendar::createInstance(*icu::TimeZone::getGMT(),
                                                    icu::Locale("ar_SA@calendar=islamic-umalqura"), st));
        if (U_FAILURE(st) || !r.hijri || std::string_view(r.hijri->getType()) != "islamic-umalqura") return r;
        r.gregorian = std::make_unique<icu::GregorianCalendar>(*icu::TimeZone::getGMT(), st);
        if (U_FAILURE(st)) return r;
        r.gregorian->setGregorianChange(-8.64e15, st);  // proleptic
        r.hijri->setLenient(false);
        r.gregorian->setLenient(false);
        r.ok = U_SUCCESS(st);
        return r;
    }();
    return c;
}

std::optional<CivilDate> hijri_to_gregorian(int hy, int hm, int hd) {
    if (hy < 1 || hy > 1600 || hm < 1 || hm > 12 || hd < 1 || hd > 30) return std::nullopt;
    HijriCalendars& c = calendars();
    if (!c.ok) return std::nullopt;
    UErrorCode st = U_ZERO_ERROR;
    c.hijri->clear();
    c.hijri->set(hy, hm - 1, hd);
    const UDate t = c.hijri->getTime(st);
    if (U_FAILURE(st)) return std::nullopt;
    c.gregorian->setTime(t, st);
    CivilDate g{c.gregorian->get(UCAL_YEAR, st), c.gregorian->get(UCAL_MONTH, st) + 1,
                c.gregorian->get(UCAL_DATE, st)};
    if (U_FAILURE(st)) return std::nullopt;
    return g;
}

struct HijriDate {
    int year = 0, month = 0, day = 0;
};

std::optional<HijriDate> gregorian_to_hijri(const CivilDate& g) {
    HijriCalendars& c = calendars();
    if (!c.ok) return std::nullopt;
    UErrorCode st = U_ZERO_ERROR;
    c.gregorian->clear();
    c.gregorian->set(g.year, g.month - 1, g.day);
    const UDate t = c.gregorian->getTime(st);
    if (U_FAILURE(st)) return std::nullopt;
    c.hijri->setTime(t, st);
    HijriDate h{c.hijri->get(UCAL_YEAR, st), c.hijri->get(UCAL_MONTH, st) + 1, c.hijri->get(UCAL_DATE, st)};
    if (U_FAILURE(st)) return std::nullopt;
    return h;
}

// ---------------------------------------------------------------------------------------------
// UTF-8 and character classes.

void decode_utf8(std::string_view s, std::u32string& cps, std::vector<std::uint32_t>& byte_of) {
    cps.clear();
    byte_of.clear();
    cps.reserve(s.size());
    byte_of.reserve(s.size() + 1);
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        char32_t cp = 0xFFFD;
        std::size_t len = 1;
        auto cont = [&](std::size_t k) {
            return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        };
        if (b0 < 0x80) {
            cp = b0;
        } else if (b0 >= 0xC2 && b0 < 0xE0 && cont(1)) {
            cp = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            len = 2;
        } else if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2)) {
            cp = ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
            len = 3;
            if (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000)) cp = 0xFFFD, len = 1;
        } else if (b0 >= 0xF0 && b0 < 0xF5 && cont(1) && cont(2) && cont(3)) {
            cp = ((b0 & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
                 ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
            len = 4;
            if (cp < 0x10000 || cp > 0x10FFFF) cp = 0xFFFD, len = 1;
        }
        cps.push_back(cp);
        byte_of.push_back(static_cast<std::uint32_t>(i));
        i += len;
    }
    byte_of.push_back(static_cast<std::uint32_t>(s.size()));
}

// Characters matching looks through: tashkeel, dagger alef, Quranic marks, tatweel, zero-width and
// bidi controls, soft hyphen.
bool is_ignorable(char32_t c) {
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x06D6 && c <= 0x06ED) ||
           (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) ||
           c == 0xFEFF || c == 0x00AD;
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

// One normalised character, or 0 to drop it. Folds alef/hamza seats, yeh/alef maqsura, teh
// marbuta, Persian letters, digits, dashes and slashes.
char32_t fold(char32_t c) {
    if (is_ignorable(c)) return 0;
    if (is_space(c)) return ' ';
    if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
    switch (c) {
        case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // آ أ إ ٱ -> ا
        case 0x0649: case 0x06CC: return 0x064A;                            // ى ی -> ي
        case 0x0629: return 0x0647;                                         // ة -> ه
        case 0x06A9: return 0x0643;                                         // ک -> ك
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
            return '-';
        case 0x2044: case 0x2215: return '/';
        case 0xFF08: return '(';
        case 0xFF09: return ')';
        default: break;
    }
    if (c >= 'A' && c <= 'Z') return c + 32;
    return c;
}

bool is_letter(char32_t c) {
    return (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || (c >= 'a' && c <= 'z') ||
           (c >= 0x00C0 && c <= 0x024F);
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// ---------------------------------------------------------------------------------------------
// Lexicon of normalised words.

constexpr std::uint64_t RANGE_JOIN_WORD = 1ull << 32;  // إلى حتى و أو لـ: "من 13 إلى 21 أكتوبر"
constexpr std::uint64_t TODAY_BLOCK = 1ull << 33;      // في اليوم, هذا اليوم, عين اليوم: not "today"

enum Flag : std::uint64_t {
    YEAR_MARKER = 1u << 0,   // عام العام سنة ...
    REL_PAST = 1u << 1,      // الماضي المنصرم
    REL_NEXT = 1u << 2,      // المقبل القادم
    REL_CURRENT = 1u << 3,   // الجاري الحالي
    PLACE_NOUN = 1u << 4,    // شارع مدينة ... : a following day-month names a place
    EVENT_NOUN = 1u << 5,    // ثورة هجمات ... : a following year-less day-month names an event
    MONTH_PREP = 1u << 6,    // في خلال منذ ... : a month alone after these is a date
    SHAHR = 1u << 7,         // شهر
    ERA_G = 1u << 8,         // م ميلادي
    ERA_H = 1u << 9,         // هـ هجري
    TIME_OF_DAY = 1u << 10,  // صباح مساء ...
    WEEK_WORD = 1u << 11,    // الأسبوع
    MONTH_WORD = 1u << 12,   // الشهر
    YEAR_WORD = 1u << 13,    // العام السنة
    TODAY = 1u << 14,        // اليوم
    YESTERDAY = 1u << 15,    // أمس
    TOMORROW = 1u << 16,     // غدا
    GHAD = 1u << 17,         // غد
    YAWM = 1u << 18,         // يوم
    HADHA = 1u << 19,        // هذا هذه
    WEEKDAY_BLOCK = 1u << 20,  // صلاة خطبة ليلة أيام كل بين كلا ...: the weekday that follows is generic
    SCORE = 1u << 21,        // نتيجة مقابل: "2 صفر" is a score
    MEASURE = 1u << 22,      // ارتفاع مسافة ...: "2000م" is metres
    MIN = 1u << 23,          // من
    AWWAL = 1u << 24,        // أول الأول
    BAAD = 1u << 25,         // بعد
    AN = 1u << 26,           // أن إن
    TOMORROW_NEXT = 1u << 27,  // words after which غدا is temporal: في على إلى مع ...
    WAQT = 1u << 28,         // وقت
    SABIQ = 1u << 29,        // سابق لاحق
    AMS_BLOCK = 1u << 30,    // الحاجة: "في أمس الحاجة" is "in most need"
    MUWAFIQ = 1u << 31,      // الموافق
};

// Heads of two-word month names.
enum Head : std::uint8_t { NO_HEAD, KANUN, TISHRIN, RABI, JUMADA, DHU };

struct Lex {
    std::uint8_t greg_month = 0;   // 1..12
    std::uint8_t hijri_month = 0;  // 1..12
    Head head = NO_HEAD;
    std::int8_t weekday = -1;      // 0 = Sunday
    std::int8_t ordinal = 0;       // الأول 1, الثاني 2, الآخر 2 ..., for two-word month names
    std::int8_t day_ordinal = 0;   // الرابع 4, العشرين 20 ... ("الرابع من مارس"); الحادي -1 (needs tens)
    std::uint64_t flags = 0;
};

using Lexicon = std::unordered_map<std::u32string_view, Lex>;

const Lexicon& lexicon() {
    static const Lexicon lex = [] {
        Lexicon m;
        auto greg = [&](std::u32string_view w, int month) { m[w].greg_month = static_cast<std::uint8_t>(month); };
        auto hij = [&](std::u32string_view w, int month) { m[w].hijri_month = static_cast<std::uint8_t>(month); };
        auto flag = [&](std::u32string_view w, std::uint64_t f) { m[w].flags |= f; };
        // Egyptian/Gulf
        greg(U"يناير", 1); greg(U"فبراير", 2); greg(U"مارس", 3); greg(U"ابريل", 4); greg(U"مايو", 5);
        greg(U"يونيو", 6); greg(U"يونيه", 6); greg(U"يوليو", 7); greg(U"يوليه", 7); greg(U"اغسطس", 8);
        greg(U"سبتمبر", 9); greg(U"اكتوبر", 10); greg(U"نوفمبر", 11); greg(U"ديسمبر", 12);
        // Levantine/Iraqi (كانون and تشرين take a second word)
        greg(U"شباط", 2); greg(U"اذار", 3); greg(U"نيسان", 4); greg(U"ايار", 5); greg(U"حزيران", 6);
        greg(U"تموز", 7); greg(U"اب", 8); greg(U"ايلول", 9);
        m[U"كانون"].head = KANUN;
        m[U"تشرين"].head = TISHRIN;
        // Maghrebi
        greg(U"جانفي", 1); greg(U"فيفري", 2); greg(U"افريل", 4); greg(U"ماي", 5); greg(U"جوان", 6);
        greg(U"جويليه", 7); greg(U"اوت", 8);
        greg(U"يوليوز", 7); greg(U"غشت", 8); greg(U"شتنبر", 9); greg(U"نونبر", 11); greg(U"دجنبر", 12);
        // Hijri
        hij(U"محرم", 1); hij(U"المحرم", 1); hij(U"صفر", 2); hij(U"رجب", 7); hij(U"شعبان", 8);
        hij(U"رمضان", 9); hij(U"شوال", 10); hij(U"ذوالقعده", 11); hij(U"ذوالحجه", 12);
        m[U"ربيع"].head = RABI;
        m[U"جمادي"].head = JUMADA;
        m[U"ذو"].head = DHU; m[U"ذي"].head = DHU; m[U"ذا"].head = DHU;
        // Second words of two-word names.
        for (auto w : {U"الاول", U"الاولي", U"اول"}) m[w].ordinal = 1;
        for (auto w : {U"الثاني", U"الثانيه", U"الاخر", U"الاخره", U"ثاني", U"ثان"}) m[w].ordinal = 2;
        {
            const std::array<std::u32string_view, 10> ord{U"الاول", U"الثاني", U"الثالث", U"الرابع", U"الخامس",
                                                          U"السادس", U"السابع", U"الثامن", U"التاسع", U"العاشر"};
            for (std::size_t i = 0; i < ord.size(); ++i) m[ord[i]].day_ordinal = static_cast<std::int8_t>(i + 1);
            m[U"الحادي"].day_ordinal = -1;
            m[U"العشرين"].day_ordinal = 20;
            m[U"الثلاثين"].day_ordinal = 30;
        }
        m[U"القعده"].ordinal = 11;
        m[U"الحجه"].ordinal = 12;
        // Weekdays
        const std::array<std::u32string_view, 7> wd{U"الاحد", U"الاثنين", U"الثلاثاء", U"الاربعاء",
                                                    U"الخميس", U"الجمعه", U"السبت"};
        for (std::size_t i = 0; i < wd.size(); ++i) m[wd[i]].weekday = static_cast<std::int8_t>(i);
        for (auto w : {U"عام", U"العام", U"سنه", U"السنه", U"عامي", U"لعام"}) flag(w, YEAR_MARKER);
        for (auto w : {U"العام", U"السنه"}) flag(w, YEAR_WORD);
        flag(U"الاسبوع", WEEK_WORD);
        flag(U"الشهر", MONTH_WORD);
        for (auto w : {U"الماضي", U"الماضيه", U"المنصرم", U"المنصرمه", U"الفائت", U"الفائته"}) flag(w, REL_PAST);
        for (auto w : {U"المقبل", U"المقبله", U"القادم", U"القادمه"}) flag(w, REL_NEXT);
        for (auto w : {U"الجاري", U"الجاريه", U"الحالي", U"الحاليه"}) flag(w, REL_CURRENT);
        for (auto w : {U"شارع", U"مدينه", U"ملعب", U"جامعه", U"كوبري", U"جسر", U"ميدان", U"حي", U"مطار",
                       U"نادي", U"قريه", U"محطه", U"مستشفي", U"مدرسه", U"مجمع", U"ساحه", U"استاد", U"مصنع",
                       U"قاعه", U"مؤسسه", U"نهج", U"شارعي", U"منطقه", U"ضاحيه", U"معهد", U"مسجد", U"جاده",
                       U"كليه", U"ثانويه", U"مركز", U"طريق", U"بلديه", U"حديقه", U"فندق", U"سوق", U"مجموعه",
                       U"الشارع", U"المدينه", U"الملعب", U"الجامعه", U"الجسر", U"الميدان", U"المطار",
                       U"النادي", U"القريه", U"المحطه", U"المستشفي", U"المدرسه", U"الساحه", U"الحي",
                       U"حركه", U"تيار", U"حزب", U"ائتلاف", U"قوي", U"تحالف", U"جمعيه", U"مبادره"})
            flag(w, PLACE_NOUN);
        for (auto w : {U"ثوره", U"انتفاضه", U"حرب", U"هجمات", U"احداث", U"تفجيرات", U"اعتداءات",
                       U"ذكري", U"مجزره", U"عيد", U"اتفاق", U"اتفاقيه", U"انقلاب", U"الثوره", U"هبه",
                       U"اعلان", U"بيان", U"وعد", U"نكسه", U"حراك", U"اعتصام", U"مظاهرات", U"تظاهرات"})
            flag(w, EVENT_NOUN);
        for (auto w : {U"في", U"خلال", U"منذ", U"حتي", U"مطلع", U"اوائل", U"اواخر", U"منتصف", U"نهايه",
                       U"بدايه", U"اواسط", U"بحلول", U"قبل", U"بعد", U"مستهل", U"غضون", U"اواخر", U"طوال",
                       U"شهري", U"مع", U"بنهايه", U"ببدايه"})
            flag(w, MONTH_PREP);
        flag(U"شهر", SHAHR);
        for (auto w : {U"م", U"ميلادي", U"ميلاديه", U"للميلاد"}) flag(w, ERA_G);
        for (auto w : {U"ه", U"هجري", U"هجريه", U"للهجره"}) flag(w, ERA_H);
        for (auto w : {U"صباح", U"مساء", U"ظهر", U"عصر", U"فجر", U"ظهيره", U"صبيحه", U"ليل", U"منتصف"})
            flag(w, TIME_OF_DAY);
        flag(U"اليوم", TODAY);
        flag(U"امس", YESTERDAY);
        flag(U"غدا", TOMORROW);
        flag(U"غد", GHAD);
        flag(U"يوم", YAWM);
        for (auto w : {U"هذا", U"هذه"}) flag(w, HADHA);
        for (auto w : {U"صلاه", U"خطبه", U"ليله", U"ايام", U"كل", U"بين", U"كلا", U"يومي", U"صلاتي", U"سوق",
                       U"خطب", U"صلوات", U"مسجد", U"جامع", U"خطيب", U"امام", U"عطله", U"ليالي", U"الواحد"})
            flag(w, WEEKDAY_BLOCK);
        for (auto w : {U"نتيجه", U"النتيجه", U"مقابل", U"بنتيجه", U"هدف", U"اهداف"}) flag(w, SCORE);
        for (auto w : {U"ارتفاع", U"عمق", U"مسافه", U"طول", U"مساحه", U"سباق", U"عرض", U"بطول", U"بعمق",
                       U"بارتفاع", U"لمسافه", U"بمساحه", U"سباقي", U"متر", U"كيلومتر"})
            flag(w, MEASURE);
        flag(U"من", MIN);
        for (auto w : {U"اول", U"الاول"}) flag(w, AWWAL);
        flag(U"بعد", BAAD);
        for (auto w : {U"ان", U"انه", U"انها"}) flag(w, AN);
        for (auto w : {U"في", U"علي", U"الي", U"مع", U"امام", U"ضد", U"عند", U"من", U"عن", U"لمواجهه", U"لملاقاه"})
            flag(w, TOMORROW_NEXT);
        flag(U"وقت", WAQT);
        for (auto w : {U"سابق", U"لاحق"}) flag(w, SABIQ);
        for (auto w : {U"الحاجه", U"حاجه"}) flag(w, AMS_BLOCK);
        flag(U"الموافق", MUWAFIQ);
        // Words after which a bare اليوم is not "today": prepositions, demonstratives, and newspaper names
        // ("عين اليوم", "صحيفة اليوم").
        for (auto w : {U"في", U"الي", U"حتي", U"منذ", U"هذا", U"ذلك", U"مثل", U"بين", U"عن", U"من", U"علي", U"خلال",
                       U"طوال", U"لغايه", U"بعد", U"قبل", U"و", U"ف", U"ل", U"ب", U"ك", U"عين", U"صحيفه", U"جريده",
                       U"مجله", U"ذات", U"نفس", U"اخر", U"اول", U"يوم", U"ان", U"هو", U"هي", U"كل", U"طيله"})
            flag(w, TODAY_BLOCK);
        for (auto w : {U"الي", U"حتي", U"و", U"او", U"ل", U"لغايه", U"وحتي", U"والي"}) flag(w, RANGE_JOIN_WORD);
        return m;
    }();
    return lex;
}

// ---------------------------------------------------------------------------------------------
// Normalised text and tokens.

enum class Kind : std::uint8_t { word, number, punct };

struct Token {
    Kind kind = Kind::punct;
    std::uint32_t b = 0, e = 0;   // range in the normalised text
    std::u32string_view s;        // normalised text
    const Lex* lex = nullptr;     // exact lexicon entry
    const Lex* lexc = nullptr;    // entry after stripping clitics (= lex when there are none)
    std::uint8_t clitic = 0;      // clitic letters stripped for lexc
    std::uint8_t ndigits = 0;
    bool nl_before = false;       // a line break separates it from the previous token
    bool space_before = false;
    long num = -1;                // value of a number of at most 9 digits
    char32_t p = 0;               // the punctuation character
};

struct Analysis {
    std::u32string cps;               // original code points
    std::vector<std::uint32_t> byte_of;  // byte offset of each code point, plus the end
    std::u32string norm;              // normalised characters
    std::vector<std::uint32_t> src;   // original code point of each normalised character
    std::vector<Token> toks;
};

bool starts_with_hamza_alef(const Analysis& a, std::uint32_t norm_pos) {
    const char32_t c = a.cps[a.src[norm_pos]];
    return c == 0x0623 || c == 0x0625;
}

void lookup(const Analysis& a, Token& t) {
    const Lexicon& lex = lexicon();
    if (t.s.size() > 12) return;
    if (auto it = lex.find(t.s); it != lex.end()) t.lex = &it->second;
    t.lexc = t.lex;
    if (t.lex) {
        // "أب" (father) is not the month آب.
        if (t.lex->greg_month == 8 && t.s == U"اب" && starts_with_hamza_alef(a, t.b)) t.lex = t.lexc = nullptr;
        return;
    }
    // Clitics: [و ف]? then [ب ل ك]? ; "لل" stands for ل + ال.
    std::u32string_view w = t.s;
    std::size_t strip = 0;
    if (w.size() >= 3 && (w[0] == U'و' || w[0] == U'ف')) w.remove_prefix(1), strip = 1;
    auto try_find = [&](std::u32string_view x, std::size_t n) {
        if (x.size() < 2 || x == U"اب") return false;  // "باب" is a door
        if (auto it = lex.find(x); it != lex.end()) {
            if (it->second.greg_month == 8 && x == U"اب" && starts_with_hamza_alef(a, t.b + static_cast<std::uint32_t>(n)))
                return false;
            t.lexc = &it->second;
            t.clitic = static_cast<std::uint8_t>(n);
            return true;
        }
        return false;
    };
    if (strip && try_find(w, strip)) return;
    if (w.size() >= 3 && (w[0] == U'ب' || w[0] == U'ل' || w[0] == U'ك')) {
        if (w[0] == U'ل' && w[1] == U'ل') {
            char32_t buf[16];
            if (w.size() - 1 < 16) {
                buf[0] = U'ا';
                std::copy(w.begin() + 1, w.end(), buf + 1);
                const std::u32string_view al(buf, w.size());
                if (auto it = lex.find(al); it != lex.end()) {
                    t.lexc = &it->second;
                    t.clitic = static_cast<std::uint8_t>(strip);  // the span keeps "لل"
                    return;
                }
            }
        }
        try_find(w.substr(1), strip + 1);
    }
}

void analyse(std::string_view text, Analysis& a) {
    decode_utf8(text, a.cps, a.byte_of);
    a.norm.clear();
    a.src.clear();
    a.norm.reserve(a.cps.size());
    a.src.reserve(a.cps.size());
    for (std::size_t i = 0; i < a.cps.size(); ++i) {
        char32_t f = fold(a.cps[i]);
        // A tatweel that does not stretch a letter is used as a dash: "من 2 ـ 4 / 6 / 1436هـ".
        if (a.cps[i] == 0x0640 && (a.norm.empty() || !is_letter(a.norm.back()))) f = '-';
        if (f == 0) continue;
        a.norm.push_back(f);
        a.src.push_back(static_cast<std::uint32_t>(i));
    }
    a.toks.clear();
    const std::u32string& n = a.norm;
    bool nl = false, sp = false;
    std::size_t i = 0;
    while (i < n.size()) {
        const char32_t c = n[i];
        if (c == ' ') { sp = true; ++i; continue; }
        if (c == '\n') { nl = sp = true; ++i; continue; }
        Token t;
        t.b = static_cast<std::uint32_t>(i);
        t.nl_before = nl;
        t.space_before = sp;
        nl = sp = false;
        if (is_digit(c)) {
            std::size_t j = i;
            long v = 0;
            while (j < n.size() && is_digit(n[j])) {
                if (j - i < 9) v = v * 10 + static_cast<long>(n[j] - '0');
                ++j;
            }
            t.kind = Kind::number;
            t.ndigits = static_cast<std::uint8_t>(std::min<std::size_t>(j - i, 255));
            t.num = (j - i <= 9) ? v : -1;
            i = j;
        } else if (is_letter(c)) {
            std::size_t j = i;
            while (j < n.size() && is_letter(n[j])) ++j;
            t.kind = Kind::word;
            i = j;
        } else {
            t.kind = Kind::punct;
            t.p = c;
            ++i;
        }
        t.e = static_cast<std::uint32_t>(i);
        t.s = std::u32string_view(n.data() + t.b, t.e - t.b);
        if (t.kind == Kind::word) lookup(a, t);
        a.toks.push_back(t);
    }
}

// ---------------------------------------------------------------------------------------------
// Matching.

struct Candidate {
    std::size_t end = 0;      // one past the last token
    std::size_t first_skip = 0;  // code points of clitic to leave out of the span at the start
    CivilDate date;           // week: the Monday; month/year: day (and month) 0
    DatePrecision precision = DatePrecision::day;
    bool hijri = false;
    bool reject = false;       // an invalid date: its tokens are skipped, nothing is reported
    int wy = 0, wm = 0, wd = 0;  // the date as written, in its own calendar (for ranges "13 إلى 21 أكتوبر")
};

enum class Rel { none, nearest, past, next, current };

class Matcher {
public:
    Matcher(const Analysis& a, std::optional<CivilDate> pub) : t_(a.toks), pub_(pub) {
        if (pub_ && !is_valid_date(*pub_)) pub_.reset();
        if (pub_) pub_days_ = days_of(*pub_);
    }

    std::optional<Candidate> best_at(std::size_t i) {
        std::optional<Candidate> best;
        auto offer = [&](std::optional<Candidate> c) {
            if (!c) return;
            if (!best || c->end > best->end ||
                (c->end == best->end && static_cast<int>(c->precision) < static_cast<int>(best->precision)))
                best = c;
        };
        const Token& t = t_[i];
        if (t.kind == Kind::word) {
            offer(named(i));
            offer(year_with_marker(i));
            if (pub_) offer(relative(i));
        } else if (t.kind == Kind::number) {
            offer(range_start(i));
            offer(named(i));
            offer(numeric(i));
            offer(year_with_era(i));
        }
        return best;
    }

    // After a year mention "عامي 2016 و2017" / "2016-2017": the second year.
    std::optional<Candidate> year_continuation(std::size_t k, const Candidate& prev) {
        if (prev.precision != DatePrecision::year || prev.hijri) return std::nullopt;
        if (!has(k + 1)) return std::nullopt;
        const bool joiner = (is_word(k, U"و") || is_punct(k, '-'));
        if (!joiner || t_[k + 1].kind != Kind::number || t_[k + 1].ndigits != 4) return std::nullopt;
        const long y = t_[k + 1].num;
        if (y < 1900 || y > 2100 || y <= prev.date.year) return std::nullopt;
        if (has(k + 2) && (is_punct(k + 2, '/') || is_punct(k + 2, '-'))) return std::nullopt;
        Candidate c;
        c.end = k + 2;
        if (has(c.end) && t_[c.end].lex && (t_[c.end].lex->flags & ERA_G)) ++c.end;
        if (has(c.end) && t_[c.end].lex && (t_[c.end].lex->flags & ERA_H)) return std::nullopt;
        c.date = CivilDate{static_cast<int>(y), 0, 0};
        c.precision = DatePrecision::year;
        return c;
    }

private:
    const std::vector<Token>& t_;
    std::optional<CivilDate> pub_;
    long pub_days_ = 0;

    // Token k exists and is on the same line as token k-1.
    bool has(std::size_t k) const { return k < t_.size() && !t_[k].nl_before; }
    bool is_word(std::size_t k, std::u32string_view w) const {
        return k < t_.size() && t_[k].kind == Kind::word && t_[k].s == w;
    }
    bool is_punct(std::size_t k, char32_t p) const {
        return k < t_.size() && t_[k].kind == Kind::punct && t_[k].p == p;
    }
    std::uint64_t flags(std::size_t k) const {
        return (k < t_.size() && t_[k].lex) ? t_[k].lex->flags : 0;
    }
    std::uint64_t flagsc(std::size_t k) const {
        return (k < t_.size() && t_[k].lexc) ? t_[k].lexc->flags : 0;
    }
    // Flags of the word before token k (same line), clitics stripped.
    std::uint64_t prev_flags(std::size_t k) const {
        if (k == 0 || t_[k].nl_before) return 0;
        return flagsc(k - 1);
    }
    int weekday_at(std::size_t k, bool clitic) const {
        if (k >= t_.size() || t_[k].kind != Kind::word) return -1;
        const Lex* l = clitic ? t_[k].lexc : t_[k].lex;
        return l ? l->weekday : -1;
    }

    struct Month {
        int month = 0;
        bool hijri = false;
        std::size_t end = 0;
    };

    // A month name at token k (one or two words). `clitic` allows "بمارس".
    std::optional<Month> month_word(std::size_t k, bool clitic) const {
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
    std::optional<Month> month_group(std::size_t k, bool clitic) const {
        auto m = month_word(k, clitic);
        if (!m || m->hijri) return m;
        std::size_t j = m->end;
        if (!has(j)) return m;
        bool paren = false;
        if (is_punct(j, '/') || is_punct(j, '-') || is_punct(j, '\\') || is_punct(j, '|')) ++j;
        else if (is_punct(j, '(')) ++j, paren = true;
        if (!has(j)) return m;
        auto m2 = month_word(j, false);
        if (!m2 || m2->hijri || m2->month != m->month) return m;
        j = m2->end;
        if (paren) {
            if (!is_punct(j, ')')) return m;
            ++j;
        }
        m->end = j;
        return m;
    }

    // "الرابع", "الحادي عشر", "الثاني والعشرين", "الثلاثين": the day and the token after it.
    std::optional<std::pair<int, std::size_t>> ordinal_day(std::size_t k) const {
        if (k >= t_.size() || t_[k].kind != Kind::word || !t_[k].lex || t_[k].lex->day_ordinal == 0) return std::nullopt;
        int v = t_[k].lex->day_ordinal;
        const int unit = v < 0 ? 1 : v;
        std::size_t e = k + 1;
        if (unit < 10 && has(e) && t_[e].kind == Kind::word) {
            if (t_[e].s == U"عشر") v = unit + 10, ++e;
            else if (t_[e].s == U"والعشرين") v = unit + 20, ++e;
            else if (t_[e].s == U"والثلاثين") v = unit + 30, ++e;
        }
        if (v < 1 || v > 31) return std::nullopt;
        return std::make_pair(v, e);
    }

    bool is_day(std::size_t k) const {
        return k < t_.size() && t_[k].kind == Kind::number && t_[k].ndigits <= 2 && t_[k].num >= 1 &&
               t_[k].num <= 31;
    }

    // Number at k is glued into a longer numeric expression on its left ("10:30", "1.5", "3/4").
    bool glued_left(std::size_t k) const {
        if (k < 2 || t_[k].space_before || t_[k].nl_before) return false;
        const Token& p = t_[k - 1];
        return p.kind == Kind::punct && (p.p == ':' || p.p == '.' || p.p == ',' || p.p == '/' || p.p == 0x066B) &&
               t_[k - 2].kind == Kind::number && !p.space_before;
    }

    struct Year {
        int year = 0;
        bool hijri_era = false, greg_era = false;
        std::size_t end = 0;
    };

    // A 4-digit year at k, with an optional era word after it.
    std::optional<Year> year_at(std::size_t k) const {
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
    Rel rel_word(std::size_t& k) const {
        if (!has(k) || t_[k].kind != Kind::word) return Rel::none;
        const std::uint64_t f = flags(k);
        if (f & REL_PAST) return ++k, Rel::past;
        if (f & REL_NEXT) return ++k, Rel::next;
        if (f & REL_CURRENT) return ++k, Rel::current;
        return Rel::none;
    }

    // "من العام الماضي" (-1), "من هذا العام" (0), "من العام المقبل" (+1) after a year-less date.
    std::optional<int> year_phrase(std::size_t& k) const {
        std::size_t j = k;
        if (!(flags(j) & MIN) || !has(j + 1)) return std::nullopt;
        ++j;
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

    bool year_ok(int y, bool hijri) const { return hijri ? (y >= 1300 && y <= 1500) : (y >= 1000 && y <= 2100); }

    // Day-month-year with month names, month-year, and the month alone.
    // A weekday followed by an explicit date: "الثلاثاء 29 نوفمبر 2016", "يوم الأحد المقبل 10/10/1436هـ",
    // "الاثنين الموافق 28/8/1436هـ". The weekday joins the span; the explicit date decides the value.
    std::optional<Candidate> weekday_date(std::size_t i) const {
        std::size_t k = i + 1;
        if (has(k) && (flags(k) & (REL_PAST | REL_NEXT | REL_CURRENT))) ++k;
        if (has(k) && (is_punct(k, ',') || is_punct(k, 0x060C) || is_punct(k, '-'))) ++k;
        if (has(k) && t_[k].kind == Kind::word && t_[k].lexc && (t_[k].lexc->flags & MUWAFIQ)) {
            ++k;
            if (has(k) && is_word(k, U"ل")) ++k;
        }
        if (has(k) && is_word(k, U"في")) ++k;
        if (!has(k) || (t_[k].kind != Kind::number && !ordinal_day(k))) return std::nullopt;
        std::optional<Candidate> c = named(k);
        if (!c && t_[k].kind == Kind::number) c = numeric(k);
        if (!c || c->reject || c->precision != DatePrecision::day) return std::nullopt;
        c->first_skip = t_[i].clitic;
        return c;
    }

    std::optional<Candidate> named(std::size_t i) const {
        if (weekday_at(i, true) >= 0) return weekday_date(i);
        std::size_t j = i;
        int day = 0;
        std::size_t day_tok = j;
        if (is_day(j) && (j == i || has(j))) {
            if (glued_left(j)) return std::nullopt;
            day = static_cast<int>(t_[j].num);
            ++j;
            if (has(j) && (flags(j) & MIN)) ++j;
        } else if (auto od = ordinal_day(j)) {
            day = od->first;  // "الرابع من مارس": the ordinal needs من
            j = od->second;
            if (!(has(j) && (flags(j) & MIN))) return std::nullopt;
            ++j;
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
        auto mg = month_group(j, day == 0);
        if (!mg) return std::nullopt;
        const std::size_t first = day_tok;
        // What names the thing before the date.
        const std::uint64_t before = prev_flags(first);
        if (before & PLACE_NOUN) return std::nullopt;
        Candidate c;
        c.hijri = mg->hijri;
        c.first_skip = day == 0 ? t_[i].clitic : 0;
        std::size_t k = mg->end;
        // Year, possibly after عام/سنة.
        std::optional<Year> y;
        if (has(k)) {
            if (t_[k].kind == Kind::number) y = year_at(k);
            else if ((flags(k) & YEAR_MARKER) && has(k + 1)) y = year_at(k + 1);
            else if ((flags(k) & MIN) && has(k + 1) && (flags(k + 1) & YEAR_MARKER) && has(k + 2))
                y = year_at(k + 2);
        }
        if (y) {
            if ((c.hijri && y->greg_era) || (!c.hijri && y->hijri_era) || !year_ok(y->year, c.hijri)) {
                y.reset();
            }
        }
        if (c.hijri && mg->month == 2 && !y) {
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
        if (y) {
            c.end = y->end;
            c.wy = y->year, c.wm = mg->month, c.wd = day;
            if (day) {
                std::optional<CivilDate> g;
                if (c.hijri) g = hijri_to_gregorian(y->year, mg->month, day);
                else if (valid_ymd(y->year, mg->month, day)) g = CivilDate{y->year, mg->month, day};
                if (!g) {
                    c.reject = true;  // "30 رمضان 1436هـ": not even its year is reported
                    return c;
                }
                c.date = *g;
                c.precision = DatePrecision::day;
            } else {
                if (c.hijri) {
                    auto g = hijri_to_gregorian(y->year, mg->month, 1);
                    if (!g) return std::nullopt;
                    c.date = CivilDate{g->year, g->month, 0};
                } else {
                    c.date = CivilDate{y->year, mg->month, 0};
                }
                c.precision = DatePrecision::month;
            }
            return c;
        }
        // Year-less.
        if (!pub_) return std::nullopt;
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
        if (day == 0 && rel == Rel::none) {
            // A month alone: a Gregorian month after شهر or a preposition.
            if (c.hijri) return std::nullopt;
            if (t_[i].clitic) return std::nullopt;
            if (!(before & (SHAHR | MONTH_PREP))) return std::nullopt;
        }
        if (rel == Rel::none) rel = Rel::nearest;
        c.end = k;
        const int offset = year_offset.value_or(0);
        if (c.hijri) return resolve_hijri(c, mg->month, day, rel, offset);
        return resolve_gregorian(c, mg->month, day, rel, offset);
    }

    // Choice among the occurrences in the previous, the same and the next year.
    template <class Cost>
    static int choose(Rel rel, int base, Cost diff) {  // diff(year) = occurrence - publication
        int best = base;
        if (rel == Rel::current) return base;
        long best_cost = -1;
        for (int y = base - 1; y <= base + 1; ++y) {
            const long d = diff(y);
            if (d == LONG_MIN) continue;
            long cost;
            if (rel == Rel::past) cost = d < 0 ? -d : -1;
            else if (rel == Rel::next) cost = d > 0 ? d : -1;
            else cost = d <= 0 ? -d : 2 * d;
            if (cost < 0) continue;
            if (best_cost < 0 || cost < best_cost) best_cost = cost, best = y;
        }
        return best_cost < 0 ? INT_MIN : best;
    }

    std::optional<Candidate> resolve_gregorian(Candidate c, int month, int day, Rel rel, int offset) const {
        CivilDate p = *pub_;
        p.year += offset;  // with Rel::current: "من العام الماضي"
        int y;
        if (day) {
            y = choose(rel, p.year, [&](int yy) -> long {
                if (!valid_ymd(yy, month, day)) return LONG_MIN;
                return days_from_civil(yy, month, day) - pub_days_;
            });
            if (y == INT_MIN || !valid_ymd(y, month, day)) return std::nullopt;
            c.wy = y, c.wm = month, c.wd = day;
            c.date = CivilDate{y, month, day};
            c.precision = DatePrecision::day;
        } else {
            y = choose(rel, p.year, [&](int yy) -> long { return (yy * 12L + month) - (p.year * 12L + p.month); });
            if (y == INT_MIN) return std::nullopt;
            c.date = CivilDate{y, month, 0};
            c.precision = DatePrecision::month;
        }
        return c;
    }

    std::optional<Candidate> resolve_hijri(Candidate c, int month, int day, Rel rel, int offset) const {
        auto ph = gregorian_to_hijri(*pub_);
        if (!ph) return std::nullopt;
        ph->year += offset;
        const int d = day ? day : 1;
        const int y = choose(rel, ph->year, [&](int yy) -> long {
            // Months of ~29.5 days are close enough to pick the occurrence.
            return day ? (yy * 354L + (month - 1) * 295L / 10 + d) - (ph->year * 354L + (ph->month - 1) * 295L / 10 + ph->day)
                       : (yy * 12L + month) - (ph->year * 12L + ph->month);
        });
        if (y == INT_MIN) return std::nullopt;
        c.wy = y, c.wm = month, c.wd = day;
        auto g = hijri_to_gregorian(y, month, d);
        if (!g) return std::nullopt;
        c.hijri = true;
        if (day) {
            c.date = *g;
            c.precision = DatePrecision::day;
        } else {
            c.date = CivilDate{g->year, g->month, 0};
            c.precision = DatePrecision::month;
        }
        return c;
    }

    bool range_joiner(std::size_t k) const {
        if (!has(k)) return false;
        if (t_[k].kind == Kind::punct) return t_[k].p == '-';
        return t_[k].kind == Kind::word && (flags(k) & RANGE_JOIN_WORD);
    }

    // The first day of a range or list whose month and year are written once, after the last day:
    // "من 13 إلى 21 أكتوبر", "10 أو 11 أو 12 مارس 2017", "من 13/8 إلى 18/9/1436هـ". Only the first day's
    // span is returned; the rest is matched on its own.
    std::optional<Candidate> range_start(std::size_t i) const {
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
        std::optional<Candidate> second = m1 ? numeric(k2) : named(k2);
        if (!second && !m1) second = numeric(k2);
        if (!second || second->reject || second->precision != DatePrecision::day || second->wy == 0)
            return std::nullopt;
        const int d1 = static_cast<int>(t_[i].num);
        const int m = m1 ? m1 : second->wm;
        if (!m1 && d1 >= second->wd) return std::nullopt;
        Candidate c;
        c.end = m1 ? i + 3 : i + 1;
        c.precision = DatePrecision::day;
        c.hijri = second->hijri;
        c.wy = second->wy, c.wm = m, c.wd = d1;
        if (c.hijri) {
            auto g = hijri_to_gregorian(second->wy, m, d1);
            if (!g) return std::nullopt;
            c.date = *g;
        } else {
            if (!valid_ymd(second->wy, m, d1)) return std::nullopt;
            c.date = CivilDate{second->wy, m, d1};
        }
        return c;
    }

    // 05/02/2022, 5-2-2022, 5.2.2022, 2022-02-05, 26/10/1436هـ.
    std::optional<Candidate> numeric(std::size_t i) const {
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
        Candidate c;
        c.end = end;
        c.precision = DatePrecision::day;
        c.wy = y, c.wm = m, c.wd = d;
        const bool hijri = hera || (!gera && y >= 1300 && y <= 1500);
        if (hijri) {
            if (y < 1300 || y > 1500) return std::nullopt;
            auto g = hijri_to_gregorian(y, m, d);
            if (!g) return std::nullopt;
            c.date = *g;
            c.hijri = true;
        } else {
            if (y < 1900 || y > 2100 || !valid_ymd(y, m, d)) return std::nullopt;
            c.date = CivilDate{y, m, d};
        }
        return c;
    }

    std::optional<Candidate> year_candidate(const Year& y, std::size_t end) const {
        Candidate c;
        c.end = end;
        c.precision = DatePrecision::year;
        if (y.hijri_era) {
            if (y.year < 1300 || y.year > 1500) return std::nullopt;
            auto g = hijri_to_gregorian(y.year, 1, 1);
            if (!g) return std::nullopt;
            c.date = CivilDate{g->year, 0, 0};
            c.hijri = true;
        } else {
            if (y.year < 1900 || y.year > 2100) return std::nullopt;
            c.date = CivilDate{y.year, 0, 0};
        }
        return c;
    }

    // "عام 2016", "العام 2016", "سنة 2016", "عام 1436هـ".
    std::optional<Candidate> year_with_marker(std::size_t i) const {
        if (!(flagsc(i) & YEAR_MARKER) || !has(i + 1)) return std::nullopt;
        auto y = year_at(i + 1);
        if (!y) return std::nullopt;
        auto c = year_candidate(*y, y->end);
        if (c) c->first_skip = t_[i].clitic;
        return c;
    }

    // "2003م", "1436 هـ".
    std::optional<Candidate> year_with_era(std::size_t i) const {
        if (t_[i].ndigits != 4) return std::nullopt;
        if (i > 0 && !t_[i].nl_before && !t_[i].space_before && t_[i - 1].kind == Kind::punct) {
            const char32_t pp = t_[i - 1].p;
            if (pp == '/' || pp == '-' || pp == '.' || pp == ',') return std::nullopt;
        }
        auto y = year_at(i);
        if (!y || (!y->hijri_era && !y->greg_era)) return std::nullopt;
        if (y->greg_era && t_[y->end - 1].s == U"م" && (prev_flags(i) & MEASURE)) return std::nullopt;
        return year_candidate(*y, y->end);
    }

    Candidate day_candidate(std::size_t end, long days) const {
        Candidate c;
        c.end = end;
        c.date = civil_from_days(days);
        c.precision = DatePrecision::day;
        return c;
    }

    // The weekday `wd` relative to `days`:
    //   Rel::none    the last one on or before (a bare weekday in a news story);
    //   Rel::nearest the nearest one (within three days; "اليوم الأربعاء" when the metadata date is a day off);
    //   Rel::past    "الثلاثاء الماضي": 2 to 8 days before (yesterday would be أمس);
    //   Rel::next    "الثلاثاء المقبل": 2 to 8 days after (tomorrow would be غدا).
    static long weekday_near(long days, int wd, Rel rel) {
        const int cur = weekday_of(days);
        int ahead = ((wd - cur) % 7 + 7) % 7;
        int back = ((cur - wd) % 7 + 7) % 7;
        switch (rel) {
            case Rel::next: return days + (ahead < 2 ? ahead + 7 : ahead);
            case Rel::past: return days - (back < 2 ? back + 7 : back);
            case Rel::nearest: return ahead < back ? days + ahead : days - back;
            default: return days - back;
        }
    }

    // A weekday at k, possibly in parentheses or after a comma: returns the token after it.
    struct WeekdayAfter {
        int wd;
        std::size_t end;   // token after the weekday (and its closing parenthesis)
        bool dated;        // an explicit date follows: the weekday belongs to it
    };
    std::optional<WeekdayAfter> weekday_after(std::size_t k) const {
        if (!has(k)) return std::nullopt;
        bool paren = false;
        if (is_punct(k, '(')) paren = true, ++k;
        else if (is_punct(k, ',') || is_punct(k, 0x060C)) ++k;
        if (!has(k)) return std::nullopt;
        const int wd = weekday_at(k, false);
        if (wd < 0) return std::nullopt;
        const bool dated = weekday_date(k).has_value();
        ++k;
        if (paren) {
            if (!is_punct(k, ')')) return std::nullopt;
            ++k;
        }
        return WeekdayAfter{wd, k, dated};
    }

    std::optional<Candidate> relative(std::size_t i) const {
        auto c = relative_words(i);
        if (c) c->first_skip = t_[i].clitic;
        return c;
    }

    std::optional<Candidate> relative_words(std::size_t i) const {
        const Token& t = t_[i];
        const Lex* l = t.lexc;
        if (!l) return std::nullopt;
        const std::uint64_t f = l->flags;
        const long P = pub_days_;
        std::optional<Candidate> out;
        if (f & (WEEK_WORD | MONTH_WORD | YEAR_WORD)) {
            std::size_t k = i + 1;
            Rel r = rel_word(k);
            if (r == Rel::none) return std::nullopt;
            out = period(f, r, k);
        } else if (f & HADHA) {
            if (!has(i + 1) || !(flags(i + 1) & (WEEK_WORD | MONTH_WORD | YEAR_WORD))) return std::nullopt;
            if (has(i + 2) && t_[i + 2].kind == Kind::number) return std::nullopt;  // "هذا العام 2018"
            out = period(flags(i + 1), Rel::current, i + 2);
        } else if (f & TODAY) {
            auto w = weekday_after(i + 1);
            if (w) {
                if (w->dated) return std::nullopt;
                out = day_candidate(w->end, weekday_near(P, w->wd, Rel::nearest));
            } else {
                const std::uint64_t pf = prev_flags(i);
                const bool earlier = i >= 2 && !t.nl_before && !t_[i - 1].nl_before &&
                                     (flags(i - 1) & SABIQ) && (flagsc(i - 2) & WAQT);
                const bool earlier_min = i >= 3 && (flags(i - 1) & MIN) && !t.nl_before && !t_[i - 1].nl_before &&
                                         !t_[i - 2].nl_before && (flags(i - 2) & SABIQ) && (flagsc(i - 3) & WAQT);
                const bool time_of_day = (pf & TIME_OF_DAY) && t.clitic == 0;
                const bool that = has(i + 1) && (flags(i + 1) & AN) && t.clitic == 0;
                if (!(time_of_day || earlier || earlier_min || that || clause_today(i))) return std::nullopt;
                out = day_candidate(i + 1, P);
            }
        } else if (f & YESTERDAY) {
            if (has(i + 1) && (flagsc(i + 1) & AMS_BLOCK)) return std::nullopt;
            if (has(i + 1) && (flags(i + 1) & AWWAL) && t_[i + 1].s == U"الاول")
                return day_candidate(i + 2, P - 2);
            auto w = weekday_after(i + 1);
            if (w) {
                if (w->dated) return std::nullopt;
                return day_candidate(w->end, weekday_near(P - 1, w->wd, Rel::nearest));
            }
            return day_candidate(i + 1, P - 1);
        } else if ((f & AWWAL) && t.s == U"اول" && has(i + 1) && (flags(i + 1) & YESTERDAY)) {
            return day_candidate(i + 2, P - 2);
        } else if (f & YAWM) {
            if (!has(i + 1)) return std::nullopt;
            if (t_[i + 1].s == U"الامس") return day_candidate(i + 2, P - 1);
            if (flags(i + 1) & GHAD) return day_candidate(i + 2, P + 1);
            return std::nullopt;
        } else if ((f & BAAD) && has(i + 1) && (flags(i + 1) & GHAD)) {
            return day_candidate(i + 2, P + 2);
        } else if (f & GHAD) {
            if (!(prev_flags(i) & TIME_OF_DAY)) return std::nullopt;
            return day_candidate(i + 1, P + 1);
        } else if (f & TOMORROW) {
            auto w = weekday_after(i + 1);
            if (w) {
                if (w->dated) return std::nullopt;
                return day_candidate(w->end, weekday_near(P + 1, w->wd, Rel::nearest));
            }
            const bool punct_next = !has(i + 1) ||
                                    (t_[i + 1].kind == Kind::punct && t_[i + 1].p != '-' && t_[i + 1].p != '/');
            const bool prep_next = has(i + 1) && (flags(i + 1) & TOMORROW_NEXT);
            if (!(punct_next || prep_next || (prev_flags(i) & TIME_OF_DAY))) return std::nullopt;
            return day_candidate(i + 1, P + 1);
        } else if (l->weekday >= 0) {
            if (prev_flags(i) & WEEKDAY_BLOCK) return std::nullopt;
            if (l->weekday == 1) {
                // "الاثنين" is also "the two".
                if (has(i + 1) && t_[i + 1].kind == Kind::word &&
                    (t_[i + 1].s == U"معا" || t_[i + 1].s == U"منهما" || t_[i + 1].s == U"منهم"))
                    return std::nullopt;
            }
            std::size_t k = i + 1;
            Rel r = rel_word(k);
            if (r == Rel::current) r = Rel::none, k = i + 1;
            Candidate c = day_candidate(k, weekday_near(P, l->weekday, r));
            c.first_skip = t.clitic;
            return c;
        }
        if (out) out->first_skip = t.clitic;
        return out;
    }

    // A bare "اليوم" between an indefinite word (typically a verb: "نظم اليوم", "سيطروا اليوم على") and
    // anything but a definite word ("اليوم الوطني", "اليوم الذي"), and not after a definite noun
    // ("العالم اليوم"), a preposition or demonstrative ("حتى اليوم", "هذا اليوم") or a newspaper name.
    bool clause_today(std::size_t i) const {
        const Token& t = t_[i];
        if (t.clitic != 0 || t.s != U"اليوم" || i == 0 || t.nl_before) return false;
        const Token& p = t_[i - 1];
        if (p.kind != Kind::word) return false;
        auto definite = [](std::u32string_view w) {
            for (std::u32string_view pre : {U"ال", U"لل", U"وال", U"بال", U"فال", U"كال", U"وبال", U"ولل"})
                if (w.size() > pre.size() + 1 && w.substr(0, pre.size()) == pre) return true;
            return false;
        };
        if (definite(p.s) || (flagsc(i - 1) & TODAY_BLOCK) || (flags(i - 1) & TODAY_BLOCK)) return false;
        if (has(i + 1)) {
            const Token& n = t_[i + 1];
            if (n.kind == Kind::word && definite(n.s)) return false;
            if (n.kind == Kind::punct && (n.p == '"' || n.p == 0x00BB || n.p == 0x201D || n.p == '-')) return false;
        }
        return true;
    }

    std::optional<Candidate> period(std::uint64_t f, Rel r, std::size_t end) const {
        const CivilDate& p = *pub_;
        Candidate c;
        c.end = end;
        const int step = r == Rel::past ? -1 : r == Rel::next ? 1 : 0;
        if (f & WEEK_WORD) {
            const long d = pub_days_ + 7L * step;
            c.date = civil_from_days(d - (weekday_of(d) + 6) % 7);
            c.precision = DatePrecision::week;
        } else if (f & MONTH_WORD) {
            int m = p.month + step, y = p.year;
            if (m < 1) m += 12, --y;
            if (m > 12) m -= 12, ++y;
            c.date = CivilDate{y, m, 0};
            c.precision = DatePrecision::month;
        } else {
            c.date = CivilDate{p.year + step, 0, 0};
            c.precision = DatePrecision::year;
        }
        return c;
    }
};

// Trailing marks after the last matched character belong to the span ("مارسَ").
std::size_t extend_over_marks(const std::u32string& cps, std::size_t end) {
    while (end < cps.size() && (cps[end] == 0x0640 || (cps[end] >= 0x064B && cps[end] <= 0x065F) ||
                                cps[end] == 0x0670))
        ++end;
    return end;
}

std::string value_of(const CivilDate& d, DatePrecision p) {
    return p == DatePrecision::year ? to_iso(CivilDate{d.year, 0, 0})
           : p == DatePrecision::month ? to_iso(CivilDate{d.year, d.month, 0})
                                       : to_iso(d);
}

}  // namespace detail

// -------------------------------------------------------------------------------------------------

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

bool is_valid_date(const CivilDate& d) { return detail::valid_ymd(d.year, d.month, d.day); }

std::string_view to_string(DateSource s) {
    switch (s) {
        case DateSource::metadata: return "metadata";
        case DateSource::text: return "text";
        case DateSource::filename: return "filename";
        case DateSource::none: return "none";
    }
    return "none";
}

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
    using namespace detail;
    thread_local Analysis a;  // reused buffers: no allocation per call once warmed up
    analyse(utf8_text, a);
    std::vector<DateMention> out;
    Matcher m(a, publication);
    const auto emit = [&](std::size_t first_tok, const Candidate& c) {
        const Token& f = a.toks[first_tok];
        const Token& l = a.toks[c.end - 1];
        DateMention dm;
        dm.start = a.src[f.b + c.first_skip];
        dm.end = extend_over_marks(a.cps, a.src[l.e - 1] + 1);
        dm.text.assign(utf8_text.substr(a.byte_of[dm.start], a.byte_of[dm.end] - a.byte_of[dm.start]));
        dm.value = value_of(c.date, c.precision);
        dm.precision = c.precision;
        dm.calendar = c.hijri ? "hijri" : "gregorian";
        out.push_back(std::move(dm));
    };
    std::size_t i = 0;
    while (i < a.toks.size()) {
        auto c = m.best_at(i);
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
        while (auto more = m.year_continuation(i, *c)) {
            emit(i + 1, *more);
            c = more;
            i = c->end;
        }
    }
    return out;
}

// -------------------------------------------------------------------------------------------------

namespace detail {

// ASCII copy with Arabic-Indic/Persian digits folded; other non-ASCII bytes kept.
std::string fold_digits(std::string_view s) {
    std::string r;
    r.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (i + 1 < s.size()) {
            const auto n = static_cast<unsigned char>(s[i + 1]);
            if (c == 0xD9 && n >= 0xA0 && n <= 0xA9) { r.push_back(static_cast<char>('0' + (n - 0xA0))); ++i; continue; }
            if (c == 0xDB && n >= 0xB0 && n <= 0xB9) { r.push_back(static_cast<char>('0' + (n - 0xB0))); ++i; continue; }
        }
        r.push_back(static_cast<char>(c));
    }
    return r;
}

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
    if (y < 1 || y > 9999 || !valid_ymd(y, m, d)) return std::nullopt;
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

}  // namespace detail

std::optional<CivilDate> parse_date_field(std::string_view raw) {
    using namespace detail;
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

namespace detail {

std::u32string normalise_word(std::u32string_view w) {
    std::u32string r;
    for (char32_t c : w) {
        const char32_t f = fold(c);
        if (f) r.push_back(f);
    }
    return r;
}

bool is_copyright_line(const std::u32string& line) {
    const std::u32string n = normalise_word(line);
    for (std::u32string_view k : {U"©", U"(c)", U"حقوق", U"محفوظه", U"copyright", U"all rights", U"generated",
                                  U"انشاء الصفحه", U"انشئت الصفحه"})
        if (n.find(k) != std::u32string::npos) return true;
    return false;
}

// The words just before a date on a dateline: "نشرت في:", "تاريخ النشر:", "آخر تحديث".
bool has_published_cue(std::u32string_view prefix) {
    const std::u32string n = normalise_word(prefix);
    std::vector<std::u32string> words;
    std::u32string cur;
    for (char32_t c : n) {
        if (is_letter(c)) cur.push_back(c);
        else if (!cur.empty()) words.push_back(cur), cur.clear();
        if (!is_letter(c) && !(c == ' ' || c == ':' || c == '-' || c == '|' || c == 0x060C || c == ',' ||
                               c == '(' || c == '['))
            return false;  // other material between the cue and the date
    }
    if (!cur.empty()) words.push_back(cur);
    while (!words.empty() && (words.back() == U"في" || words.back() == U"بتاريخ" || words.back() == U"يوم" ||
                              words.back() == U"on" || words.back() == U"at"))
        words.pop_back();
    // The cue opens the line: "نشرت في:", "تاريخ النشر:", "آخر تحديث:" (not "... بعد تاريخ 5 مارس").
    if (words.empty() || words.size() > 3) return false;
    const std::u32string& w = words.back();
    for (std::u32string_view k : {U"نشر", U"نشرت", U"نشره", U"النشر", U"تحديث", U"التحديث", U"تاريخ", U"التاريخ",
                                  U"published", U"updated", U"posted", U"date"})
        if (w == k) return true;
    return false;
}

}  // namespace detail

std::optional<TextDate> find_publication_date_in_text(std::string_view text) {
    using namespace detail;
    std::size_t line_no = 0, non_empty = 0, cp_seen = 0, pos = 0;
    std::u32string cps;
    std::vector<std::uint32_t> bytes;
    while (pos <= text.size() && non_empty < 5 && cp_seen < 600) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        // 2,400 bytes hold at least the 600 code points read; a longer line is long anyway.
        std::string_view line = text.substr(pos, std::min<std::size_t>(nl - pos, 2400));
        decode_utf8(line, cps, bytes);
        std::size_t first = 0;
        while (first < cps.size() && (is_space(cps[first]) || is_ignorable(cps[first]))) ++first;
        std::size_t last = cps.size();
        while (last > first && (is_space(cps[last - 1]) || is_ignorable(cps[last - 1]))) --last;
        // A line that ends like a sentence is story text, however short.
        const bool sentence = last > first && (cps[last - 1] == '.' || cps[last - 1] == 0x061F ||
                                               cps[last - 1] == '!' || cps[last - 1] == '?');
        if (cps.size() > 600 - cp_seen) {  // only the first 600 code points of the page are read
            line = line.substr(0, bytes[600 - cp_seen]);
            cps.resize(600 - cp_seen);
        }
        if (first < cps.size()) {
            ++non_empty;
            if (!is_copyright_line(cps)) {
                const auto mentions = extract_dates(line, std::nullopt);
                // Letters and digits outside every date: a dateline has few ("الرياض ... الموافق ... واس").
                std::size_t outside = 0, next = 0;
                for (const DateMention& m : mentions) {
                    for (std::size_t c = next; c < m.start && c < cps.size(); ++c) outside += !is_space(cps[c]);
                    next = m.end;
                }
                for (std::size_t c = next; c < cps.size(); ++c) outside += !is_space(cps[c]);
                for (const DateMention& m : mentions) {
                    if (m.precision != DatePrecision::day || m.start < first) continue;
                    if (cp_seen + m.start >= 600) break;
                    const std::u32string_view prefix(cps.data() + first, m.start - first);
                    bool dateline = ((last - first) <= 60 && outside <= 24 && !sentence) || has_published_cue(prefix);
                    if (!dateline && m.start - first <= 40 && !prefix.empty()) {
                        // "القاهرة - 5 مارس 2018": a place of up to four words, then a dash.
                        std::size_t k = prefix.size();
                        while (k > 0 && is_space(prefix[k - 1])) --k;
                        const bool sep_end = k > 0 && (prefix[k - 1] == '-' || prefix[k - 1] == 0x2013 ||
                                                       prefix[k - 1] == 0x2014 || prefix[k - 1] == '|');
                        std::size_t words = 0, letters = 0;
                        bool in = false;
                        for (char32_t c : prefix.substr(0, k)) {
                            const bool l = !is_space(c);
                            if (l && !in) ++words;
                            in = l;
                            letters += is_letter(fold(c));
                        }
                        dateline = sep_end && words <= 4 && letters > 0;
                    }
                    if (dateline) {
                        auto d = parse_date_field(m.value);
                        if (d) return TextDate{*d, line_no};
                    }
                    break;  // only the first dated mention of a line is considered
                }
            }
        }
        cp_seen += cps.size() + 1;
        ++line_no;
        pos = nl + 1;
        if (nl == text.size()) break;
    }
    return std::nullopt;
}

}  // namespace bahth
