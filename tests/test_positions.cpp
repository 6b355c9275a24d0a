// Positions in a value slot (index/positions.h) and the phrase queries that read them
// (search/phrase_source.h), issue #12: the encoding, the ranks a termlist gives, and — the bar the issue
// sets — every phrase result, over title and body and over the title alone (title:"…"), equal to a plain
// scan of the stored texts, on corpus/ and, when ../shared is present, on 3,000 real news articles.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/document.h"
#include "index/positions.h"
#include "index/schema.h"
#include "ingest/reader.h"
#include "search/flat_or.h"
#include "search/pair_bonus.h"
#include "search/query.h"
#include "search/searcher.h"
#include "text/analyzer.h"

namespace fs = std::filesystem;
using bahth::kNoRank;

TEST_CASE("a position list encodes every term's positions and decodes them by rank") {
  bahth::PositionListBuilder b;
  b.add("في", 2);
  b.add("بيروت", 3);
  b.add("بيروت", 9);
  b.add("بيروت", 300);  // a gap of more than one varint byte
  b.add("2022", 5);
  const std::string v = b.encode(3);
  // In byte order: "2022" (rank 0), "بيروت" (1), "في" (2).
  const auto got = bahth::decode_positions(v, {1, 0, 2, kNoRank});
  CHECK(got.title_words == 3);
  CHECK(got.lists[0] == std::vector<Xapian::termpos>{3, 9, 300});
  CHECK(got.lists[1] == std::vector<Xapian::termpos>{5});
  CHECK(got.lists[2] == std::vector<Xapian::termpos>{2});
  CHECK(got.lists[3].empty());
  CHECK(bahth::decode_positions(v, {7}).lists[0].empty());                  // no such entry
  CHECK(bahth::decode_positions(v.substr(0, 4), {2}).lists[0].empty());     // a truncated value never throws
  CHECK(bahth::decode_positions("\xff\xff", {0}).lists[0].empty());         // nor does a damaged one
  CHECK(bahth::decode_positions("", {0}).title_words == 0);
  CHECK(bahth::decode_positions(v + "x", {2}).lists[0].empty());           // nor does one too long
  // A gap of 2^32 before the body: its one word would stand past the last position Xapian counts to.
  const std::string far("\x00\x80\x80\x80\x80\x10\x01\x01\x00", 9);
  CHECK(bahth::decode_positions(far, {0}).lists[0].empty());
}

TEST_CASE("a position list takes about a byte a word when most words occur once") {
  // A title of 10 words and a body of 240, 200 distinct words: a code of 8 bits each, and a header.
  bahth::PositionListBuilder b;
  for (Xapian::termpos p = 1; p <= 250; ++p) b.add("w" + std::to_string(p % 200), p <= 10 ? p : p + 100);
  const std::string v = b.encode(10);
  CHECK(v.size() <= 250 + 8);
  const auto got = bahth::decode_positions(v, {0, 199});  // "w0" and "w99": byte order
  CHECK(got.title_words == 10);
  CHECK(got.lists[0] == std::vector<Xapian::termpos>{300});  // word 200 of the 250
  CHECK(got.lists[1] == std::vector<Xapian::termpos>{199});  // word 99
}

TEST_CASE("ranks count exact terms only, in the termlist's order") {
  Xapian::Document doc;
  for (const char* t : {"Qid-1", "Zبيروت", "XSsite", "بيروت", "في", "2022", "Sبيروت"}) doc.add_term(t);
  std::string id;
  const auto ranks = bahth::exact_term_ranks(doc.termlist_begin(), doc.termlist_end(),
                                             {"في", "بيروت", "غائب", "2022"}, bahth::schema::kId, &id);
  CHECK(ranks == std::vector<std::size_t>{2, 1, kNoRank, 0});
  CHECK(id == "Qid-1");
}

TEST_CASE("a phrase occurs where its words stand in a run") {
  using L = std::vector<std::vector<Xapian::termpos>>;
  CHECK(bahth::phrase_occurs(L{{1, 7}, {8}}));
  CHECK(bahth::phrase_occurs(L{{4}, {5}, {6}}));
  CHECK_FALSE(bahth::phrase_occurs(L{{4}, {6}}));
  CHECK_FALSE(bahth::phrase_occurs(L{{5}, {4}}));       // order matters
  CHECK_FALSE(bahth::phrase_occurs(L{{4}, {}}));
  CHECK(bahth::phrase_occurs(L{{3, 5}, {4, 6}, {3, 5}}));  // "a b a"
  // Within the first `last` positions (the title): the run must end there.
  CHECK(bahth::phrase_occurs(L{{4}, {5}, {6}}, 6));
  CHECK_FALSE(bahth::phrase_occurs(L{{4}, {5}, {6}}, 5));
  CHECK(bahth::phrase_occurs(L{{1, 9}, {2, 10}}, 2));
  CHECK_FALSE(bahth::phrase_occurs(L{{2, 9}, {3, 10}}, 2));
  CHECK_FALSE(bahth::phrase_occurs(L{{1}, {2}, {3}}, 1));
  CHECK_FALSE(bahth::phrase_occurs(L{{1}, {2}}, 0));      // no title
}

namespace {

struct Indexed {
  std::vector<bahth::Article> articles;
  fs::path dir;
};

// corpus/ and, when present, the first 3,000 articles of ../shared's news, indexed as bahth-index would.
const Indexed& sample() {
  static Indexed s = [] {
    Indexed out;
    out.dir = fs::temp_directory_path() / ("bahth-positions-" + std::to_string(::getpid()));
    fs::remove_all(out.dir);
    std::vector<std::string> inputs{std::string(BAHTH_TEST_DATA_DIR) + "/../../corpus"};
    const std::string news = std::string(BAHTH_SHARED_DIR) + "/data/news/ant.jsonl.gz";
    bahth::ReadCallbacks cb;
    cb.article = [&](bahth::Article&& a) {
      if (out.articles.size() < 3005) out.articles.push_back(std::move(a));
    };
    cb.problem = [](const std::string&) {};
    bahth::read_inputs(inputs, cb);
    if (fs::exists(news)) bahth::read_inputs({news}, cb);
    const bahth::Analyzer analyzer("light");
    Xapian::WritableDatabase db(out.dir.string(), Xapian::DB_CREATE);
    db.set_metadata(bahth::schema::kMetaStemmer, "light");
    db.set_metadata(bahth::schema::kMetaSchema, bahth::schema::kSchemaVersion);
    for (const bahth::Article& a : out.articles)
      db.replace_document(bahth::schema::kId + a.id, bahth::build_document(a, analyzer, bahth::content_hash(a, analyzer)));
    db.commit();
    return out;
  }();
  // Removed when the process ends: each test case that reads it may run in the same process.
  static const struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  } cleanup{s.dir};
  return s;
}

bool holds_run(const std::vector<bahth::Token>& text, const std::vector<std::string>& words) {
  for (std::size_t i = 0; i + words.size() <= text.size(); ++i) {
    bool all = true;
    for (std::size_t k = 0; k < words.size() && all; ++k) all = text[i + k].form == words[k];
    if (all) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the pair bonus finds the same pairs in a hit's stored words as in its position list, and a plain scan agrees") {
  const Indexed& s = sample();
  const bahth::Analyzer analyzer("light");
  std::map<std::string, bahth::HitText> texts;  // by id
  for (const bahth::Article& a : s.articles) texts[a.id] = {analyzer.tokenize(a.title), analyzer.tokenize(a.text), a.id};
  const auto stands_together = [](const bahth::HitText& t, const bahth::WordPair& p) {
    return holds_run(t.title, {p.first, p.second}) || holds_run(t.text, {p.first, p.second});
  };
  Xapian::Database db(s.dir.string());
  std::mt19937 rng(7);
  std::size_t together = 0, apart = 0;
  for (int n = 0; n < 200; ++n) {
    // Three pairs: two neighbours of a text, one of them reversed (it stands together far less often), and
    // a title's last word with its body's first (never together: a gap stands between the fields).
    const bahth::HitText& t = texts[s.articles[rng() % s.articles.size()].id];
    if (t.text.size() < 2 || t.title.empty()) continue;
    const std::size_t at = rng() % (t.text.size() - 1);
    const std::vector<bahth::WordPair> pairs{{t.text[at].form, t.text[at + 1].form},
                                             {t.text[at + 1].form, t.text[at].form},
                                             {t.title.back().form, t.text.front().form}};
    std::vector<Xapian::Query> words;
    for (const bahth::WordPair& p : pairs) words.insert(words.end(), {Xapian::Query(p.first), Xapian::Query(p.second)});
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::DLHWeight());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
    const Xapian::MSet mset = enquire.get_mset(0, 30);
    std::vector<std::string> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(it.get_document().get_value(bahth::schema::kSlotId));
    const bahth::HitTexts stored = [&](Xapian::doccount h) { return &texts.at(ids[h]); };
    const auto from_lists = bahth::pair_bonuses(db, Xapian::DLHWeight(), mset, 30, pairs);
    const auto from_words = bahth::pair_bonuses(db, Xapian::DLHWeight(), mset, 30, pairs, stored);
    REQUIRE(from_lists.size() == from_words.size());
    for (std::size_t h = 0; h < from_words.size(); ++h) {
      INFO("pair " << pairs[0].first << " " << pairs[0].second << ", hit " << ids[h]);
      CHECK(from_words[h].pairs == from_lists[h].pairs);
      CHECK(from_words[h].bonus == from_lists[h].bonus);
      std::vector<std::size_t> scan;
      for (std::size_t k = 0; k < pairs.size(); ++k)
        if (stands_together(texts.at(ids[h]), pairs[k])) scan.push_back(k);
      CHECK(from_words[h].pairs == scan);
      (from_words[h].pairs.empty() ? apart : together) += 1;
    }
  }
  CHECK(together >= 200);  // every drawn pair stands together in its own article at least
  CHECK(apart >= 200);
}

TEST_CASE("every phrase finds exactly the articles whose title or body holds it, title: those whose title does (a plain scan)") {
  const Indexed& s = sample();
  const bahth::Analyzer analyzer("light");
  std::vector<std::vector<bahth::Token>> titles, bodies;
  for (const bahth::Article& a : s.articles) {
    titles.push_back(analyzer.tokenize(a.title));
    bodies.push_back(analyzer.tokenize(a.text));
  }
  // Phrases of 2 to 4 words drawn from the texts (seeded), and the title's last word with the body's first:
  // a phrase never spans the two.
  std::mt19937 rng(12);
  std::vector<std::string> phrases;
  for (int n = 0; n < 300; ++n) {
    const std::size_t d = rng() % s.articles.size();
    const auto& words = n % 5 == 0 ? titles[d] : bodies[d];
    const std::size_t len = 2 + rng() % 3;
    if (words.size() < len) continue;
    const std::size_t at = rng() % (words.size() - len + 1);
    std::string p;
    for (std::size_t k = 0; k < len; ++k) p += (k ? " " : "") + words[at + k].form;
    phrases.push_back(p);
  }
  for (std::size_t d = 0; d < 20 && d < s.articles.size(); ++d)
    if (!titles[d].empty() && !bodies[d].empty()) phrases.push_back(titles[d].back().form + " " + bodies[d].front().form);

  bahth::Searcher searcher(s.dir.string());
  std::size_t found = 0, found_in_titles = 0;
  for (const std::string& p : phrases) {
    std::vector<std::string> words;
    for (const bahth::Token& t : analyzer.tokenize(p)) words.push_back(t.form);
    std::set<std::string> scan, title_scan;
    for (std::size_t d = 0; d < s.articles.size(); ++d) {
      if (holds_run(titles[d], words)) title_scan.insert(s.articles[d].id);
      if (holds_run(titles[d], words) || holds_run(bodies[d], words)) scan.insert(s.articles[d].id);
    }
    const auto search = [&](const std::string& query) {
      bahth::SearchRequest req;
      req.query = query;
      const std::vector<std::string> ids = searcher.matching_ids(req);
      return std::set<std::string>(ids.begin(), ids.end());
    };
    INFO("phrase: " << p);
    const std::set<std::string> got = search("\"" + p + "\""), in_titles = search("title:\"" + p + "\"");
    CHECK(got == scan);
    CHECK(in_titles == title_scan);
    found += got.size();
    found_in_titles += in_titles.size();
  }
  CHECK(found >= phrases.size() - 20);  // the drawn phrases find at least their own article
  CHECK(found_in_titles >= 60 - 5);     // so do the fifth drawn from titles
}

TEST_CASE("a phrase scored as one source, alone or weighed with the words and phrases OR'ed with it or required beside them, finds the hits of Xapian's phrase filter with the same weights, all and the top 10") {
  const Indexed& s = sample();
  const bahth::Analyzer analyzer("light");
  const Xapian::Database db(s.dir.string());
  bahth::ScoringMemory memory;
  std::mt19937 rng(13);
  std::vector<std::string> queries;
  for (int n = 0; queries.size() < 240 && n < 2000; ++n) {
    const bahth::Article& a = s.articles[rng() % s.articles.size()];
    const std::vector<bahth::Token> words = analyzer.tokenize(n % 4 == 0 ? a.title : a.text);
    if (words.size() < 4) continue;
    const std::size_t at = rng() % (words.size() - 2);
    const std::string p = "\"" + words[at].form + " " + words[at + 1].form + "\"";
    const std::string other = words[(at + 3) % words.size()].form;
    // A second phrase: most often one that the article holds, sometimes two words in the wrong order.
    const std::string second = "\"" + words[(at + 3 + n % 2) % words.size()].form + " " +
                               words[(at + 4 - n % 2) % words.size()].form + "\"";
    const std::string kinds[] = {p, p + " " + other, "title:" + p + " " + other, p + " " + second + " " + other,
                                 "+" + p + " " + other, "+" + p + " " + other + " " + second};
    queries.push_back(kinds[n % 6]);
  }
  const auto run = [&](const Xapian::Query& q, Xapian::doccount n) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::DLHWeight());
    enquire.set_query(q);
    return enquire.get_mset(0, n);
  };
  std::size_t found = 0, weighed_with_others = 0, required = 0;
  for (const std::string& text : queries) {
    INFO("query: " << text);
    const Xapian::Query q = bahth::parse_query(text, analyzer, {}).query;
    const Xapian::Query flat = bahth::with_flat_or(q, db, memory);
    // A phrase alone is a source of its own; beside words (not stop words) the OR's source weighs it.
    const std::string shape = flat.get_description();
    const bool weighed_with_words = shape.find(" phrases)") != std::string::npos;
    CHECK((weighed_with_words || shape.find("WeightedPhraseSource(") != std::string::npos));
    weighed_with_others += weighed_with_words;
    if (q.get_type() == Xapian::Query::OP_AND_MAYBE) {  // a required phrase beside words: one source too
      ++required;
      CHECK(weighed_with_words);
    }
    for (const Xapian::doccount n : {Xapian::doccount(10), db.get_doccount()}) {
      const Xapian::MSet want = run(q, n), got = run(flat, n);
      REQUIRE(got.size() == want.size());
      for (auto g = got.begin(), w = want.begin(); g != got.end(); ++g, ++w) {
        CHECK(*g == *w);
        CHECK(std::abs(g.get_weight() - w.get_weight()) <= 1e-12 * std::max(1.0, w.get_weight()));
      }
      found += got.size();
    }
  }
  CHECK(found >= queries.size());  // each finds its own article at least
  CHECK(weighed_with_others >= queries.size() / 2);
  // +"…" beside a word (not a stop word, which the query drops: the phrase is then alone) in a third of
  // the queries: 71 of the 240 here.
  CHECK(required >= 60);
}
