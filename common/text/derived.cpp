#include "text/derived.h"

#include <algorithm>

#include "text/utf8.h"

namespace bahth {

namespace {

constexpr char32_t kAlef = U'\u0627', kYeh = U'\u064A', kTeh = U'\u062A', kNoon = U'\u0646', kMeem = U'\u0645';

std::string utf8(const std::u32string& w) {
  std::string out;
  for (char32_t c : w) append_utf8(out, c);
  return out;
}

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

}  // namespace

std::vector<std::string> derived_forms(std::string_view key) {
  std::u32string w;
  for (std::size_t i = 0; i < key.size();) {
    const char32_t c = next_code_point(key, i);
    if (c < 0x0621 || c > 0x064A) return {};
    w.push_back(c);
  }
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

  std::vector<std::string> out;
  for (const std::u32string& f : forms) {
    std::string s = utf8(f);
    if (f != w && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace bahth
