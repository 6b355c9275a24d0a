#include "text/derived.h"

#include <algorithm>

#include "text/utf8.h"

namespace bahth {

namespace {

constexpr char32_t kAlef = U'\u0627', kYeh = U'\u064A', kTeh = U'\u062A', kNoon = U'\u0646', kMeem = U'\u0645';

// The forms of a derived verb whose past is ا + `stem` (انسحب: stem نسحب, at least four letters).
void alef_verb_forms(const std::u32string& stem, std::vector<std::u32string>& out) {
  const std::u32string masdar = std::u32string(1, kAlef) + stem.substr(0, stem.size() - 1) + kAlef + stem.back();
  out.push_back(std::u32string(1, kAlef) + stem);  // past, and its feminine (انسحبت: the stemmer keeps ت)
  out.push_back(std::u32string(1, kAlef) + stem + kTeh);
  out.push_back(masdar);
  for (char32_t p : {kYeh, kTeh, kNoon, kMeem}) out.push_back(std::u32string(1, p) + stem);  // imperfect, participle
}

// The forms of a form II verb whose radicals are `r` (three letters: عزز).
void form_two_forms(const std::u32string& r, std::vector<std::u32string>& out) {
  out.push_back(std::u32string(1, kTeh) + r.substr(0, 2) + kYeh + r[2]);  // masdar تعزيز
  for (char32_t p : {kYeh, kTeh, kMeem}) out.push_back(std::u32string(1, p) + r);  // يعزز تعزز معزز
}

// Broken plurals and their singulars, as stem keys (the stemmer has taken ة off: مدينة is مدين), the
// radicals written 1 2 3. A key that has the shape of either side gets the other side's, from its radicals.
struct BrokenPlural {
  std::u32string_view singular, plural;
};
constexpr BrokenPlural kBrokenPlurals[] = {
    {U"123", U"\u062712\u06273"},                 // سوق اسواق, طفل اطفال, حزب احزاب, سعر اسعار
    {U"123", U"12\u06483"},                        // ملك ملوك, بيت بيوت, جسر جسور, بنك بنوك
    {U"123", U"12\u06273"},                        // رجل رجال
    {U"12\u064A3", U"123\u0627\u0621"},          // وزير وزراء, رءيس رءساء, شهيد شهداء
    {U"12\u064A3", U"\u0627123\u0627\u0621"},   // صديق اصدقاء, قريب اقرباء
    {U"12\u064A3", U"123"},                        // مدينة مدن, سفينة سفن, طريق طرق, قتيل قتلى (ى: a stripped ي)
    {U"12\u064A3", U"12\u06273"},                 // كبير كبار
    {U"1\u062723", U"12\u06273"},                 // طالب طلاب, ضابط ضباط
    {U"1\u062723", U"1\u0648\u062723"},          // شارع شوارع
    {U"\u0645123", U"\u06451\u062723"},          // منزل منازل, مسجد مساجد, مدرسة مدارس
    {U"1\u06272\u06483", U"1\u0648\u06272\u064A3"},  // صاروخ صواريخ
};

// The radicals of `w` if it has `shape`, else empty.
std::u32string radicals(const std::u32string& w, std::u32string_view shape) {
  if (w.size() != shape.size()) return {};
  std::u32string r(3, 0);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (shape[i] >= U'1' && shape[i] <= U'3') r[shape[i] - U'1'] = w[i];
    else if (shape[i] != w[i]) return {};
  }
  return r;
}

std::u32string with_radicals(std::u32string_view shape, const std::u32string& r) {
  std::u32string out(shape);
  for (char32_t& c : out)
    if (c >= U'1' && c <= U'3') c = r[c - U'1'];
  return out;
}

void plural_shapes(const std::u32string& w, std::vector<std::u32string>& out) {
  for (const BrokenPlural& p : kBrokenPlurals) {
    if (std::u32string r = radicals(w, p.singular); !r.empty()) out.push_back(with_radicals(p.plural, r));
    if (std::u32string r = radicals(w, p.plural); !r.empty()) out.push_back(with_radicals(p.singular, r));
  }
}

// `forms` in UTF-8, without `w` itself and without repeats, in order.
std::vector<std::string> distinct(const std::u32string& w, const std::vector<std::u32string>& forms) {
  std::vector<std::string> out;
  for (const std::u32string& f : forms) {
    std::string s = to_utf8(f);
    if (f != w && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::vector<std::string> broken_plural_forms(std::string_view key) {
  const std::u32string w = arabic_word_letters(key);
  std::vector<std::u32string> forms;
  if (!w.empty()) plural_shapes(w, forms);
  return distinct(w, forms);
}

std::vector<std::string> derived_forms(std::string_view key) {
  const std::u32string w = arabic_word_letters(key);
  if (w.empty()) return {};
  std::vector<std::u32string> forms;
  const std::size_t n = w.size();
  // Masdar of IV, VII, VIII, X: ا + stem less its last letter + ا + last letter (انسحاب, اجتماع, استخدام, اعلان).
  if (n >= 5 && w[0] == kAlef && w[n - 2] == kAlef && w[n - 3] != kAlef)
    alef_verb_forms(w.substr(1, n - 3) + w[n - 1], forms);
  // Past of the same: ا + a stem of at least three letters (انسحب, اجتمع, استخدم, اعلن).
  if (n >= 4 && w[0] == kAlef && w[n - 2] != kAlef) alef_verb_forms(w.substr(1), forms);
  // Imperfect and participle: يـ تـ نـ مـ + a stem of at least four letters (ينسحب, يستخدم, منسحب), or of
  // three for form II (يطور, مطور; the doubled middle radical is not written).
  if (n >= 5 && (w[0] == kYeh || w[0] == kTeh || w[0] == kNoon || w[0] == kMeem)) alef_verb_forms(w.substr(1), forms);
  // From those only the masdar, which form I lacks: يكتب is not يـ + a form II كتّب, and its مكتب an office.
  if (n == 4 && (w[0] == kYeh || w[0] == kTeh || w[0] == kMeem))
    forms.push_back(std::u32string{kTeh, w[1], w[2], kYeh, w[3]});
  // Masdar of II: ت + two radicals + ي + the third (تعزيز, تطوير).
  if (n == 5 && w[0] == kTeh && w[3] == kYeh) form_two_forms(std::u32string{w[1], w[2], w[4]}, forms);

  return distinct(w, forms);
}

}  // namespace bahth
