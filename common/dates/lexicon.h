// The words date expressions are made of, normalised as tokens.h folds them (أ إ آ → ا, ى → ي, ة → ه, no
// diacritics): Gregorian month names of every family, Hijri month names, the heads and second words of
// two-word names (كانون الثاني، ربيع الأول، ذو الحجة), weekdays, ordinal days of both genders, parts of a
// month (غرة مطلع منتصف أواخر), counts and units (ثلاثة، يومين، أسابيع), and flags for the words around dates
// (year markers, relative words, eras, prepositions, nouns that make a date a name).
//
// Data only: one table, built once, read by the tokenizer (tokens.h: each word's entry) and the recogniser
// (recognise.h: what the entries mean in context). Internal to common/dates/.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace bahth::detail {

constexpr std::uint64_t RANGE_JOIN_WORD = 1ull << 32;  // إلى حتى و أو لـ: "من 13 إلى 21 أكتوبر"
constexpr std::uint64_t TODAY_BLOCK = 1ull << 33;      // في اليوم, هذا اليوم, عين اليوم: not "today"
constexpr std::uint64_t YESTERDAY_DEF = 1ull << 34;    // الأمس: yesterday after صباح/مساء/منذ ("الأمس القريب" is not)
constexpr std::uint64_t AGO = 1ull << 35;              // قبل منذ: "قبل يومين", "منذ 3 أيام"
constexpr std::uint64_t REL_PREV_CTX = 1ull << 36;     // السابق: "العام السابق", the year before the one in context
constexpr std::uint64_t REL_NEXT_CTX = 1ull << 37;     // التالي: "العام التالي", the year after the one in context

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

/// What one normalised word can mean in a date.
struct Lex {
    std::uint8_t greg_month = 0;   // 1..12
    std::uint8_t hijri_month = 0;  // 1..12
    Head head = NO_HEAD;
    std::int8_t weekday = -1;      // 0 = Sunday
    std::int8_t ordinal = 0;       // الأول 1, الثاني 2, الآخر 2 ..., for two-word month names
    std::int8_t day_ordinal = 0;   // الرابع 4, الرابعة 4, العشرين 20 ... ("الرابع من مارس"); الحادي -1 (needs tens)
    std::int8_t tens = 0;          // عشر عشرة 10, والعشرين 20, والثلاثين 30: after a day ordinal of 1..9
    std::int8_t part = 0;          // of a month: غرة 1 (its first day), مطلع 2 (days 1-10), منتصف 3 (11-20),
                                   // أواخر 4 (21-end)
    std::int8_t count = 0;         // ثلاثة 3 .. عشرة 10; a dual unit word 2, a singular one 1
    std::int8_t unit = 0;          // of a count: 1 hour, 2 day, 3 week (ساعة يومين أسابيع ...)
    std::uint64_t flags = 0;
};

using Lexicon = std::unordered_map<std::u32string_view, Lex>;

/// The table, built on first use (thread-safe) and never changed after.
const Lexicon& lexicon();

}  // namespace bahth::detail
