// The stored data's compression (index/stored_codec.h): dictionaries trained on articles, the JSON of older
// indexes read as it is, and a missing dictionary refused (issue #12).
#include <doctest/doctest.h>

#include <xapian.h>

#include "base/errors.h"
#include "index/document.h"
#include "index/stored_codec.h"

using namespace bahth;

namespace {

// `n` stored articles that differ in their words and numbers, as a news archive does.
std::vector<std::string> articles(std::size_t n) {
  const char* words[] = {"الرئيس", "الحكومة", "وزير", "الخارجية", "مجلس", "الأمن", "النفط", "أسعار", "السعودية",
                         "مصر", "قال", "إن", "المفاوضات", "مستمرة", "اليوم", "الاقتصاد"};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    Article a;
    a.id = "doc-" + std::to_string(i);
    a.title = std::string(words[i % 16]) + " " + words[(i * 7) % 16] + " " + std::to_string(i);
    for (std::size_t w = 0; w < 120; ++w) a.text += std::string(words[(i * 31 + w * w) % 16]) + (w % 9 ? " " : "، ");
    a.source = i % 2 ? "الجزيرة نت" : "alarabiya";
    a.url = "https://example.com/news/" + std::to_string(i * 977);
    out.push_back(stored_data(a));
  }
  return out;
}

std::string trained(std::size_t n) {
  DictionaryTrainer t;
  for (std::string& s : articles(n)) t.add(std::move(s));
  return t.train();
}

}  // namespace

TEST_CASE("stored data: Arabic articles round trip through a dictionary, smaller than their JSON") {
  const std::string dict = trained(kDictionaryMinSamples);
  REQUIRE(!dict.empty());
  const DataCompressor zstd(dict);
  int lookups = 0;
  const DataDecoder decoder("/idx", [&](std::uint32_t id) {
    ++lookups;
    return id == zstd.id() ? dict : std::string();
  });
  std::size_t json = 0, packed = 0;
  for (const std::string& data : articles(kDictionaryMinSamples + 50)) {  // 50 the dictionary never saw
    const std::string z = zstd.compress(data);
    CHECK(is_compressed(z));
    CHECK(decoder.decode(z) == data);
    json += data.size();
    packed += z.size();
  }
  CHECK(packed * 4 < json);
  CHECK(lookups == 1);  // looked up once, then kept

  Xapian::Document doc;
  set_stored_form(doc, zstd.compress(articles(1)[0]));
  const StoredArticle back = read_stored(doc, decoder);
  CHECK(back.id == "doc-0");
  CHECK(back.title == "الرئيس الرئيس 0");
  CHECK(back.source == "alarabiya");
}

TEST_CASE("stored data: the JSON of an index built before compression is read as it is") {
  const DataDecoder decoder("/old", [](std::uint32_t) -> std::string { throw IndexError("no lookup expected"); });
  const std::string json = articles(1)[0];
  CHECK(!is_compressed(json));
  CHECK(decoder.decode(json) == json);
  Xapian::Document doc;
  set_stored_form(doc, json);
  CHECK(read_stored(doc, decoder).url == "https://example.com/news/0");
  CHECK(decoder.decode("") == "");
  CHECK(decoder.decode("(\xb5/") == "(\xb5/");  // shorter than the zstd magic: not a frame
}

TEST_CASE("stored data: a frame whose dictionary the index does not hold is refused, never garbage") {
  const std::string dict = trained(kDictionaryMinSamples);
  const DataCompressor zstd(dict);
  const DataDecoder decoder("/idx/shard1", [](std::uint32_t) { return std::string(); });
  const std::string id = std::to_string(zstd.id());
  CHECK_THROWS_WITH_AS(decoder.decode(zstd.compress(articles(1)[0])),
                       ("index /idx/shard1: a document's data is compressed with dictionary " + id +
                        ", which the index does not hold (no metadata bahth.dict." + id +
                        "): was a shard copied from another index? Rebuild the index").c_str(),
                       IndexError);
  // A dictionary under the wrong key, or a damaged frame.
  const DataDecoder wrong("/idx", [](std::uint32_t) { return std::string("not a dictionary"); });
  CHECK_THROWS_AS(wrong.decode(zstd.compress("{}")), IndexError);
  const DataDecoder right("/idx", [&](std::uint32_t) { return dict; });
  std::string damaged = zstd.compress(articles(1)[0]);
  damaged.resize(damaged.size() / 2);
  CHECK_THROWS_WITH_AS(right.decode(damaged), doctest::Contains("index /idx: a document's compressed data cannot be read"),
                       IndexError);
}

TEST_CASE("stored data: empty and short data round trip") {
  const std::string dict = trained(kDictionaryMinSamples);
  const DataCompressor zstd(dict);
  const DataDecoder decoder("/idx", [&](std::uint32_t) { return dict; });
  for (const std::string data : {"", "{", "{}", "x"}) {
    CAPTURE(data);
    CHECK(decoder.decode(zstd.compress(data)) == data);
  }
}

TEST_CASE("stored data: training is deterministic and needs kDictionaryMinSamples articles") {
  CHECK(trained(kDictionaryMinSamples - 1).empty());  // a small run stores JSON
  CHECK(trained(5).empty());
  const std::string a = trained(kDictionaryMinSamples + 10), b = trained(kDictionaryMinSamples + 10);
  REQUIRE(!a.empty());
  CHECK(a == b);
  CHECK(a.size() <= kDictionaryBytes);
  const DataCompressor za(a), zb(b);
  CHECK(za.id() == zb.id());
  CHECK(za.compress(articles(3)[2]) == zb.compress(articles(3)[2]));
  CHECK_THROWS_AS(DataCompressor("not a dictionary"), IndexError);
}

TEST_CASE("stored data: the stored JSON read field by field, as a JSON tree would read it") {
  struct Case {
    const char* data;
    const char* id;
    const char* title;
  } cases[] = {
      {R"({"id":"a1","title":"عنوان \"مقتبس\"\n","text":"x"})", "a1", "عنوان \"مقتبس\"\n"},  // escapes
      {R"({"title":"t","id":"b2"})", "b2", "t"},                                           // any key order
      {R"({"id":"old","id":"new"})", "new", ""},                                           // the last key wins
      {R"({"id":"x","id":7,"title":"t"})", "", "t"},                                       // not a string: empty
      {R"({"extra":{"id":"inner","title":["t"]},"id":"outer"})", "outer", ""},             // nested keys ignored
      {R"({"id":"a","title":{"nested":"t"}})", "a", ""},
      {R"(["id","a"])", "", ""},                                                           // not an object
      {R"({"id":"a")", "", ""},                                                            // cut short: nothing
      {"", "", ""},
      {R"("id")", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.data);
    const StoredArticle s = parse_stored(c.data);
    CHECK(s.id == c.id);
    CHECK(s.title == c.title);
  }
  Article a;
  a.id = "full";
  a.title = "عنوان";
  a.text = "نص";
  a.source = "s";
  a.url = "u";
  a.date = CivilDate{2022, 2, 5};
  a.date_source = DateSource::metadata;
  a.category = "c";
  a.author = "م";
  a.file = "/f";
  const StoredArticle s = parse_stored(stored_data(a));
  CHECK(std::vector<std::string>{s.id, s.title, s.text, s.source, s.url, s.date, s.date_source, s.category, s.author, s.file} ==
        std::vector<std::string>{"full", "عنوان", "نص", "s", "u", "2022-02-05", "metadata", "c", "م", "/f"});
}

namespace {
std::vector<std::string> fields(const StoredArticle& s) {
  return {s.id, s.title, s.text, s.source, s.url, s.date, s.date_source, s.category, s.author, s.file};
}
}  // namespace

TEST_CASE("stored data: the fast reader reads what nlohmann's parser reads, or leaves the input to it") {
  Article a;
  a.id = "a\"1";
  a.title = "عنوان\t\"مقتبس\" \\ /";
  a.text = std::string("سطر\nسطر\r\b\f") + '\x01' + "😀 ﷲ";
  a.url = "https://example.com/?q=1";
  const std::string written = stored_data(a);
  const char* cases[] = {
      R"({"id":"a","title":"\u0639\u0646\u0648\u0627\u0646"})",  // \u escapes
      R"({"id":"\ud83d\ude00"})",                                  // a surrogate pair
      R"({"id":"\ud83d"})",                                        // a lone high surrogate: an error
      R"({"id":"\ude00x"})",                                       // a lone low surrogate: an error
      R"({"id":"\u00e9\u0000\/"})",                                // NUL and a solidus
      R"({"id":"\x"})",                                            // not an escape
      "{\"id\":\"\xd8\"}",                                         // a cut sequence
      "{\"id\":\"\xc0\x80\"}",                                     // an overlong NUL
      "{\"id\":\"\xed\xa0\x80\"}",                                 // a surrogate in UTF-8
      "{\"id\":\"\xf4\x90\x80\x80\"}",                             // beyond U+10FFFF
      "{\"id\":\"\xf0\x9f\x98\x80\"}",                             // four bytes
      "{\"id\":\"a\tb\"}",                                         // a raw tab
      R"({ "id" : "spaced" })",                                    // spaces: left to nlohmann
      R"({"id":"a"} )",
      R"({"id":"a"}x)",
      R"({"id":"a",})",
      R"({"id":"a","id":"b"})",
      R"({"id":"a","id":null})",
      R"({})",
      R"({"ID":"a","title":"t"})",
      "",
      "{",
      R"({"id":"a)",
  };
  for (const char* c : cases) {
    CAPTURE(c);
    CHECK(fields(parse_stored(c)) == fields(detail::parse_stored_json(c)));
  }
  CHECK(fields(parse_stored(written)) == fields(detail::parse_stored_json(written)));
  CHECK(parse_stored(written).text == a.text);
  // Every cut of a real article's stored JSON, and every byte of it replaced by a quote, a backslash or a
  // stray UTF-8 byte.
  for (std::size_t n = 0; n <= written.size(); ++n) {
    CAPTURE(n);
    const std::string cut = written.substr(0, n);
    REQUIRE(fields(parse_stored(cut)) == fields(detail::parse_stored_json(cut)));
    for (char c : {'"', '\\', '\x80', '\xd9', 'u', '}'}) {
      std::string changed = written;
      if (n < changed.size()) changed[n] = c;
      REQUIRE(fields(parse_stored(changed)) == fields(detail::parse_stored_json(changed)));
    }
  }
}
