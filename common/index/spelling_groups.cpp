#include "index/spelling_groups.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <map>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "index/every_shard.h"
#include "index/positions.h"
#include "index/schema.h"
#include "index/xapian_errors.h"
#include "text/analyzer.h"
#include "text/spellings.h"
#include "text/word_family.h"

namespace bahth {

namespace {

// A word's documents that name a source must number this many for a distribution to say anything.
constexpr std::size_t kMinSourcedDocuments = 5;
// The documents of a word whose term lists are read, evenly spaced, and the words kept to mark them.
constexpr std::size_t kContextSample = 60;
constexpr std::size_t kContextWords = 50;

using Docs = std::vector<Xapian::docid>;

class Evidence {
 public:
  explicit Evidence(const Xapian::Database& db) : db_(db), source_(db.get_lastdocid() + 1, 0) {
    std::uint32_t n = 0;
    const std::string prefix = schema::kSource;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      ++n;
      for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) source_[*p] = n;
    }
  }

  // Jensen-Shannon divergence (bits) of the source distributions of a's and b's documents; -1 when either
  // has too few documents with a source.
  double source_divergence(const std::string& a, const std::string& b) {
    const std::map<std::uint32_t, double> p = sources(docs(a)), q = sources(docs(b));
    if (p.empty() || q.empty()) return -1;
    double d = 0;
    const auto half = [](double x, double m) { return x > 0 ? 0.5 * x * std::log2(x / m) : 0.0; };
    for (const auto& [s, x] : p) {
      const auto it = q.find(s);
      const double y = it == q.end() ? 0 : it->second;
      d += half(x, (x + y) / 2) + half(y, (x + y) / 2);
    }
    for (const auto& [s, y] : q)
      if (!p.count(s)) d += half(y, y / 2);
    return d;
  }

  // Cosine of the idf-weighted shares of the words that mark a's and b's documents, a and b left out.
  double context_similarity(const std::string& a, const std::string& b) {
    const Profile& pa = profile(a);
    const Profile& pb = profile(b);
    std::unordered_set<std::string> marks;
    for (const Profile* p : {&pa, &pb})
      for (const std::string& t : p->top) marks.insert(t);
    marks.erase(schema::kBodyStem + a);
    marks.erase(schema::kBodyStem + b);
    double dot = 0, na = 0, nb = 0;
    for (const std::string& t : marks) {
      const double w = idf(t), x = share(pa, t) * w, y = share(pb, t) * w;
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
  }

 private:
  struct Profile {
    std::unordered_map<std::string, double> share;  // of the sample's documents holding each stem key
    std::vector<std::string> top;                    // the kContextWords keys of highest share × idf
  };

  // A word's documents: those of its Z key and of its exact term, as the query's OP_SYNONYM finds them; or,
  // for two words "a b", those where they stand next to each other.
  const Docs& docs(const std::string& w) {
    auto [it, added] = docs_.try_emplace(w);
    if (!added) return it->second;
    if (const std::size_t space = w.find(' '); space != std::string::npos) {
      it->second = phrase_docs(w.substr(0, space), w.substr(space + 1));
      return it->second;
    }
    for (const std::string& term : {schema::kBodyStem + w, w})
      for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) it->second.push_back(*p);
    std::sort(it->second.begin(), it->second.end());
    it->second.erase(std::unique(it->second.begin(), it->second.end()), it->second.end());
    return it->second;
  }

  // The documents where exact terms a and b stand next to each other (positions: index/positions.h), of the
  // first kMaxPhraseDocuments that hold both: each costs a term list, and 2,000 tell the sources apart as well
  // as 20,000 did (the same pairs on the 77k benchmark and at 1M; at 1M the step took 110 s instead of 144).
  Docs phrase_docs(const std::string& a, const std::string& b) const {
    constexpr std::size_t kMaxPhraseDocuments = 2000;
    Docs out;
    Xapian::PostingIterator pa = db_.postlist_begin(a), pb = db_.postlist_begin(b);
    const Xapian::PostingIterator ea = db_.postlist_end(a), eb = db_.postlist_end(b);
    for (std::size_t seen = 0; pa != ea && pb != eb && seen < kMaxPhraseDocuments;) {
      if (*pa < *pb) pa.skip_to(*pb);
      else if (*pb < *pa) pb.skip_to(*pa);
      else {
        ++seen;
        if (adjacent(*pa, a, b)) out.push_back(*pa);
        ++pa;
      }
    }
    return out;
  }

  bool adjacent(Xapian::docid did, const std::string& a, const std::string& b) const {
    const std::vector<std::size_t> ranks = exact_term_ranks(db_.termlist_begin(did), db_.termlist_end(did), {a, b});
    if (ranks[0] == kNoRank || ranks[1] == kNoRank) return false;
    const DecodedPositions p = decode_positions(db_.get_document(did).get_value(schema::kSlotPositions), ranks);
    const std::vector<Xapian::termpos>& second = p.lists[1];
    for (Xapian::termpos pos : p.lists[0])
      if (std::binary_search(second.begin(), second.end(), pos + 1)) return true;
    return false;
  }

  std::map<std::uint32_t, double> sources(const Docs& docs) const {
    std::map<std::uint32_t, double> count;
    std::size_t total = 0;
    for (Xapian::docid d : docs) {
      if (d >= source_.size() || source_[d] == 0) continue;
      ++count[source_[d]];
      ++total;
    }
    if (total < kMinSourcedDocuments) return {};
    for (auto& [s, n] : count) n /= static_cast<double>(total);
    return count;
  }

  const Profile& profile(const std::string& w) {
    auto [it, added] = profiles_.try_emplace(w);
    if (!added) return it->second;
    const Docs& all = docs(w);
    const std::size_t step = std::max<std::size_t>(1, all.size() / kContextSample);
    std::size_t sampled = 0;
    Profile& p = it->second;
    for (std::size_t i = 0; i < all.size() && sampled < kContextSample; i += step, ++sampled) {
      for (auto t = db_.termlist_begin(all[i]); t != db_.termlist_end(all[i]); ++t) {
        const std::string& term = *t;
        // Body and title stem keys (Z…), not the title-only ZS… keys.
        if (term.size() > 1 && term[0] == 'Z' && term[1] != 'S') p.share[term] += 1;
      }
    }
    std::vector<std::pair<double, std::string>> ranked;
    for (auto& [term, n] : p.share) {
      n /= static_cast<double>(sampled);
      ranked.emplace_back(n * idf(term), term);
    }
    const std::size_t keep = std::min(kContextWords, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                      std::greater<>());
    for (std::size_t i = 0; i < keep; ++i) p.top.push_back(ranked[i].second);
    return p;
  }

  static double share(const Profile& p, const std::string& term) {
    const auto it = p.share.find(term);
    return it == p.share.end() ? 0 : it->second;
  }

  double idf(const std::string& term) {
    auto [it, added] = idf_.try_emplace(term, 0);
    if (added) {
      const double n = std::max<Xapian::doccount>(1, db_.get_termfreq(term));
      it->second = std::log(static_cast<double>(db_.get_doccount()) / n);
    }
    return it->second;
  }

  const Xapian::Database& db_;
  std::vector<std::uint32_t> source_;  // by docid: 1 + the source's index among the XS terms, 0 for none
  std::unordered_map<std::string, Docs> docs_;
  std::unordered_map<std::string, Profile> profiles_;
  std::unordered_map<std::string, double> idf_;
};

// The words of `db` that may be paired (`words`): held by kMinSpellingDocuments documents, not stop words,
// each its own stem key and read whole (no ending: text/word_family.h); and those that may be half of a
// split one (`halves`): held as often, not stop words.
struct Vocabulary {
  std::unordered_set<std::string> words, halves;
};

Vocabulary pairable_words(const Xapian::Database& db, const std::string& stemmer) {
  Analyzer analyzer(stemmer);
  analyzer.set_vocabulary([&db](const std::string& term) { return db.get_termfreq(term); });
  const KeyFrequency frequency = [&db](const std::string& k) {
    return std::max(db.get_termfreq(schema::kBodyStem + k), db.get_termfreq(k));
  };
  Vocabulary v;
  // Arabic letters are U+0621..U+064A: UTF-8 lead bytes D8 and D9.
  for (const char* lead : {"\xD8", "\xD9"}) {
    for (auto t = db.allterms_begin(lead); t != db.allterms_end(lead); ++t) {
      if (t.get_termfreq() < kMinSpellingDocuments) continue;
      const std::string& word = *t;
      const std::vector<Token> tokens = analyzer.tokenize(word);
      if (tokens.size() != 1 || tokens[0].form != word || analyzer.is_stopword(tokens[0])) continue;
      v.halves.insert(word);
      if (analyzer.stem(tokens[0]) != word || ending_reading(word, frequency) != word) continue;
      v.words.insert(word);
    }
  }
  return v;
}

}  // namespace

std::vector<SpellingPair> find_spelling_pairs(const std::string& path, const std::string& stemmer, std::size_t threads) {
  std::vector<std::pair<std::string, std::string>> candidates;  // the same pairs in the same order, run after run
  {
    const Xapian::Database db(path);
    const Vocabulary vocabulary = pairable_words(db, stemmer);
    std::vector<std::string> sorted(vocabulary.words.begin(), vocabulary.words.end());
    std::sort(sorted.begin(), sorted.end());
    for (const std::string& a : sorted) {
      for (const std::string& b : spelling_edits(a))
        if (b > a && vocabulary.words.count(b)) candidates.emplace_back(a, b);
      for (const auto& [first, second] : word_splits(a))
        if (vocabulary.halves.count(first) && vocabulary.halves.count(second))
          candidates.emplace_back(a, first + " " + second);
    }
  }
  // The tests read term lists and postings for seconds at a large index (5.8 s of a 56 s build of 77k
  // articles): each thread takes the next few candidates (neighbours share a word, and so its evidence)
  // with its own database and evidence; the results keep the candidates' order.
  constexpr std::size_t kChunk = 8;
  std::vector<std::optional<SpellingPair>> found(candidates.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failed(std::max<std::size_t>(1, threads));
  const auto work = [&](std::size_t n) {
    try {
      const Xapian::Database db(path);
      Evidence evidence(db);
      for (std::size_t from; (from = next.fetch_add(kChunk)) < candidates.size();) {
        for (std::size_t i = from; i < std::min(from + kChunk, candidates.size()); ++i) {
          const auto& [a, b] = candidates[i];
          SpellingPair pair{a, b, evidence.source_divergence(a, b), 0};
          if (pair.sources < kMinSourceDivergence) continue;
          pair.context = evidence.context_similarity(a, b);
          if (pair.context >= kMinContextSimilarity) found[i] = std::move(pair);
        }
      }
    } catch (...) {
      failed[n] = std::current_exception();
      next = candidates.size();  // the others stop too
    }
  };
  std::vector<std::thread> others;
  try {
    for (std::size_t n = 1; n < failed.size(); ++n) others.emplace_back(work, n);
  } catch (const std::system_error&) {  // no thread to be had: this one tests the rest
  }
  work(0);
  for (std::thread& t : others) t.join();
  for (const std::exception_ptr& e : failed)
    if (e) std::rethrow_exception(e);
  std::vector<SpellingPair> out;
  for (std::optional<SpellingPair>& p : found)
    if (p) out.push_back(std::move(*p));
  return out;
}

bool spellings_outdated(const Xapian::Database& db) {
  const std::string stamp = db.get_metadata(schema::kMetaSpellings);
  if (stamp.empty()) return true;
  const double then = std::strtod(stamp.c_str(), nullptr), now = db.get_doccount();
  return std::abs(now - then) >= 0.1 * std::max(then, 1.0);
}

std::size_t update_spellings(const std::string& path, const std::string& stemmer, std::size_t threads) {
  std::vector<SpellingPair> pairs;
  Xapian::doccount documents = 0;
  with_index_errors(path, [&] {
    documents = Xapian::Database(path).get_doccount();
    pairs = find_spelling_pairs(path, stemmer, threads);
  });
  std::map<std::string, std::string> partners;
  for (const SpellingPair& p : pairs) {
    for (const auto& [from, to] : {std::pair(p.a, p.b), std::pair(p.b, p.a)}) {
      std::string& list = partners[schema::kMetaSpellingPrefix + from];
      list += (list.empty() ? "" : "|") + to;
    }
  }
  change_every_shard(path, [&](Xapian::WritableDatabase& db) {
    const std::string prefix = schema::kMetaSpellingPrefix;
    std::vector<std::string> old(db.metadata_keys_begin(prefix), db.metadata_keys_end(prefix));
    for (const std::string& key : old) db.set_metadata(key, "");
    for (const auto& [key, list] : partners) db.set_metadata(key, list);
    db.set_metadata(schema::kMetaSpellings, std::to_string(documents));
  });
  return pairs.size();
}

std::vector<std::string> spellings_of(const Xapian::Database& db, const std::string& key) {
  const std::string list = db.get_metadata(schema::kMetaSpellingPrefix + key);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < list.size();) {
    const std::size_t bar = std::min(list.find('|', i), list.size());
    out.push_back(list.substr(i, bar - i));
    i = bar + 1;
  }
  return out;
}

}  // namespace bahth
