// The term-at-a-time OR (search/flat_or.h, issue #12): every query shape the parser builds matches the same
// documents in the same order with the same weights as Xapian's own matcher, on one index and on two shards
// searched as one.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/flat_or.h"

namespace fs = std::filesystem;
using Q = Xapian::Query;

namespace {

// 400 documents of 1 to 60 words drawn from w0..w29, the low numbers most often (as words are), a source
// filter term each; one-word documents too (their only word's wdf equals their length: weight 0, a match),
// and eight of some 4,000 words, the common ones and w10..w29 once to three times (the lengths beyond those
// whose parts of DLH a scoring thread keeps in a table).
// Each has an order key in slot 7 (a few the same) and most a collapse key in slot 4: clusters of up to
// ten documents, some holding copies of one text (equal weights), some spread over both shards.
// Even documents go to shard `a`, odd ones to `b`.
void build(const fs::path& whole, const fs::path& a, const fs::path& b) {
  Xapian::WritableDatabase one(whole.string(), Xapian::DB_CREATE);
  Xapian::WritableDatabase even(a.string(), Xapian::DB_CREATE), odd(b.string(), Xapian::DB_CREATE);
  std::mt19937 random(7);
  std::mt19937_64 keys(11);
  const auto hex = [](std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return std::string(buf);
  };
  Xapian::Document previous;
  for (int n = 0; n < 400; ++n) {
    Xapian::Document doc;
    const bool copy = n % 6 == 1;  // the text of the document before, in its cluster or in another
    const bool long_one = n % 50 == 7;
    const int words = n % 25 == 0 ? 1 : long_one ? 4000 + int(random() % 400) : 1 + int(random() % 60);
    for (int k = 0; k < words && !copy; ++k) {
      const double u = double(random() % 10000) / 10000;
      doc.add_term("w" + std::to_string(int((long_one ? 10 : 30) * u * u * u)));
    }
    for (int k = 10; k < 30 && long_one; ++k) doc.add_term("w" + std::to_string(k), 1 + k % 3);
    for (auto t = previous.termlist_begin(); copy && t != previous.termlist_end(); ++t)
      if ((*t)[0] == 'w') doc.add_term(*t, t.get_wdf());
    doc.add_value(7, n % 40 == 3 ? hex(42) : hex(keys()));
    if (n % 11 != 0) doc.add_value(4, hex(n % 4 == 0 ? std::uint64_t(n % 10) : copy && n % 12 == 1 ? n - 1 : n));
    previous = doc;
    doc.add_boolean_term(n % 3 == 0 ? "XSa" : "XSb");
    one.add_document(doc);
    (n % 2 == 0 ? even : odd).add_document(doc);
  }
  one.commit();
  even.commit();
  odd.commit();
}

// The test indexes in a temporary directory: `one`, and the same documents as the shards `a` and `b`.
struct Indexes {
  fs::path dir = fs::temp_directory_path() / ("bahth-flat-or-" + std::to_string(::getpid()));
  Indexes() {
    fs::remove_all(dir);
    fs::create_directories(dir);
    build(dir / "one", dir / "a", dir / "b");
  }
  ~Indexes() { fs::remove_all(dir); }
  Xapian::Database open(const char* name) const { return Xapian::Database((dir / name).string()); }
};

Q syn(std::vector<Q> parts) { return Q(Q::OP_SYNONYM, parts.begin(), parts.end()); }
Q any(std::vector<Q> parts) { return Q(Q::OP_OR, parts.begin(), parts.end()); }

// The shapes query.h builds: a word's stem keys and forms as nested OP_SYNONYMs, its derived forms and exact
// form scaled, phrases (an AND) beside them, filters and exclusions around them.
const std::vector<std::pair<const char*, Q>>& shapes() {
  static const std::vector<std::pair<const char*, Q>> table = {
      {"one term", Q("w3")},
      {"a common term", Q("w0")},
      {"an OR of terms", any({Q("w1"), Q("w4"), Q("w9"), Q("w20")})},
      {"a scaled term", any({Q("w2"), Q(0.25, Q("w5"))})},
      {"a synonym", syn({Q("w1"), Q("w2"), Q("w7")})},
      {"nested synonyms with an absent term",
       any({syn({syn({Q("w1"), Q("w2")}), syn({Q("w3"), Q("absent")}), Q("w4")}), Q(0.3, syn({Q("w5"), Q("w6")})),
            Q(0.15, Q("w8")), Q(0.25, Q("w1"))})},
      {"a term twice", any({Q("w6"), Q("w6"), Q(0.25, Q("w6"))})},
      {"a synonym of a term twice (its wdf at most the length)", syn({Q("w0"), Q("w0"), Q("w1")})},
      {"a synonym with a boolean term (wdf 0)", any({syn({Q("XSa"), Q("w3")}), Q("w5")})},
      {"a synonym of a boolean term alone", syn({Q("XSb"), Q("absent")})},
      {"a scaled OR", Q(0.5, any({Q("w2"), Q(0.3, Q("w11"))}))},
      {"an AND beside the words", any({Q("w2"), Q("w12"), Q(Q::OP_AND, Q("w0"), Q("w13"))})},
      {"filtered", Q(Q::OP_FILTER, any({Q("w1"), Q("w10")}), Q("XSa"))},
      {"with an exclusion", Q(Q::OP_AND_NOT, any({Q("w3"), syn({Q("w4"), Q("w14")})}), Q("w0"))},
      {"only absent terms", any({Q("absent"), syn({Q("gone"), Q("missing")})})},
      {"a synonym of absent terms beside a word", any({Q("w9"), syn({Q("gone"), Q("missing")})})},
  };
  return table;
}

// Every match of `query`, by DLH; with `flat`, through with_flat_or (on several threads with `handles`).
Xapian::MSet matches(const Xapian::Database& db, const Q& query, bool flat, bahth::ScoringMemory& lengths,
                     const bahth::ScoringHandles* handles = nullptr) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::DLHWeight());
  enquire.set_query(flat ? bahth::with_flat_or(query, db, lengths, {}, handles) : query);
  return enquire.get_mset(0, db.get_doccount());
}

void same_as_xapian(const Xapian::Database& db, const bahth::ScoringHandles* handles = nullptr) {
  bahth::ScoringMemory lengths;
  for (int round = 0; round < 2; ++round) {  // the second round reads the remembered lengths
    for (const auto& [name, query] : shapes()) {
      const std::string shape = name;
      CAPTURE(shape);
      const Xapian::MSet want = matches(db, query, false, lengths), got = matches(db, query, true, lengths, handles);
      REQUIRE(got.size() == want.size());
      auto w = want.begin();
      for (auto g = got.begin(); g != got.end(); ++g, ++w) {
        CAPTURE(g.get_rank());
        CHECK(*g == *w);
        CHECK(std::abs(g.get_weight() - w.get_weight()) <= 1e-12 * std::max(1.0, w.get_weight()));
      }
    }
  }
}

// Runs `check` on the one index and on the two shards searched as one, a subcase each.
template <class Check>
void on_one_and_shards(const Indexes& indexes, Check check) {
  SUBCASE("one index") { check(indexes.open("one")); }
  SUBCASE("two shards searched as one") {
    Xapian::Database both = indexes.open("a");
    both.add_database(indexes.open("b"));
    check(both);
  }
}

}  // namespace

TEST_CASE("the term-at-a-time OR matches and weighs as Xapian's matcher, query shape by shape") {
  const Indexes indexes;
  on_one_and_shards(indexes, [](const Xapian::Database& db) { same_as_xapian(db); });
  // Each database's documents split into runs of document numbers, one thread each.
  SUBCASE("one index on three threads") {
    const Xapian::Database one = indexes.open("one");
    const bahth::ScoringHandles handles{{one.get_uuid(), {indexes.open("one"), indexes.open("one")}}};
    same_as_xapian(one, &handles);
  }
  SUBCASE("two shards on two threads each") {
    Xapian::Database both = indexes.open("a");
    both.add_database(indexes.open("b"));
    const bahth::ScoringHandles handles{{indexes.open("a").get_uuid(), {indexes.open("a")}},
                                        {indexes.open("b").get_uuid(), {indexes.open("b")}}};
    same_as_xapian(both, &handles);
  }
}

TEST_CASE("with a handle for each thread past the first, the term-at-a-time OR scores on every thread") {
  const Indexes indexes;
  const Xapian::Database db = indexes.open("one");
  const bahth::ScoringHandles handles{{db.get_uuid(), {indexes.open("one"), indexes.open("one")}}};
  std::mutex mutex;
  std::set<std::thread::id> threads;
  const auto note_thread = [&] {
    const std::lock_guard<std::mutex> lock(mutex);
    threads.insert(std::this_thread::get_id());
  };
  bahth::ScoringMemory memory;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::DLHWeight());
  enquire.set_query(bahth::with_flat_or(any({Q("w1"), Q("w2"), Q("w3")}), db, memory, note_thread, &handles));
  CHECK(enquire.get_mset(0, 10).size() == 10);
  CHECK(threads.size() == 3);
  // A handle that reads a later revision than the matcher (opened after a writer's commit) is not used:
  // one thread scores alone, at the matcher's revision.
  {
    Xapian::WritableDatabase writer((indexes.dir / "one").string());
    writer.add_document(Xapian::Document());
    writer.commit();
  }
  const bahth::ScoringHandles newer{{db.get_uuid(), {indexes.open("one")}}};
  threads.clear();
  bahth::ScoringMemory fresh;
  enquire.set_query(bahth::with_flat_or(any({Q("w1"), Q("w2"), Q("w3")}), db, fresh, note_thread, &newer));
  CHECK(enquire.get_mset(0, 10).size() == 10);
  CHECK(threads.size() == 1);
}

TEST_CASE("the term-at-a-time OR leaves a query without weighted words as it is") {
  const Indexes indexes;
  const Xapian::Database db = indexes.open("one");
  bahth::ScoringMemory lengths;
  const Q phrase_like(Q::OP_AND, Q("w0"), Q("w1"));
  CHECK(bahth::with_flat_or(phrase_like, db, lengths).get_description() == phrase_like.get_description());
  CHECK(bahth::with_flat_or(Q::MatchAll, db, lengths).get_description() == Q(Q::MatchAll).get_description());
}

TEST_CASE("a time limit stops the term-at-a-time OR between its words, and the next query starts clean") {
  const Indexes indexes;
  const Xapian::Database db = indexes.open("one");
  bahth::ScoringMemory lengths;
  int scored = 0;
  const auto stop_after_two = [&] {
    if (++scored == 2) throw std::runtime_error("time is up");
  };
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::DLHWeight());
  enquire.set_query(bahth::with_flat_or(any({Q("w1"), Q("w2"), Q("w3")}), db, lengths, stop_after_two));
  CHECK_THROWS_WITH(enquire.get_mset(0, 10), "time is up");
  CHECK(scored == 2);
  // What the stopped query had added up is gone: the next one scores afresh.
  same_as_xapian(db);
}

namespace {

// The first `depth` hits of `query` by relevance then order key, collapsed when `collapse`; through the
// term-at-a-time OR with `top` when given.
Xapian::MSet first_hits(const Xapian::Database& db, const Q& query, Xapian::doccount depth, bool collapse,
                        bahth::ScoringMemory& memory, bahth::TopSelection* top) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::DLHWeight());
  enquire.set_query(top ? bahth::with_flat_or(query, db, memory, {}, nullptr, top) : query);
  if (collapse) enquire.set_collapse_key(4);
  enquire.set_sort_by_relevance_then_value(7, false);
  return enquire.get_mset(0, depth);
}

// For every query shape, depth and collapsing, the source's choice of the first hits equals Xapian's
// matcher's over every hit, and its counts equal those of a plain count of all matches.
void chooses_as_xapian(const Xapian::Database& db, bool usable_keys = true) {
  bahth::ScoringMemory memory;  // one for every query: a search's counts must not leak into the next
  for (const auto& [name, query] : shapes()) {
    const std::string shape = name;
    // Every match, and its cluster's size among them.
    Xapian::Enquire all(db);
    all.set_weighting_scheme(Xapian::DLHWeight());
    all.set_query(query);
    const Xapian::MSet every = all.get_mset(0, db.get_doccount());
    std::map<std::string, Xapian::doccount> cluster;
    Xapian::doccount unkeyed = 0;
    for (auto m = every.begin(); m != every.end(); ++m) {
      const std::string key = m.get_document().get_value(4);
      if (key.empty()) ++unkeyed;
      else ++cluster[key];
    }
    // Only a query that is the weighted OR alone is chosen from (a filter or a phrase beside it is not).
    const bool alone = shape.find("filtered") == std::string::npos && shape.find("exclusion") == std::string::npos &&
                       shape.find("AND beside") == std::string::npos;
    for (const bool collapse : {true, false}) {
      for (const Xapian::doccount depth : {1u, 3u, 10u, 37u, 1000u}) {
        CAPTURE(shape);
        CAPTURE(collapse);
        CAPTURE(depth);
        bahth::TopSelection top(depth, collapse ? 4 : Xapian::BAD_VALUENO, 7);
        const Xapian::MSet want = first_hits(db, query, depth, collapse, memory, nullptr);
        const Xapian::MSet got = first_hits(db, query, depth, collapse, memory, &top);
        CHECK(top.applied() == (alone && usable_keys));
        REQUIRE(got.size() == want.size());
        for (auto g = got.begin(), w = want.begin(); g != got.end(); ++g, ++w) {
          CAPTURE(g.get_rank());
          CHECK(*g == *w);
          CHECK(std::abs(g.get_weight() - w.get_weight()) <= 1e-12 * std::max(1.0, w.get_weight()));
          if (top.applied() && collapse) {
            const std::string key = g.get_collapse_key();
            CHECK(top.duplicates(key) == (key.empty() ? 0 : cluster[key] - 1));
          }
        }
        if (top.applied())
          CHECK(top.matches() == (collapse ? unkeyed + cluster.size() : every.size()));
      }
    }
  }
}

}  // namespace

TEST_CASE("the term-at-a-time OR chooses the first hits, collapsed or not, as Xapian's matcher, with exact counts") {
  const Indexes indexes;
  on_one_and_shards(indexes, [](const Xapian::Database& db) { chooses_as_xapian(db); });  // clusters span shards
  // A value of another shape than bahth-index writes (an index written by something else): the matcher
  // chooses from every hit, as before.
  SUBCASE("an order key of another shape") {
    {
      Xapian::WritableDatabase writer((indexes.dir / "one").string());
      Xapian::Document doc = writer.get_document(5);
      doc.add_value(7, "not hex");
      writer.replace_document(5, doc);
      writer.commit();
    }
    chooses_as_xapian(indexes.open("one"), false);
  }
}
