#include "text/analyzer.h"

#include <unordered_set>

#include "text/normalizer.h"
#include "text/stemmer.h"
#include "text/utf8.h"
#include "text/word_breaks.h"

namespace bahth {

namespace {

// Function words and question words, in normalised spelling (alef forms folded, as tokenize() leaves them).
// Short on purpose: only words that carry no topic. Question words are here because every question has
// one and they would otherwise weigh as much as the topic words (من، ما، هل are in most documents).
const std::unordered_set<std::string>& stopwords() {
  static const std::unordered_set<std::string> words{
      // prepositions
      "في", "من", "على", "الى", "عن", "مع", "حتى", "منذ", "عند", "لدى", "بين", "خلال", "حول", "نحو", "دون",
      "عبر", "ضد", "قبل", "بعد", "تحت", "فوق", "امام", "لدي",
      // with a pronoun attached
      "له", "لها", "لهم", "به", "بها", "بهم", "منه", "منها", "منهم", "عليه", "عليها", "عليهم", "فيه", "فيها",
      "فيهم", "اليه", "اليها", "عنه", "عنها", "لنا", "انه", "انها", "بانه", "بانها",
      // conjunctions and particles
      "او", "ام", "ثم", "بل", "لكن", "ولكن", "ان", "لان", "لا", "لم", "لن", "ما", "قد", "لقد", "كما", "اذا",
      "اذ", "الا", "اما", "حيث", "عندما", "بينما", "كي", "لكي", "ايضا", "فقط", "غير", "كل", "بعض", "تم",
      "يا", "سوف", "هناك", "هنا",
      // pronouns and demonstratives, relatives
      "هو", "هي", "هم", "هن", "انا", "نحن", "انت", "انتم", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "اولئك",
      "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللاتي", "اللواتي",
      // kana and its forms
      "كان", "كانت", "كانوا", "يكون", "تكون", "ليس", "ليست",
      // question words
      "ماذا", "متى", "اين", "كيف", "كم", "هل", "لماذا", "اي", "ايه", "ايش", "مما", "ممن", "بما", "بم", "فيم",
      "لم", "عم", "كيفية",
      // ما glued to the pronoun that follows it, and a lone article (ال written apart from its word)
      "ماهو", "ماهي", "بماذا", "عما", "ال"};
  return words;
}

// The stop words as people type them: the final ى and ي are often swapped (فى for في, متي for متى, هى for
// هي, اى for اي: 158 of the 3,102 questions of the open QA sets; 153 more have ماهو, ماهي or a lone ال).
// Each word is also listed with its last letter swapped, except على → علي, which is the name Ali.
// Measured on the benchmark (BM25 then): arcd MRR@10 +0.007, the other sets ±0.001.
const std::unordered_set<std::string>& stopword_spellings() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> all = stopwords();
    const std::string yeh = "\u064A", maksura = "\u0649";
    for (const std::string& w : stopwords()) {
      if (w.size() < 2) continue;
      const std::string last = w.substr(w.size() - 2), stem = w.substr(0, w.size() - 2);
      if (last == yeh) all.insert(stem + maksura);
      else if (last == maksura && stem + yeh != "\u0639\u0644\u064A") all.insert(stem + yeh);
    }
    return all;
  }();
  return words;
}

bool is_letter_waw_or_feh(std::string_view w) {
  return w.size() > 2 && (w.substr(0, 2) == "\u0648" || w.substr(0, 2) == "\u0641");
}

}  // namespace

Analyzer::Analyzer(const std::string& stemmer_name)
    : stemmer_name_(stemmer_name), stemmer_(make_stemmer(stemmer_name)), light_(stemmer_name == "light") {}

bool Analyzer::is_stopword(const Token& token) const {
  if (token.numeric || token.form.size() > 16) return false;
  const auto& words = stopword_spellings();
  if (words.count(token.form)) return true;
  // و / ف glued to a stop word: وفي، ومن، فهل
  return is_letter_waw_or_feh(token.form) && words.count(token.form.substr(2));
}

std::vector<Token> Analyzer::words(const NormalizedText& f) {
  std::vector<Token> tokens;
  const std::u16string_view text(f.text);
  const std::vector<WordSpan> spans = word_spans(text);
  tokens.reserve(spans.size());
  for (const WordSpan& w : spans) {
    Token t;
    append_utf8(t.form, text.substr(w.begin, w.end - w.begin));
    if (t.form.size() > kMaxWordBytes) continue;
    t.start = f.from[w.begin];
    t.end = f.to[w.end - 1];
    t.numeric = w.numeric;
    tokens.push_back(std::move(t));
  }
  return tokens;
}

AnalyzedText Analyzer::analyze(std::string_view text) const {
  AnalyzedText a;
  if (text.empty()) return a;
  a.normalized = normalize_with_offsets(text);
  a.tokens = words(a.normalized);
  return a;
}

std::vector<Token> Analyzer::tokenize(std::string_view text) const { return analyze(text).tokens; }

std::string Analyzer::normalize(std::string_view text) const { return normalize_with_offsets(text).utf8(); }

std::string Analyzer::stem(const Token& token) const {
  if (token.numeric) return token.form;
  if (!light_) return stemmer_(token.form);
  if (vocabulary_) {
    const ProcliticSplits splits = proclitic_splits(token.form);
    if (splits.count) {
      // The reading the index attests most; ties keep the whole word, so a word whose readings the index
      // does not know at all is never cut.
      std::string_view best = token.form;
      Xapian::doccount best_freq = vocabulary_(token.form);
      for (std::size_t k = 0; k < splits.count; ++k) {
        const Xapian::doccount f = vocabulary_(std::string(splits.rest[k]));
        if (f > best_freq) {
          best = splits.rest[k];
          best_freq = f;
        }
      }
      return light_stem(best);
    }
  }
  return light_stem(token.form);
}

std::vector<std::string> Analyzer::index_keys(const Token& token) const {
  std::vector<std::string> keys;
  if (is_stopword(token)) return keys;
  if (token.numeric) {
    keys.push_back(token.form);
    return keys;
  }
  if (!light_) {
    keys.push_back(stemmer_(token.form));
    return keys;
  }
  keys.push_back(light_stem(token.form));
  const ProcliticSplits splits = proclitic_splits(token.form);
  for (std::size_t k = 0; k < splits.count; ++k) {
    std::string key = light_stem(splits.rest[k]);
    if (key != keys.front() && (keys.size() < 2 || key != keys[1])) keys.push_back(std::move(key));
  }
  return keys;
}


}  // namespace bahth
