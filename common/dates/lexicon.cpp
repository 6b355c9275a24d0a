#include "dates/lexicon.h"

#include <array>
#include <cstddef>

namespace bahth::detail {

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
        // Mauritanian
        greg(U"اغشت", 8); greg(U"شتمبر", 9); greg(U"نفمبر", 11); greg(U"دجمبر", 12);
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
            const std::array<std::u32string_view, 10> fem{U"الاولي", U"الثانيه", U"الثالثه", U"الرابعه", U"الخامسه",
                                                          U"السادسه", U"السابعه", U"الثامنه", U"التاسعه", U"العاشره"};
            for (std::size_t i = 0; i < fem.size(); ++i) m[fem[i]].day_ordinal = static_cast<std::int8_t>(i + 1);
            for (auto w : {U"الحادي", U"الحاديه", U"الواحد"}) m[w].day_ordinal = -1;
            for (auto w : {U"العشرين", U"العشرون"}) m[w].day_ordinal = 20;
            for (auto w : {U"الثلاثين", U"الثلاثون"}) m[w].day_ordinal = 30;
            for (auto w : {U"عشر", U"عشره"}) m[w].tens = 10;
            for (auto w : {U"والعشرين", U"والعشرون"}) m[w].tens = 20;
            for (auto w : {U"والثلاثين", U"والثلاثون"}) m[w].tens = 30;
        }
        // Parts of a month.
        m[U"غره"].part = 1;
        for (auto w : {U"مطلع", U"اوائل", U"بدايه", U"مستهل", U"ببدايه"}) m[w].part = 2;
        for (auto w : {U"منتصف", U"اواسط"}) m[w].part = 3;
        for (auto w : {U"اواخر", U"نهايه", U"اخر", U"بنهايه"}) m[w].part = 4;  // بنهايه, ببدايه: listed whole for MONTH_PREP
        // Counted hours, days and weeks after قبل/منذ.
        {
            auto counted = [&](std::u32string_view w, int count, int unit) {
                m[w].count = static_cast<std::int8_t>(count);
                m[w].unit = static_cast<std::int8_t>(unit);
            };
            const std::array<std::u32string_view, 16> numbers{U"ثلاث", U"ثلاثه", U"اربع", U"اربعه", U"خمس", U"خمسه",
                                                              U"ست", U"سته", U"سبع", U"سبعه", U"ثماني", U"ثمانيه",
                                                              U"تسع", U"تسعه", U"عشر", U"عشره"};
            for (std::size_t i = 0; i < numbers.size(); ++i) m[numbers[i]].count = static_cast<std::int8_t>(3 + i / 2);
            m[U"ثمان"].count = 8;
            for (auto w : {U"ساعه"}) counted(w, 1, 1);
            for (auto w : {U"ساعتين", U"ساعتان"}) counted(w, 2, 1);
            counted(U"ساعات", 0, 1);
            for (auto w : {U"يوم", U"يوما"}) counted(w, 1, 2);
            for (auto w : {U"يومين", U"يومان"}) counted(w, 2, 2);
            counted(U"ايام", 0, 2);
            for (auto w : {U"اسبوع", U"اسبوعا"}) counted(w, 1, 3);
            for (auto w : {U"اسبوعين", U"اسبوعان"}) counted(w, 2, 3);
            counted(U"اسابيع", 0, 3);
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
                       U"شهري", U"مع", U"بنهايه", U"ببدايه", U"الي"})
            flag(w, MONTH_PREP);
        flag(U"شهر", SHAHR);
        for (auto w : {U"م", U"ميلادي", U"ميلاديه", U"للميلاد"}) flag(w, ERA_G);
        for (auto w : {U"ه", U"هجري", U"هجريه", U"للهجره"}) flag(w, ERA_H);
        for (auto w : {U"صباح", U"مساء", U"ظهر", U"عصر", U"فجر", U"ظهيره", U"صبيحه", U"ليل", U"منتصف", U"ليله"})
            flag(w, TIME_OF_DAY);
        flag(U"اليوم", TODAY);
        flag(U"امس", YESTERDAY);
        flag(U"البارحه", YESTERDAY);
        flag(U"الامس", YESTERDAY_DEF);
        flag(U"الغد", GHAD);
        for (auto w : {U"قبل", U"منذ"}) flag(w, AGO);
        for (auto w : {U"السابق", U"السابقه"}) flag(w, REL_PREV_CTX);
        for (auto w : {U"التالي", U"التاليه"}) flag(w, REL_NEXT_CTX);
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
        for (auto w : {U"وحتي", U"والي"}) flag(w, TODAY_BLOCK);  // "منذ ... وحتى اليوم": until now
        return m;
    }();
    return lex;
}

}  // namespace bahth::detail
