#include "search/searcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <utility>

#include "index/document.h"
#include "index/shards.h"
#include "index/xapian_errors.h"
#include "index/schema.h"
#include "index/spelling_groups.h"
#include "index/synonym_table.h"
#include "index/schema_check.h"
#include "search/pair_bonus.h"
#include "search/phrase_source.h"
#include "search/related.h"
#include "search/snippet.h"
#include "text/stemmer.h"
#include "text/utf8.h"

namespace bahth {

SortOrder parse_sort_order(const std::string& s) { return parse_choice(kSortOrders, s, "--sort"); }

std::string query_label(const SearchRequest& r) {
  if (r.like.empty()) return r.query;
  return "like:" + r.like + (trim(r.query).empty() ? "" : " " + r.query);
}

namespace {

// "tcp://HOST:PORT" → a remote shard; anything else → a database directory (or stub).
Xapian::Database open_one(const std::string& where) {
  const std::string scheme = "tcp://";
  if (where.compare(0, scheme.size(), scheme) != 0) return Xapian::Database(where);
  const std::string hostport = where.substr(scheme.size());
  const std::size_t colon = hostport.rfind(':');
  const std::string port = colon == std::string::npos ? "" : hostport.substr(colon + 1);
  if (colon == std::string::npos || colon == 0 || port.empty() || port.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError("remote index '" + where + "' is not tcp://HOST:PORT");
  return Xapian::Remote::open(hostport.substr(0, colon), static_cast<unsigned>(std::stoul(port)));
}

// A dictionary of the stored data (stored_codec.h), looked up in the metadata of every shard: Xapian reads
// the metadata of a database opened from several only from the first, and each shard keeps the dictionaries
// of its own documents (shards built at different times, an index updated after a rebuild). The shards
// are opened anew for each lookup, which happens once per dictionary: a dictionary an indexer trained
// after this searcher opened the index is found too.
DictionaryLookup shard_dictionaries(const std::vector<std::string>& paths) {
  return [paths](std::uint32_t id) {
    const std::string key = dictionary_key(id);
    for (const std::string& p : paths) {
      std::vector<std::string> shards = p.compare(0, 6, "tcp://") == 0 ? std::vector<std::string>() : stub_shards(p);
      if (shards.empty()) shards.push_back(p);
      for (const std::string& shard : shards) {
        std::string dict = with_index_errors(shard, [&] { return open_one(shard).get_metadata(key); });
        if (!dict.empty()) return dict;
      }
    }
    return std::string();
  };
}

std::string joined(const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& p : paths) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

Searcher::Searcher(const std::vector<std::string>& paths) : path_(joined(paths)) {
  for (const std::string& p : paths) {
    with_index_errors(p, [&] {
      Xapian::Database one = open_one(p);
      check_schema(one, p);
      remote_ = remote_ || p.compare(0, 6, "tcp://") == 0;
      if (!remote_) {
        std::vector<std::string> shards = stub_shards(p);
        if (shards.empty()) shards.push_back(p);
        databases_.insert(databases_.end(), shards.begin(), shards.end());
      }
      db_.add_database(one);
    });
  }
  const std::string& path = path_;
  std::string stemmer = db_.get_metadata(schema::kMetaStemmer);
  if (stemmer.empty()) {
    if (db_.get_doccount() > 0)
      throw IndexError("index " + path + " was not built by bahth-index (no stemmer recorded)");
    stemmer = default_stemmer_name();
  }
  analyzer_ = std::make_unique<Analyzer>(stemmer);
  decoder_ = std::make_unique<DataDecoder>(path, shard_dictionaries(paths));
  // The analyzer chooses proclitic readings by how often the index holds each exact form (analyzer.h).
  analyzer_->set_vocabulary([this](const std::string& term) { return documents_with(term); });
}

Xapian::doccount Searcher::documents_with(const std::string& term) const {
  if (auto it = documents_with_.find(term); it != documents_with_.end()) return it->second;
  const Xapian::doccount n = db_.get_termfreq(term);
  if (documents_with_.size() >= kMaxRemembered) documents_with_.clear();
  documents_with_.emplace(term, n);
  return n;
}

void Searcher::reopen_index() const {
  if (db_.reopen()) {
    documents_with_.clear();
    families_.clear();
    memory_.clear();
    ids_.reset();
  }
}

std::string Searcher::id_of(const Xapian::MSetIterator& hit) const {
  if (remote_ || !choosing_first_hits_in_source()) return hit.get_document().get_value(schema::kSlotId);
  if (!ids_) {
    IdTable t;
    t.end.reserve(std::size_t(db_.get_lastdocid()) + 1);
    t.end.push_back(0);
    for (auto v = db_.valuestream_begin(schema::kSlotId); v != db_.valuestream_end(schema::kSlotId); ++v) {
      while (t.end.size() < v.get_docid()) t.end.push_back(t.bytes.size());  // no id
      t.bytes += *v;
      t.end.push_back(t.bytes.size());
    }
    ids_ = std::move(t);
  }
  const Xapian::docid did = *hit;
  if (did >= ids_->end.size()) return std::string();
  return ids_->bytes.substr(ids_->end[did - 1], ids_->end[did] - ids_->end[did - 1]);
}

const ScoringHandles* Searcher::scoring_handles(unsigned threads) const {
  if (threads <= 1 || remote_) return nullptr;
  if (threads != handle_threads_) {
    handles_.clear();
    for (const std::string& path : databases_) {
      std::vector<Xapian::Database> handles;
      for (unsigned n = 1; n < threads; ++n) handles.push_back(open_one(path));
      const std::string uuid = handles[0].get_uuid();
      handles_[uuid] = std::move(handles);
    }
    handle_threads_ = threads;
  }
  return &handles_;
}

// Ranking: DLH, a parameter-free Divergence From Randomness model (Terrier's default; Xapian::DLHWeight).
// Measured against our tuned BM25 (k1 = 1.2, b = 0.9) on the benchmark, all 3,102 questions, no other
// change: MRR@10 overall 0.643 → 0.672, arcd 0.590 → 0.653, mlqa-dev-ar 0.462 → 0.476, xquad-ar
// 0.783 → 0.779; Recall@100 0.890 → 0.902. Since the relevant QA paragraphs are short and the news
// distractors long, a model that only favoured short documents would score like this too (BM25 with b = 1.0
// gained 0.005), so it was checked on a known-item test over the news alone (400 articles, 4 words drawn
// from each, found among all 77k documents): MRR@10 BM25 0.801, DLH 0.812. PL2 (0.677 / 0.755), InL2
// (0.679 / 0.825), BB2 (0.665), DPH (0.632) and LM Dirichlet (0.486) were measured too.
// No parameters to tune. For comparison runs, Ranking::Model::bm25 ranks with BM25 instead (bahth-search sets
// it from $BAHTH_WEIGHT=bm25 and $BAHTH_BM25="k1,b"; the benchmark script documents both).
// BM25 was tuned before DLH replaced it: Xapian's defaults are k1 = 1, b = 0.5; MRR@10 rose with k1 up to 1.2
// and fell beyond, and rose with b up to 1.0 (stopped at 0.9: part of it is the benchmark's short relevant
// paragraphs among long news distractors).
namespace {

std::unique_ptr<Xapian::Weight> weighting(const Ranking& ranking) {
  if (ranking.model == Ranking::Model::bm25)
    return std::make_unique<Xapian::BM25Weight>(ranking.bm25_k1, 0, 1, ranking.bm25_b, 0.5);
  return std::make_unique<Xapian::DLHWeight>();
}

void set_ranking(Xapian::Enquire& enquire, const Ranking& ranking) { enquire.set_weighting_scheme(*weighting(ranking)); }

}  // namespace

namespace {

// The clauses of a query whose weights add up to a document's score: terms, phrases and scaled
// subqueries. The filtering side of OP_FILTER and the excluded side of OP_AND_NOT add no weight.
void weighted_clauses(const Xapian::Query& q, std::vector<Xapian::Query>& out) {
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM:
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_SCALE_WEIGHT:
      out.push_back(q);
      return;
    case Xapian::Query::OP_FILTER:
      // A body phrase (query.cpp): its words filtered by a PhraseSource, weighed as one clause.
      if (q.get_subquery(1).get_type() == Xapian::Query::LEAF_POSTING_SOURCE) {
        out.push_back(q);
        return;
      }
      weighted_clauses(q.get_subquery(0), out);
      return;
    case Xapian::Query::OP_AND_NOT:
      weighted_clauses(q.get_subquery(0), out);
      return;
    default:
      for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) weighted_clauses(q.get_subquery(i), out);
  }
}

// "stem", "exact", "title stem" or "title exact", from a term's prefix (longest first: "ZS" before "Z"
// and "S"), and the length of the prefix.
std::pair<const char*, std::size_t> term_field(const std::string& term) {
  static const std::pair<const char*, std::string_view> fields[] = {{"title stem", schema::kTitleStem},
                                                                    {"stem", schema::kBodyStem},
                                                                    {"title exact", schema::kTitleExact},
                                                                    {"exact", schema::kBodyExact}};
  for (const auto& [field, prefix] : fields) {
    if (term.compare(0, prefix.size(), prefix) == 0) return {field, prefix.size()};
  }
  return {"exact", 0};
}

}  // namespace

double Searcher::weight_in(const Xapian::Query& clause, const std::string& id, const Ranking& ranking) const {
  Xapian::Enquire one(db_);
  set_ranking(one, ranking);
  one.set_query(Xapian::Query(Xapian::Query::OP_FILTER, clause, Xapian::Query(schema::kId + id)));
  const Xapian::MSet m = one.get_mset(0, 1);
  return m.empty() ? -1 : m.begin().get_weight();
}

std::vector<TermContribution> Searcher::explain(const Xapian::Query& query, const std::vector<WordPair>& pairs,
                                                const Xapian::Document& doc, const std::string& id,
                                                const Ranking& ranking) const {
  std::vector<Xapian::Query> clauses;
  weighted_clauses(query, clauses);
  for (const WordPair& pair : pairs) clauses.push_back(pair_clause(pair));
  std::vector<TermContribution> out;
  for (const Xapian::Query& clause : clauses) {
    // Each clause on its own, with the same weighting and collection statistics, filtered to this one
    // document: Xapian adds the clauses' weights, so these add up to the hit's score.
    const double weight = weight_in(clause, id, ranking);
    if (weight < 0) continue;  // the clause does not match this document
    TermContribution c;
    c.weight = weight;
    Xapian::Query inner = clause;
    if (clause.get_type() == Xapian::Query::OP_SCALE_WEIGHT) {
      inner = clause.get_subquery(0);
      const double unscaled = weight_in(inner, id, ranking);
      if (unscaled > 0) c.scale = weight / unscaled;
    }
    if (inner.get_type() == Xapian::Query::LEAF_TERM || inner.get_type() == Xapian::Query::OP_SYNONYM) {
      // A term, or a stem key with the exact term that stands for it (query.cpp: stem_query), shown as the
      // key; a word with its other forms (word_family.h) is the synonym of its own key's query, first, and
      // theirs: shown as its own key, with the forms the hit holds.
      const Xapian::Query head = inner.get_type() == Xapian::Query::OP_SYNONYM ? inner.get_subquery(0) : inner;
      for (auto t = head.get_terms_begin(); t != head.get_terms_end(); ++t) {
        if (c.term.empty() || term_field(*t).second > term_field(c.term).second) c.term = *t;
      }
      for (auto t = inner.get_terms_begin(); t != inner.get_terms_end(); ++t) {
        Xapian::TermIterator dt = doc.termlist_begin();
        dt.skip_to(*t);
        if (dt == doc.termlist_end() || *dt != *t) continue;
        c.wdf += dt.get_wdf();
        const std::string term = *t;
        std::string form = term.substr(term_field(term).second);
        if (std::find(c.forms.begin(), c.forms.end(), form) == c.forms.end()) c.forms.push_back(std::move(form));
      }
      const auto [field, prefix] = term_field(c.term);
      c.field = field;
      c.word = c.term.substr(prefix);
      if (inner.get_type() == Xapian::Query::LEAF_TERM) {
        c.docs = db_.get_termfreq(c.term);
      } else {
        Xapian::Enquire count(db_);
        count.set_weighting_scheme(Xapian::BoolWeight());
        count.set_query(inner);
        c.docs = count.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
      }
    } else {
      // A phrase (or another compound clause): its words in order, in the field of its first term. A body
      // phrase or a pair is the AND of its words, filtered.
      if (inner.get_type() == Xapian::Query::OP_FILTER) inner = inner.get_subquery(0);
      bool title = false;
      for (std::size_t i = 0; i < inner.get_num_subqueries(); ++i) {  // in order (get_terms_begin sorts)
        const Xapian::Query part = inner.get_subquery(i);
        if (part.get_terms_begin() == part.get_terms_end()) continue;
        const std::string term = *part.get_terms_begin();
        const auto [field, prefix] = term_field(term);
        if (c.term.empty()) title = std::string_view(field).substr(0, 5) == "title";
        c.term += (c.term.empty() ? "" : " ") + term;
        c.word += (c.word.empty() ? "" : " ") + term.substr(prefix);
      }
      c.field = title ? "title phrase" : "phrase";
    }
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TermContribution& a, const TermContribution& b) { return a.weight > b.weight; });
  return out;
}

namespace {

// Documents whose value in `slot` lies in [from, to]; an empty bound does not bound.
Xapian::Query value_range(Xapian::valueno slot, const std::string& from, const std::string& to) {
  return to.empty()     ? Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, from)
         : from.empty() ? Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, to)
                        : Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, from, to);
}

// Stops a match that runs over SearchRequest::time_limit. Xapian calls it for every document the matcher
// looks at; it reads the clock on the first and then every 64th, and throws out of get_mset when the
// deadline has passed (Xapian's own set_time_limit only shortens the optional check_at_least pass).
class DeadlineSpy : public Xapian::MatchSpy {
 public:
  DeadlineSpy(std::chrono::steady_clock::time_point deadline, double limit) : deadline_(deadline), limit_(limit) {}
  void operator()(const Xapian::Document&, double) override {
    if (calls_++ % 64 == 0) check();
  }
  // Throws once the deadline has passed.
  void check() const {
    if (std::chrono::steady_clock::now() > deadline_) {
      char limit[32];
      std::snprintf(limit, sizeof limit, "%g", limit_);
      throw QueryError(std::string("query ran longer than ") + limit + " s and was stopped");
    }
  }

 private:
  std::chrono::steady_clock::time_point deadline_;
  double limit_;
  unsigned calls_ = 0;
};

}  // namespace

namespace {

// A hit on its way to the result: its score with the pair bonus, and the order the search asked for.
struct Ranked {
  Xapian::MSetIterator it;
  double score = 0;
  std::string key;             // the sort key: the publication date by date, else the order hash (ties)
  int date_order = 0;          // by date: -1 newest first, 1 oldest first; 0 by relevance
  std::vector<WordPair> pairs; // the query's neighbouring words that stand together in the hit
  // The score to ten decimals: Xapian sums the weights of a stem's synonym in another order over shards
  // than over one index, which moves the last bit (relative 4e-16, measured); ties must stay ties.
  long long rounded() const { return std::llround(score * 1e10); }
  // As Xapian orders: by date then score, or by score then the order hash.
  bool operator<(const Ranked& o) const {
    if (date_order != 0 && key != o.key) return date_order < 0 ? key > o.key : key < o.key;
    if (rounded() != o.rounded()) return rounded() > o.rounded();
    return date_order == 0 && key < o.key;
  }
};

// The hits of `mset` from `offset`, at most `limit`, in the order of `sort`, the kPairDepth best with the
// pair bonus when the query has neighbouring words (the others cannot pass them: a bonus only adds).
std::vector<Ranked> ranked_hits(const Xapian::Database& db, const Xapian::Weight& weight, const Xapian::MSet& mset,
                                const std::vector<WordPair>& pairs, const HitTexts& texts, SortOrder sort,
                                Xapian::doccount offset, Xapian::doccount limit) {
  std::vector<Ranked> out;
  const int date_order = sort == SortOrder::newest ? -1 : sort == SortOrder::oldest ? 1 : 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(Ranked{it, it.get_weight(), it.get_sort_key(), date_order, {}});
  const std::vector<PairMatch> bonus = pair_bonuses(db, weight, mset, kPairDepth, pairs, texts);
  for (std::size_t k = 0; k < bonus.size(); ++k) {
    out[k].score += bonus[k].bonus;
    for (std::size_t p : bonus[k].pairs) out[k].pairs.push_back(pairs[p]);
  }
  std::stable_sort(out.begin(), out.end());
  out.erase(out.begin(), out.begin() + std::min<std::size_t>(offset, out.size()));
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace

Xapian::Query Searcher::phrase_documents(const std::vector<std::string>& terms, bool title) const {
  std::vector<std::string> words;  // the terms of the field the phrase must stand in
  for (const std::string& t : terms) words.push_back((title ? schema::kTitleExact : schema::kBodyExact) + t);
  Xapian::Enquire candidates(db_);
  candidates.set_weighting_scheme(Xapian::BoolWeight());
  candidates.set_query(Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
  const Xapian::MSet all = candidates.get_mset(0, db_.get_doccount());
  std::vector<Xapian::Query> ids;
  std::string id;
  for (auto it = all.begin(); it != all.end(); ++it)
    if (holds_phrase(db_, *it, terms, title, &id) && !id.empty()) ids.emplace_back(id);
  return ids.empty() ? Xapian::Query::MatchNothing : Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end());
}

Xapian::Query Searcher::filtered_query(const SearchRequest& req, ParsedQuery& parsed, std::string& copies) const {
  const bool like = !req.like.empty();
  if (trim(req.query).empty() && (like || !req.facets.empty() || req.exact_count)) parsed.query = Xapian::Query::MatchAll;
  else {
    // One look at the synonym table a query when it is empty (most indexes), one a plain word otherwise.
    SynonymLookup synonyms;
    if (db_.synonym_keys_begin() != db_.synonym_keys_end())
      synonyms = [this](const std::string& word) { return synonyms_of(db_, word); };
    PhraseFilter phrases;
    if (remote_) phrases = [this](const auto& t, bool title) { return phrase_documents(t, title); };
    const SpellingLookup spellings = [this](const std::string& key) { return spellings_of(db_, key); };
    const FamilyLookup families = [this](const std::string& key, const KeyFrequency& frequency) -> const WordFamily& {
      if (auto it = families_.find(key); it != families_.end()) return it->second;
      if (families_.size() >= kMaxFamilies) families_.clear();
      return families_.emplace(key, word_family(key, frequency)).first->second;
    };
    parsed = parse_query(req.query, *analyzer_, req.today, phrases, synonyms, spellings, families);
  }
  Xapian::Query query = parsed.query;
  if (like) {  // related articles (search/related.h), kept by the query if there is one: it filters, they rank
    RelatedQuery related = related_query(db_, *analyzer_, req.like);
    query = trim(req.query).empty() ? related.query : Xapian::Query(Xapian::Query::OP_FILTER, related.query, query);
    if (trim(req.query).empty()) parsed.match = std::move(related.match);
    parsed.pairs.clear();
    copies = std::move(related.cluster);
  }
  if (!req.from.empty() || !req.to.empty())
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, value_range(schema::kSlotDate, req.from, req.to));
  if (!req.added_from.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotAdded, req.added_from));
    if (!req.added_seen.empty()) {
      std::vector<Xapian::Query> ids;
      for (const std::string& id : req.added_seen) ids.emplace_back(schema::kId + id);
      const Xapian::Query seen(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()),
                               value_range(schema::kSlotAdded, req.added_from, req.added_from));
      query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, seen);
    }
  }
  // "Added after T" is "added at or after the smallest string above T": T + '\0'. Articles without an added
  // time stay (an empty value is no value to Xapian).
  if (req.added_through)
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                          Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotAdded, *req.added_through + '\0'));
  return query;
}

std::vector<std::string> Searcher::matching_ids(const SearchRequest& req) const {
  std::vector<std::string> ids;
  with_index_errors(path_, [&] {
    for (int attempt = 0;; ++attempt) {
      try {
        ParsedQuery parsed;
        std::string copies;
        Xapian::Enquire enquire(db_);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_query(filtered_query(req, parsed, copies));
        Xapian::ValueSetMatchDecider not_copies(schema::kSlotDuplicate, false);
        if (!copies.empty()) not_copies.add_value(copies);
        const Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount(), 0, nullptr, copies.empty() ? nullptr : &not_copies);
        ids.clear();
        const std::size_t prefix = std::string_view(schema::kId).size();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
          for (const std::string& term : terms_with_prefix(it.get_document(), schema::kId)) ids.push_back(term.substr(prefix));
        }
        return;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= 3) throw;
        reopen_index();
      }
    }
  });
  return ids;
}

std::string Searcher::latest_added() const {
  return with_index_errors(path_, [&] { return db_.get_value_upper_bound(schema::kSlotAdded); });
}

std::optional<StoredArticle> Searcher::article(const std::string& id) const {
  return with_index_errors(path_, [&]() -> std::optional<StoredArticle> {
    for (int attempt = 0;; ++attempt) {
      try {
        if (id.empty() || id.size() > kMaxIdBytes) return std::nullopt;  // no such id was ever indexed
        const std::string term = schema::kId + id;
        Xapian::PostingIterator p = db_.postlist_begin(term);
        if (p == db_.postlist_end(term)) return std::nullopt;
        return read_stored(db_.get_document(*p), *decoder_);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= 3) throw;
        reopen_index();
      }
    }
  });
}

void Searcher::reopen() const {
  with_index_errors(path_, [&] { reopen_index(); });
}

SearchResult Searcher::search(const SearchRequest& req) const {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                                std::chrono::duration<double>(req.time_limit));
  SearchResult result;
  with_index_errors(path_, [&] {
    for (int attempt = 0;; ++attempt) {
      try {
        // Parsed inside the retry loop: the analyzer reads the index's vocabulary (analyzer.h).
        ParsedQuery parsed;
        std::string copies;  // --like: the article's duplicate cluster, left out by a decider (search/related.h)
        Xapian::Query query = filtered_query(req, parsed, copies);
        Xapian::ValueSetMatchDecider not_copies(schema::kSlotDuplicate, false);
        if (!copies.empty()) not_copies.add_value(copies);
        const Xapian::MatchDecider* decider = copies.empty() ? nullptr : &not_copies;
        if (req.strict_syntax && !parsed.repaired.empty()) throw QueryError(parsed.repaired);
        result.warnings = parsed.warnings;
        std::optional<DeadlineSpy> deadline_spy;
        if (req.time_limit > 0) deadline_spy.emplace(deadline, req.time_limit);
        // Facets and --count: exact counts of every matching article (copies too), without collapsing and
        // without weights. Over the whole index they are the term frequencies of the date, source and
        // category terms; otherwise one unweighted pass over the matches with counting spies.
        std::optional<Xapian::doccount> exact;
        if (!req.facets.empty() || req.exact_count) {
          const bool whole_index = trim(req.query).empty() && req.like.empty() && req.from.empty() && req.to.empty() &&
                                   req.added_from.empty() && !req.added_through;
          if (whole_index) {
            result.facets = facets_from_terms(db_, req.facets);
            exact = db_.get_doccount();
          } else {
            FacetCollector facets(req.facets);  // outlives the Enquire it is attached to
            Xapian::Enquire count(db_);
            count.set_weighting_scheme(Xapian::BoolWeight());
            count.set_query(query);
            facets.attach(count);
            if (deadline_spy) count.add_matchspy(&*deadline_spy);
            exact = count.get_mset(0, 0, db_.get_doccount(), nullptr, decider).get_matches_estimated();
            if (!facets.empty()) result.facets = facets.results();
          }
        }
        Xapian::Enquire enquire(db_);
        set_ranking(enquire, req.ranking);
        // DLH's OR of words scored a term at a time (flat_or.h): the same hits and weights, less time.
        const bool flat = req.ranking.model != Ranking::Model::bm25 && !remote_;
        std::function<void()> in_time;
        if (deadline_spy) in_time = [&] { deadline_spy->check(); };
        // The hits up to the page's end (with neighbouring words, at least the kPairDepth best, which get
        // the pair bonus: pair_bonus.h), ordered again; then the page.
        const auto offset = static_cast<Xapian::doccount>(req.offset), limit = static_cast<Xapian::doccount>(req.limit);
        const Xapian::doccount depth = limit == 0 ? 0 : parsed.pairs.empty() ? offset + limit : std::max(offset + limit, kPairDepth);
        // By relevance with nothing but the OR to match, the source chooses those hits itself in a process
        // that answers many queries (flat_or.h).
        std::optional<TopSelection> top;
        if (flat && req.sort == SortOrder::relevance && !decider && depth > 0 && choosing_first_hits_in_source())
          top.emplace(depth, req.collapse ? schema::kSlotDuplicate : Xapian::BAD_VALUENO, schema::kSlotOrder);
        enquire.set_query(flat ? with_flat_or(query, db_, memory_, in_time, scoring_handles(req.scoring_threads),
                                              top ? &*top : nullptr)
                               : query);
        if (req.collapse) enquire.set_collapse_key(schema::kSlotDuplicate);
        if (deadline_spy) enquire.add_matchspy(&*deadline_spy);
        // Equal scores (DLH gives them to documents with the same counts and length) are ordered by a hash of
        // the article's id, not by document number: numbers interleave differently in a sharded index, which
        // must rank exactly like one index; and nothing that depends on where the files lie may decide.
        if (req.sort != SortOrder::relevance)
          enquire.set_sort_by_value_then_relevance(schema::kSlotDate, req.sort == SortOrder::newest);
        else
          enquire.set_sort_by_relevance_then_value(schema::kSlotOrder, false);
        const Xapian::MSet mset = enquire.get_mset(0, depth, 0, nullptr, decider);
        const bool chosen = top && top->applied();  // then its counts are exact, the matcher's are not
        result.estimated = exact ? *exact : chosen ? top->matches() : mset.get_matches_estimated();
        // The stored articles of the hits, read once: with snippets, the pair bonus reads the words of the
        // best ones (pair_bonus.h), and their snippets the same words.
        struct Read {
          StoredArticle stored;
          HitText words;
          bool analysed = false;
        };
        std::map<Xapian::docid, Read> read;
        const auto read_hit = [&](const Xapian::MSetIterator& it) -> Read& {
          auto [r, added] = read.try_emplace(*it);
          if (added) r->second.stored = read_stored(it.get_document(), *decoder_);
          return r->second;
        };
        // The kPairDepth best hits stay ahead of the others (a bonus only adds), so a page from there on
        // shows none of them: their bonus then reads their position lists, not their articles.
        HitTexts texts;
        if (req.stored && req.snippets && offset < kPairDepth) {
          texts = [&](Xapian::doccount h) -> const HitText* {
            Read& r = read_hit(mset[h]);
            if (r.stored.text.size() > kMaxSnippetSourceBytes) return nullptr;  // its position list costs less
            if (!r.analysed) {
              r.words.title = analyzer_->tokenize(r.stored.title);
              r.words.text = analyzer_->tokenize(r.stored.text);
              r.words.id = r.stored.id;
              r.analysed = true;
            }
            return &r.words;
          };
        }
        const std::vector<Ranked> ranked =
            ranked_hits(db_, *weighting(req.ranking), mset, parsed.pairs, texts, req.sort, offset, limit);
        WordMatches known;  // the snippets' word forms, which the hits' words in `read` hold
        result.hits.clear();
        std::size_t rank = req.offset;
        for (const Ranked& r : ranked) {
          const Xapian::MSetIterator& it = r.it;
          Hit h;
          h.rank = ++rank;
          h.score = r.score;
          h.duplicates = !req.collapse ? 0 : chosen ? top->duplicates(it.get_collapse_key()) : it.get_collapse_count();
          if (!req.stored) {
            h.id = id_of(it);
            if (req.explain) h.explain = explain(query, r.pairs, it.get_document(), h.id, req.ranking);
            result.hits.push_back(std::move(h));
            continue;
          }
          Read& article = read_hit(it);
          StoredArticle& stored = article.stored;
          h.id = std::move(stored.id);
          h.title = std::move(stored.title);
          h.date = std::move(stored.date);
          h.source = std::move(stored.source);
          h.url = std::move(stored.url);
          h.category = std::move(stored.category);
          if (req.snippets)
            h.snippet = article.analysed
                            ? make_snippet(stored.text, article.words.text, parsed.match, *analyzer_, req.snippet_chars,
                                           &known)
                            : make_snippet(stored.text, parsed.match, *analyzer_, req.snippet_chars);
          if (req.explain) h.explain = explain(query, r.pairs, it.get_document(), h.id, req.ranking);
          result.hits.push_back(std::move(h));
        }
        return;
      } catch (const Xapian::DatabaseModifiedError&) {
        // A writer committed while we read: reopen at the new revision and run the query again.
        if (attempt >= 3) throw;
        reopen_index();
      }
    }
  });
  return result;
}

}  // namespace bahth
