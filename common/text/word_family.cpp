#include "text/word_family.h"

#include <algorithm>
#include <map>

#include "text/derived.h"
#include "text/endings.h"
#include "text/utf8.h"

namespace bahth {

namespace {

// A plural ending's partner must be held by at least this share of the documents that hold the word: case
// forms of one plural measured 0.12-0.25 (معلمون/معلمين 0.13, مواطنون/مواطنين 0.13, مسلمون/مسلمين 0.18,
// سوريون/سوريين 0.24, دولتان/دولتين 0.24), names 0.004 and less (بوتون/بوتين 0.003, ايرين/ايران 0.004,
// سلطين/سلطان 0.003, لبنين/لبنان 0.0005).
// Bahth's benchmark (all 3,102 questions) moved by 0.0005 at most between 0.01 and 0.1.
constexpr double kPartnerShare = 0.03;

// A word ending in ا is the base + ا (عاما: عام; سوريا: the place beside سوري, whose key is سور) where the
// base is held by at least this share of the word's documents; اوباما, كاميرا have no such base. 1.0
// measured the same as 0.1 (MRR@10 0.7090 against 0.7092).
constexpr double kAlefShare = 0.1;

class Family {
 public:
  explicit Family(const KeyFrequency& f) : f_(f) {}

  Xapian::doccount freq(const std::string& key) {
    auto [it, added] = cache_.try_emplace(key, 0);
    if (added) it->second = f_(key);
    return it->second;
  }

  // Whether `key`, which is `stem` + `ending` (stem as written, base its stem key), is that reading.
  bool is_reading(const std::string& key, const std::string& stem, const std::string& base, const Ending& ending) {
    const Xapian::doccount n = freq(key);
    if (n == 0) return false;
    if (ending.kind == EndingKind::alef) return freq(base) >= kAlefShare * n;
    if (ending.kind == EndingKind::pronoun) return freq(base) >= n;
    for (std::string_view partner : ending.partners) {
      if (freq(stem + std::string(partner)) >= kPartnerShare * n) return true;
    }
    return false;
  }

 private:
  const KeyFrequency& f_;
  std::map<std::string, Xapian::doccount> cache_;
};

// The word's own reading: base + ending where the vocabulary says so, else the whole key.
std::string reading_of(const std::string& key, Family& family) {
  for (const EndingSplit& split : ending_splits(key)) {
    const std::string stem = key.substr(0, key.size() - split.ending->suffix.size());
    if (family.freq(split.base) > 0 && family.is_reading(key, stem, split.base, *split.ending)) return split.base;
  }
  return key;
}

}  // namespace

std::string ending_reading(const std::string& key, const KeyFrequency& frequency) {
  Family family(frequency);
  return reading_of(key, family);
}

std::vector<std::string> ending_family(const std::string& key, const KeyFrequency& frequency) {
  Family family(frequency);
  const std::string base = reading_of(key, family);
  std::vector<std::string> out;
  if (base != key) out.push_back(base);
  for (const Ending& e : endings()) {
    const std::string form = base + std::string(e.suffix);
    if (form != key && family.is_reading(form, base, base, e)) out.push_back(form);
  }
  std::stable_sort(out.begin(), out.end(),
                   [&](const std::string& a, const std::string& b) { return family.freq(a) > family.freq(b); });
  return out;
}

namespace {

// The candidates the index holds in at least two documents (one is as likely a typo or a name), most
// common first.
std::vector<std::string> attested(std::vector<std::string> candidates, const KeyFrequency& frequency) {
  constexpr Xapian::doccount kMinDocuments = 2;
  Family family(frequency);
  std::vector<std::string> out;
  for (std::string& form : candidates) {
    if (family.freq(form) >= kMinDocuments) out.push_back(std::move(form));
  }
  std::stable_sort(out.begin(), out.end(),
                   [&](const std::string& a, const std::string& b) { return family.freq(a) > family.freq(b); });
  return out;
}

}  // namespace

std::vector<std::string> derived_family(const std::string& key, const KeyFrequency& frequency) {
  // ا + three letters is the past of a form IV verb (اعلن: يعلن, معلن, اعلان) or an elative, a colour or a
  // name of that shape (اكبر, احمر, احمد), whose "derived forms" are other words (احمد is not محمد). The
  // verb has a feminine past, the others next to none: documents with key + ت per document with the key on
  // the benchmark's 77k articles, verbs اعلن 0.98, اصدر 1.1, اطلق 0.88, ارسل 0.62, اكمل 0.19; others احمد 0,
  // اكبر 0.0003, اخضر 0.002, اكرم 0.02, اعلم 0.04, احسن 0.08, اسعد 0.09, اشرف 0.13 (a name and a verb).
  constexpr double kFeminineShare = 0.15;
  if (const std::u32string w = arabic_word_letters(key); w.size() == 4 && w[0] == U'\u0627') {
    if (frequency(key + "\u062a") < kFeminineShare * frequency(key)) return {};
  }
  return attested(derived_forms(key), frequency);
}

std::vector<std::string> plural_family(const std::string& key, const KeyFrequency& frequency) {
  return attested(broken_plural_forms(key), frequency);
}

WordFamily word_family(const std::string& key, const KeyFrequency& frequency) {
  return {ending_family(key, frequency), derived_family(key, frequency), plural_family(key, frequency)};
}

}  // namespace bahth
