#include "search/query.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "base/errors.h"
#include "dates/calendar.h"
#include "index/document.h"
#include "index/schema.h"
#include "search/phrase_source.h"
#include "search/query_lexer.h"
#include "search/spelling.h"
#include "text/word_family.h"
#include "text/chars.h"
#include "text/utf8.h"

namespace bahth {

namespace {

using detail::Lexeme;
using detail::Lexer;
using detail::repaired;
using detail::Tok;

// Bonuses that plain-word queries add to the stem match. Measured with DLH ranking on all 3,102 questions of
// arcd / xquad-ar / mlqa-dev-ar over the full benchmark corpus (scripts/bench-relevance.sh), MRR@10 overall:
// neither 0.672; exact 0.35 alone 0.681; exact 0.35 + pairs 0.1 0.685, + pairs 0.2 0.684, + pairs 0.35
// 0.680; exact 0.2 + pairs 0.2 0.684; exact 0.5 + pairs 0.2 0.679.
//   kExactBonus  each word also matches its exact written form, at this fraction of its weight, so the form
//                the user typed ranks above other forms with the same stem.
//   pairs        each two neighbouring plain words that stand together in a hit add pair_bonus.h's
//                kPairBonus of their exact weights. At full weight the pairs cost 0.02 (measured with BM25):
//                news repeats collocations (الولايات المتحدة) many times. A stop word between the two does
//                not break the pair (it is dropped from the query; the pair still matches texts that leave
//                it out). OP_NEAR (window 3) and a phrase window of 3 measured worse than an adjacent pair.
// Both reorder what the stems find, never add hits.
// Re-measured when pairs left the match (schema 2, issue #12): in the match, each pair phrase had also raised
// the query frequency (wqf) of its two exact terms, which DLH multiplies by, so a word with neighbours had
// weighed its exact form 2-3 times over. Overall MRR@10 / Recall@100 with the bonus computed for the best
// hits (pair_bonus.h): exact 0.15 0.6948 / 0.9107; 0.2 0.6949 / 0.9123; 0.25 0.6958 / 0.9130; 0.3 0.6951 /
// 0.9120; 0.35 0.6933 / 0.9110; 0.5 0.6906; 0.7 0.6850. Pairs at 0.05, 0.15, 0.2, 0.3 (exact 0.25 or 0.35)
// measured 0.6947, 0.6954, 0.6920, 0.6892: 0.1 stays.
constexpr double kExactBonus = 0.25;

// The weight of a word's derived forms (text/derived.h), a fraction of the word's own: they share its
// meaning less than its endings do. Measured on all 3,102 questions (MRR@10 / Recall@100; without them
// 0.7092 / 0.9217): 0.15 0.7094 / 0.9217, 0.3 0.7093 / 0.9226 (mlqa-dev-ar 0.5163 → 0.5208), 0.6 0.7056 /
// 0.9230.
constexpr double kDerivedWeight = 0.3;

// The weight of a word's broken plurals or singulars (text/derived.h: اسواق for سوق), a fraction of its own.
// Measured on all 3,102 questions (MRR@10 / Recall@100; without them 0.7093 / 0.9230) and on the news
// known-item test (MRR@10 overall / broken-plural class; without 0.667 / 0.537): 0.1 0.7096 / 0.9230, 0.674
// / 0.556; 0.15 0.7101 / 0.9233, 0.675 / 0.558; 0.2 0.7091 / 0.9236, 0.678 / 0.566; 0.3 0.7081 / 0.9239,
// 0.684 / 0.579. A singular and its plural are one word to a reader,
// but the patterns also pair words of one root with other meanings (قتل and قتال).
constexpr double kPluralWeight = 0.15;

// The weight of a stored synonym (query.h), as a fraction of the weight it would have as a typed word. Measured
// with the shipped list (common/index/synonyms-news.txt) on the 3,102 benchmark questions (58 of them hold an entry),
// MRR@10 all / arcd / xquad-ar / mlqa-dev-ar against 0.6955 / 0.6737 / 0.8019 / 0.5097 without synonyms
// (Recall@100 unchanged at every weight but 1.0): 1.0 0.6934 / 0.6702 / 0.7999 / 0.5110; 0.5 0.6945 / 0.6718 /
// 0.8012 / 0.5101; 0.25 0.6952 / 0.6732 / 0.8014; 0.1 0.6955 / 0.6736 / 0.8017; 0.05 and 0.03 0.6955 / 0.6736 /
// 0.8019; 0.02 0.6956 / 0.6737 / 0.8019 / 0.5101. The questions are worded like their answers, so a synonym
// mostly lifts documents that use the other name over the answer (أمريكا الجنوبية, the continent, lifting
// texts on the United States: the last loss, gone at 0.02). So a synonym finds what the words alone miss and
// ranks it below what they find: a recall fallback, not an equal.
constexpr double kSynonymWeight = 0.02;

// Unknown words a query looks up for a correction, at most (correct_unknown).
constexpr int kMaxCorrections = 8;


class Parser {
 public:
  // `drop_stopwords`: plain (unsigned, not excluded) stop words add nothing to the query.
  Parser(std::string_view text, const Analyzer& analyzer, const CivilDate& today, const PhraseFilter& phrase_filter,
         const SynonymLookup& synonyms, const SpellingLookup& spellings, const FamilyLookup& families, ParsedQuery& out,
         bool drop_stopwords)
      : lexer_(text, out), analyzer_(analyzer), today_(today), phrase_filter_(phrase_filter), synonyms_(synonyms),
        spellings_(spellings), families_(families), out_(out), drop_stopwords_(drop_stopwords) {
    advance();
  }

  bool dropped_stopwords() const { return dropped_; }

  Xapian::Query parse() {
    std::optional<Xapian::Query> q = sequence();
    while (cur_.type == Tok::rparen) {
      repaired(out_, "unbalanced ')' ignored");
      advance();
      auto more = sequence();
      q = combine(Xapian::Query::OP_OR, q, more);
    }
    if (!filters_.empty()) {
      std::optional<Xapian::Query> f;
      for (const auto& [prefix, values] : filters_) {
        f = combine(Xapian::Query::OP_AND, f, Xapian::Query(Xapian::Query::OP_OR, values.begin(), values.end()));
      }
      if (!q && !saw_excluded_only_) return *f;  // only filters: every document that passes them
      if (q) return Xapian::Query(Xapian::Query::OP_FILTER, *q, *f);
    }
    if (!q) {
      if (saw_excluded_only_) throw QueryError("query only excludes words; add a word to search for");
      throw QueryError("query has no searchable words");
    }
    return *q;
  }

 private:
  // Synonyms (query.h). A slot is one unsigned item of a sequence, or one word of an OR in it: a word that may
  // have synonyms (its normalised form, as corrected) or a gap (form empty) that a multi-word entry cannot span.
  struct SynonymSlot {
    std::string form;
    bool title = false;
  };

  void advance() { cur_ = lexer_.next(); }

  static std::optional<Xapian::Query> combine(Xapian::Query::op op, const std::optional<Xapian::Query>& a,
                                              const std::optional<Xapian::Query>& b) {
    if (!a) return b;
    if (!b) return a;
    return Xapian::Query(op, *a, *b);
  }

  // items joined by the default operator (OR), with +required and -excluded items
  std::optional<Xapian::Query> sequence() {
    std::optional<Xapian::Query> should, must, must_not;
    // The exact forms of the plain (unsigned, unfielded) words in order; "" where something else stood.
    std::vector<std::string> plain;
    std::vector<SynonymSlot> slots;  // what synonym_queries may expand
    while (cur_.type != Tok::end && cur_.type != Tok::rparen) {
      last_plain_.clear();
      if (cur_.type == Tok::op_and || cur_.type == Tok::op_or || cur_.type == Tok::op_not) {
        advance();  // an operator with nothing on its left: ignore it
        continue;
      }
      const char sign = cur_.sign;
      cur_.sign = 0;
      std::optional<Xapian::Query> item;
      if (sign == '-') {
        ++negating_;
        item = or_expr();
        --negating_;
        must_not = combine(Xapian::Query::OP_OR, must_not, item);
      } else if (sign == '+') {
        ++required_;
        item = or_expr();
        --required_;
        must = combine(Xapian::Query::OP_AND, must, item);
      } else {
        const bool bare = cur_.type == Tok::word && cur_.field.empty();
        std::vector<SynonymSlot> alternatives;
        item = or_expr(&alternatives);
        // Each word of `a OR b` is a slot of its own, with a gap between them: a multi-word entry may span
        // the words typed side by side, not an OR.
        for (std::size_t i = 0; i < alternatives.size(); ++i) {
          if (i > 0) slots.emplace_back();
          slots.push_back(std::move(alternatives[i]));
        }
        should = combine(Xapian::Query::OP_OR, should, item);
        // A dropped stop word (bare, no item) leaves no gap; anything else that is not a plain word does.
        if (bare && !last_plain_.empty()) plain.push_back(last_plain_);
        else if (!bare || item) plain.push_back("");
      }
    }
    // Neighbouring plain words: the searcher adds their bonus to the best hits (kPairBonus).
    for (std::size_t k = 0; k + 1 < plain.size(); ++k) {
      if (plain[k].empty() || plain[k + 1].empty()) continue;
      WordPair pair{schema::kBodyExact + plain[k], schema::kBodyExact + plain[k + 1]};
      if (std::find(out_.pairs.begin(), out_.pairs.end(), pair) == out_.pairs.end()) out_.pairs.push_back(std::move(pair));
    }
    should = combine(Xapian::Query::OP_OR, should, joined_spellings(plain));
    should = combine(Xapian::Query::OP_OR, should, synonym_queries(slots));
    std::optional<Xapian::Query> q;
    if (must) q = should ? Xapian::Query(Xapian::Query::OP_AND_MAYBE, *must, *should) : *must;
    else q = should;
    if (must_not) {
      if (!q) {
        saw_excluded_only_ = true;
        return std::nullopt;
      }
      q = Xapian::Query(Xapian::Query::OP_AND_NOT, *q, *must_not);
    }
    return q;
  }

  // With `alternatives`, the synonym slot of each part of the OR: its word, or a gap for a part that is not
  // one plain word (`a AND b` is searched as typed, like +a +b).
  std::optional<Xapian::Query> or_expr(std::vector<SynonymSlot>* alternatives = nullptr) {
    std::optional<Xapian::Query> q;
    for (bool first = true; first || cur_.type == Tok::op_or; first = false) {
      if (!first) advance();
      const Lexeme word = cur_;
      const bool bare = word.type == Tok::word && word.field.empty();
      const int operators = operators_;
      last_plain_.clear();
      q = combine(Xapian::Query::OP_OR, q, and_expr());
      if (alternatives) alternatives->push_back(operators_ == operators ? synonym_slot(word, bare) : SynonymSlot{});
    }
    return q;
  }

  std::optional<Xapian::Query> and_expr() {
    std::optional<Xapian::Query> q = primary();
    for (;;) {
      if (cur_.type == Tok::op_and) {
        ++operators_;
        advance();
        if (cur_.type == Tok::op_not) {
          advance();
          q = and_not(q);
        } else {
          q = combine(Xapian::Query::OP_AND, q, primary());
        }
      } else if (cur_.type == Tok::op_not) {
        ++operators_;
        advance();
        q = and_not(q);
      } else {
        return q;
      }
    }
  }

  std::optional<Xapian::Query> and_not(const std::optional<Xapian::Query>& left) {
    ++negating_;
    std::optional<Xapian::Query> right = primary();
    --negating_;
    if (!left) return std::nullopt;
    if (!right) return left;
    return Xapian::Query(Xapian::Query::OP_AND_NOT, *left, *right);
  }

  std::optional<Xapian::Query> primary() {
    Lexeme lx = cur_;
    switch (lx.type) {
      case Tok::lparen: {
        // Each level recurses: a bound keeps a hostile query ("((((…", found by fuzzing) off the stack's end.
        if (depth_ >= kMaxNesting)
          throw QueryError("query nests parentheses more than " + std::to_string(kMaxNesting) + " deep");
        advance();
        ++depth_;
        std::optional<Xapian::Query> q = sequence();
        --depth_;
        if (cur_.type == Tok::rparen) advance();
        else repaired(out_, "unbalanced '(' closed at the end of the query");
        return q;
      }
      case Tok::word:
        advance();
        return word(lx);
      case Tok::phrase:
        advance();
        return phrase(lx);
      default:
        return std::nullopt;
    }
  }

  // source: and category: restrict the whole query, like Xapian's boolean prefixes: values of one field
  // are ORed, fields are ANDed. They add no weight.
  std::optional<Xapian::Query> filter(const Lexeme& lx) {
    const std::string prefix = lx.field == "source" ? schema::kSource : schema::kCategory;
    const std::string_view value = trim(lx.text);
    if (!value.empty()) filters_[prefix].emplace_back(filter_term(prefix, value));
    return std::nullopt;
  }

  // date:2018-03..2018-05 (publication date) and mentioned:2022 (a date the text talks about) restrict the
  // whole query like source:. Each side of ".." is YYYY, YYYY-MM or YYYY-MM-DD; either side may be empty.
  // date: also takes days before today (date:7d.., date:"الأسبوع الماضي"..); mentioned: does not: its
  // precision comes from the shape of what was typed.
  std::optional<Xapian::Query> date_filter(const Lexeme& lx) {
    const std::string text(trim(lx.text));
    const std::size_t dots = text.find("..");
    const std::string lo_text = dots == std::string::npos ? text : text.substr(0, dots);
    const std::string hi_text = dots == std::string::npos ? text : text.substr(dots + 2);
    const CivilDate today = lx.field == "date" ? today_ : CivilDate{};
    const std::optional<std::string> lo =
        lo_text.empty() ? std::optional<std::string>("00000101") : date_bound(lo_text, false, today);
    const std::optional<std::string> hi =
        hi_text.empty() ? std::optional<std::string>("99991231") : date_bound(hi_text, true, today);
    if (!lo || !hi || *lo > *hi)
      throw QueryError(lx.field + ":" + text + " is not a date or range (YYYY, YYYY-MM, YYYY-MM-DD, " +
                       (lx.field == "date" ? "today, yesterday, 7d, 4w, 3m, 1y, " : "") + "FROM..TO)");
    if (lx.field == "date") {
      filters_["date"].emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, *lo, *hi);
      return std::nullopt;
    }
    // mentioned: terms at the precision written: a day, a month, or a run of years.
    std::vector<Xapian::Query> terms;
    const bool single = dots == std::string::npos;
    if (single && text.size() >= 10) terms.emplace_back(schema::kMentionedDay + *lo);
    else if (single && text.size() >= 7) terms.emplace_back(schema::kMentionedMonth + lo->substr(0, 6));
    else {
      const int from = std::max(std::stoi(lo->substr(0, 4)), 1800), to = std::min(std::stoi(hi->substr(0, 4)), 2200);
      for (int y = from; y <= to; ++y) terms.emplace_back(schema::kMentionedYear + std::to_string(y));
    }
    if (terms.empty()) throw QueryError(lx.field + ":" + text + " is outside the years 1800..2200");
    filters_["mentioned"].emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
    return std::nullopt;
  }

  std::optional<Xapian::Query> word(const Lexeme& lx) {
    if (lx.field == "source" || lx.field == "category") return filter(lx);
    if (lx.field == "date" || lx.field == "mentioned") return date_filter(lx);
    std::vector<Token> tokens = analyzer_.tokenize(lx.text);
    if (tokens.empty()) return std::nullopt;
    if (tokens.size() > 1) return phrase_of(tokens, lx.field == "title");  // e.g. a hyphenated word
    if (lx.field.empty() && !negating_) correct_unknown(tokens[0]);
    if (analyzer_.is_stopword(tokens[0])) {
      // Stop words have no stem key in the index: drop them from a plain query, or match them exactly
      // when the user insists (+من, -من, or a query of stop words only).
      if (drop_stopwords_ && !negating_ && !required_) {
        dropped_ = true;
        return std::nullopt;
      }
      return phrase_of(tokens, lx.field == "title");
    }
    const std::string key = analyzer_.stem(tokens[0]);
    if (!negating_) out_.match.stems.insert(key);
    const Xapian::Query stem = with_family(tokens[0], key, lx.field == "title");
    if (!lx.field.empty() || negating_) return stem;
    if (!required_ && lx.sign == 0) last_plain_ = tokens[0].form;
    // The stem, and the exact form at kExactBonus: the exact term implies the stem, so this only reorders
    // what the stem finds.
    return Xapian::Query(Xapian::Query::OP_OR, stem,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(schema::kBodyExact + tokens[0].form),
                                       kExactBonus));
  }

  // The documents with stem key `key` (of `token`): Z<key>, and where a word written `key` has that key, the
  // exact term `key` too, which stands for it (schema.h, kBodyStem). OP_SYNONYM adds their wdf, as one Z term
  // counted both before the index left out the keys equal to their forms.
  Xapian::Query stem_query(const Token& token, const std::string& key, bool title) const {
    const std::string stem_prefix = title ? schema::kTitleStem : schema::kBodyStem;
    Token written = token;
    written.form = key;
    const std::vector<std::string> keys = analyzer_.index_keys(written);
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) return Xapian::Query(stem_prefix + key);
    const Xapian::Query both[] = {Xapian::Query(stem_prefix + key),
                                  Xapian::Query((title ? schema::kTitleExact : schema::kBodyExact) + key)};
    return Xapian::Query(Xapian::Query::OP_SYNONYM, both, both + 2);
  }

  // The word's stem key with the keys of its other forms (word_family.h: معلمون with معلم and معلمين), as one
  // term: OP_SYNONYM adds their wdf and counts their documents once. Measured on all 3,102 questions of the
  // benchmark (MRR@10 / Recall@100, before 0.6955 / 0.9130): plural endings 0.6993 / 0.9165, pronouns alone
  // 0.6952, pronouns with the ت before them 0.6986, plurals and pronouns 0.7033 / 0.9184, and ا 0.7092 /
  // 0.9217. The other forms at half the weight, as an OR beside the word, measured 0.6876: they are the
  // same word, as the proclitic readings are. With the derived forms they cost a batch of questions (top
  // 100, one thread) 1.39× the CPU (600 questions, medians of 5 runs, same index): about a sixth of it the
  // vocabulary lookups, the rest matching the documents of the other forms.
  // Its derived forms (text/derived.h: انسحاب for انسحب) match beside it at kDerivedWeight, its broken
  // plurals or singulars (اسواق for سوق) at kPluralWeight.
  Xapian::Query with_family(const Token& token, const std::string& key, bool title) {
    const Xapian::Query own = stem_query(token, key, title);
    if (!analyzer_.has_vocabulary()) return own;
    // Documents per stem key: its Z term, or the exact term that stands for it (stem_query).
    const KeyFrequency frequency = [this](const std::string& k) {
      return std::max(analyzer_.documents_with(schema::kBodyStem + k), analyzer_.documents_with(k));
    };
    // The synonym of the keys, the first `own` if given; the keys are highlighted too.
    const auto any_of = [&](const std::vector<std::string>& keys, std::optional<Xapian::Query> first) {
      std::vector<Xapian::Query> forms;
      if (first) forms.push_back(*first);
      for (const std::string& k : keys) {
        if (!negating_) out_.match.stems.insert(k);
        forms.push_back(stem_query(token, k, title));
      }
      return forms.size() == 1 ? forms[0] : Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
    };
    WordFamily computed;
    if (!families_) computed = word_family(key, frequency);
    const WordFamily& family = families_ ? families_(key, frequency) : computed;
    std::vector<std::string> forms = family.endings;
    std::optional<Xapian::Query> split;  // a spelling in two words (نيو يورك for نيويورك): their phrase
    for (std::string& spelled : other_spellings(key)) {
      if (spelled.find(' ') != std::string::npos)
        split = combine(Xapian::Query::OP_OR, split, phrase_of(analyzer_.tokenize(spelled), title));
      else if (std::find(forms.begin(), forms.end(), spelled) == forms.end())
        forms.push_back(std::move(spelled));
    }
    const Xapian::Query word = split ? Xapian::Query(Xapian::Query::OP_OR, any_of(forms, own), *split) : any_of(forms, own);
    // An excluded word excludes its forms, not its derivations.
    if (negating_) return word;
    Xapian::Query out = word;
    const std::pair<const std::vector<std::string>&, double> lower[] = {{family.derived, kDerivedWeight},
                                                                      {family.plurals, kPluralWeight}};
    for (const auto& [keys, weight] : lower) {
      if (!keys.empty())
        out = Xapian::Query(Xapian::Query::OP_OR, out,
                            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, any_of(keys, std::nullopt), weight));
    }
    return out;
  }

  // Two neighbouring plain words that the index also writes as one (نيو يورك: نيويورك) search it too.
  std::optional<Xapian::Query> joined_spellings(const std::vector<std::string>& plain) {
    std::optional<Xapian::Query> q;
    for (std::size_t k = 0; k + 1 < plain.size(); ++k) {
      if (plain[k].empty() || plain[k + 1].empty()) continue;
      for (const std::string& joined : other_spellings(plain[k] + " " + plain[k + 1])) {
        const std::vector<Token> tokens = analyzer_.tokenize(joined);
        if (tokens.size() != 1) continue;
        const std::string key = analyzer_.stem(tokens[0]);
        out_.match.stems.insert(key);
        joining_ = true;  // its own other spelling is the two words the query has
        q = combine(Xapian::Query::OP_OR, q, with_family(tokens[0], key, false));
        joining_ = false;
      }
    }
    return q;
  }

  // The other spellings of a name (query.h: SpellingLookup), said once a query in a warning.
  std::vector<std::string> other_spellings(const std::string& key) {
    if (!spellings_ || joining_) return {};
    std::vector<std::string> others = spellings_(key);
    if (others.empty() || negating_ || !spelled_.insert(key).second) return others;
    std::string names;
    for (const std::string& o : others) names += (names.empty() ? "" : ", ") + o;
    out_.warnings.push_back("other spellings of " + key + " searched too: " + names + " (quote a word to match it as typed)");
    return others;
  }

  // A plain word whose form and stem key the index has never seen matches nothing: read it as the known
  // form one edit away (spelling.h), and say so. Quoted words, fields and excluded words are left as typed.
  // Each correction asks the index about 70 times per letter (some 10 µs each), so a query corrects at most
  // kMaxCorrections words: a pasted article full of names must not take seconds.
  void correct_unknown(Token& token) {
    if (!analyzer_.has_vocabulary() || analyzer_.is_stopword(token) || corrections_ >= kMaxCorrections) return;
    const std::string key = analyzer_.stem(token);
    if (analyzer_.documents_with(token.form) > 0 || analyzer_.documents_with(key) > 0 ||
        analyzer_.documents_with(schema::kBodyStem + key) > 0)
      return;
    const std::optional<std::string> known =
        nearest_known_form(token.form, [this](const std::string& t) { return analyzer_.documents_with(t); });
    ++corrections_;
    if (!known) return;
    out_.warnings.push_back(token.form + " is not in the index; searched for " + *known +
                            " instead (quote a word to keep it as typed)");
    token.form = *known;
  }

  std::optional<Xapian::Query> phrase(const Lexeme& lx) {
    if (lx.field == "source" || lx.field == "category") return filter(lx);
    if (lx.field == "date" || lx.field == "mentioned") return date_filter(lx);  // date:"الشهر الماضي"
    std::vector<Token> tokens = analyzer_.tokenize(lx.text);
    if (tokens.empty()) return std::nullopt;
    return phrase_of(tokens, lx.field == "title");
  }

  Xapian::Query phrase_of(const std::vector<Token>& tokens, bool title) {
    const std::string prefix = title ? schema::kTitleExact : schema::kBodyExact;
    if (tokens.size() == 1) {
      if (!negating_) out_.match.exact.insert(tokens[0].form);
      return Xapian::Query(prefix + tokens[0].form);
    }
    std::vector<Xapian::Query> parts;
    std::vector<std::string> forms, terms;
    for (const Token& t : tokens) {
      parts.emplace_back(prefix + t.form);
      forms.push_back(t.form);
      terms.push_back(schema::kBodyExact + t.form);
    }
    if (!negating_) out_.match.phrases.push_back(std::move(forms));
    // Positions are in a value slot (index/positions.h), the title's first: the phrase's words in its
    // field, filtered by their order there.
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()),
                         phrase_filter_ ? phrase_filter_(terms, title)
                                        : Xapian::Query((new PhraseSource(std::move(terms), title))->release()));
  }

  SynonymSlot synonym_slot(const Lexeme& lx, bool bare) const {
    SynonymSlot slot;
    if (!synonyms_ || negating_ || lx.type != Tok::word || !(lx.field.empty() || lx.field == "title")) return slot;
    if (bare && !last_plain_.empty()) {
      slot.form = last_plain_;  // as correct_unknown() left it
      return slot;
    }
    const std::vector<Token> tokens = analyzer_.tokenize(lx.text);  // a stop word, or a title: word
    if (tokens.size() == 1) slot = {tokens[0].form, !bare};
    return slot;
  }

  // The synonyms of the slots' words, each scaled by kSynonymWeight: at each word, the longest stored entry
  // that starts there (one lookup a word: the keys that start with it), its synonyms added, and the search
  // goes on after it.
  std::optional<Xapian::Query> synonym_queries(const std::vector<SynonymSlot>& slots) {
    std::vector<Xapian::Query> added;
    for (std::size_t k = 0; k < slots.size();) {
      if (slots[k].form.empty()) {
        ++k;
        continue;
      }
      std::size_t best_words = 0;
      std::string best_key;
      std::vector<std::string> best;
      for (auto& [key, synonyms] : synonyms_(slots[k].form)) {
        std::vector<std::string> words;
        for (std::size_t from = 0;;) {
          const std::size_t space = key.find(' ', from);
          words.push_back(key.substr(from, space - from));
          if (space == std::string::npos) break;
          from = space + 1;
        }
        bool match = k + words.size() <= slots.size() && words.size() > best_words;
        for (std::size_t i = 0; match && i < words.size(); ++i)
          match = slots[k + i].form == words[i] && slots[k + i].title == slots[k].title;
        if (!match) continue;
        best_words = words.size();
        best_key = key;
        best = std::move(synonyms);
      }
      if (best_words == 0) {
        ++k;
        continue;
      }
      std::string names;
      for (const std::string& synonym : best) {
        const std::vector<Token> tokens = analyzer_.tokenize(synonym);
        if (tokens.empty()) continue;
        Xapian::Query q;
        if (tokens.size() == 1 && !analyzer_.is_stopword(tokens[0])) {
          const std::string key = analyzer_.stem(tokens[0]);
          out_.match.stems.insert(key);
          q = stem_query(tokens[0], key, slots[k].title);
        } else {
          q = phrase_of(tokens, slots[k].title);
        }
        added.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, q, kSynonymWeight);
        names += (names.empty() ? "" : ", ") + synonym;
      }
      if (!names.empty())
        out_.warnings.push_back("synonyms of " + best_key + " searched too: " + names +
                                " (quote a word to keep it as typed)");
      k += best_words;
    }
    if (added.empty()) return std::nullopt;
    return Xapian::Query(Xapian::Query::OP_OR, added.begin(), added.end());
  }

  Lexer lexer_;
  const Analyzer& analyzer_;
  CivilDate today_;  // relative date: bounds count back from it
  const PhraseFilter& phrase_filter_;
  const SynonymLookup& synonyms_;
  const SpellingLookup& spellings_;
  const FamilyLookup& families_;
  ParsedQuery& out_;
  Lexeme cur_;
  int negating_ = 0;
  int required_ = 0;
  static constexpr int kMaxNesting = 100;
  int depth_ = 0;  // parentheses open around the current item
  bool drop_stopwords_ = true;
  int corrections_ = 0;  // words looked up for correct_unknown()
  std::set<std::string> spelled_;  // keys whose other spellings a warning named
  bool joining_ = false;           // in joined_spellings()
  bool dropped_ = false;
  bool saw_excluded_only_ = false;
  std::string last_plain_;  // the exact form of the plain word just parsed, if the item was one
  int operators_ = 0;       // AND and NOT operators read so far
  std::map<std::string, std::vector<Xapian::Query>> filters_;
};

}  // namespace

ParsedQuery parse_query(std::string_view text, const Analyzer& analyzer, const CivilDate& today,
                        const PhraseFilter& phrase_filter, const SynonymLookup& synonyms,
                        const SpellingLookup& spellings, const FamilyLookup& families) {
  if (auto bad = find_invalid_utf8(text))
    throw QueryError("query is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
  if (trim(text).empty()) throw QueryError("empty query");
  ParsedQuery out;
  Parser parser(text, analyzer, today, phrase_filter, synonyms, spellings, families, out, true);
  try {
    out.query = parser.parse();
  } catch (const QueryError&) {
    if (!parser.dropped_stopwords()) throw;
    // Nothing but stop words (من هو؟): search them after all, exactly.
    out = ParsedQuery();
    Parser again(text, analyzer, today, phrase_filter, synonyms, spellings, families, out, false);
    out.query = again.parse();
  }
  return out;
}

}  // namespace bahth

namespace bahth {

void read_query_lines(std::istream& in, const std::string& name, const std::function<void(BatchQuery&&)>& query,
                      const std::function<void(const std::string&)>& problem) {
  std::string line;
  std::size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string origin = name + ":" + std::to_string(lineno);
    if (find_invalid_utf8(line)) {
      problem(origin + ": not valid UTF-8; skipped");
      continue;
    }
    std::string_view t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    BatchQuery q;
    q.origin = origin;
    const std::size_t tab = line.find('\t');
    if (tab != std::string::npos) {
      q.id = std::string(trim(std::string_view(line).substr(0, tab)));
      q.text = std::string(trim(std::string_view(line).substr(tab + 1)));
    } else {
      q.id = std::to_string(lineno);
      q.text = std::string(t);
    }
    if (q.id.empty()) q.id = std::to_string(lineno);
    query(std::move(q));
  }
}

}  // namespace bahth
