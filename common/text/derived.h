// Derived forms of a word (issue #13): the verbal noun, the verb and its participle share their letters
// but for a few added ones, in a handful of patterns of the derived verb forms:
//
//   انسحاب ↔ انسحب ↔ ينسحب ↔ منسحب          VII, VIII, X and IV: masdar اـ…اـ, past اـ…, imperfect يـ تـ نـ…, participle مـ…
//   استخدام ↔ استخدم ↔ يستخدم ↔ مستخدم      (X), اجتماع ↔ اجتمع ↔ يجتمع (VIII), اعلان ↔ اعلن ↔ يعلن ↔ معلن (IV)
//   تعزيز ↔ يعزز ↔ معزز ↔ تعزز              II: masdar تـ…يـ…, imperfect, participle, and V's imperfect
//
// Broken plurals and their singulars, by the radicals of a triliteral key in a handful of patterns:
//
//   سوق ↔ اسواق, ملك ↔ ملوك, رجل ↔ رجال     فعل ↔ افعال, فعول, فعال
//   وزير ↔ وزراء, صديق ↔ اصدقاء, مدينة ↔ مدن  فعيل(ة) ↔ فعلاء, افعلاء, فعل, فعال
//   طالب ↔ طلاب, شارع ↔ شوارع                فاعل ↔ فعال, فواعل
//   مدرسة ↔ مدارس, صاروخ ↔ صواريخ             مفعل(ة) ↔ مفاعل, فاعول ↔ فواعيل
//
// Form I (كتب ← يكتب, مكتب) is left alone: its مفعل is a place noun (مكتب: an office) and its اـ the
// first person. The patterns spell candidates only (a plural pattern also pairs قتل with قتال): the
// searcher keeps those the index holds and matches them below the word itself (search/query.cpp), so a
// wrong candidate that happens to be a word costs little.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bahth {

/// The keys of the derived forms of the word with stem key `key` (Arabic letters; light-stemmed, so
/// without article), by the patterns above; `key` itself not included. Empty for other keys.
///   derived_forms("انسحاب") == {"انسحب", "ينسحب", "تنسحب", "نسحب"…}; derived_forms("منسحب") holds "انسحاب"
std::vector<std::string> derived_forms(std::string_view key);

/// The keys of the other number of a broken plural or its singular, by the radicals of `key` in the
/// patterns of derived.cpp (kBrokenPlurals): اسواق for سوق and سوق for اسواق, مدن for مدين (مدينة), مدارس
/// for مدرس (مدرسة); `key` itself not included. Empty for keys of no such shape.
std::vector<std::string> broken_plural_forms(std::string_view key);

}  // namespace bahth
