// Scraped pages: boilerplate removed, a sensible title, the dateline found (the five seed pages).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "ingest/cleanup.h"

namespace {
std::string seed(const std::string& name) {
  std::ifstream in(std::string(BAHTH_TEST_DATA_DIR) + "/../../corpus/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("seed pages: titles") {
  struct Case {
    const char* file;
    const char* title;
  } cases[] = {
      // the first lines are an English blurb: the title is the opening of the first Arabic paragraph
      {"000_1c21489d73f88a25.txt", "أشاد الرئيس الروسي، فلاديمير بوتين، الجمعة بالعلاقات الوثيقة \"غير المسبوقة\" لبلاده مع…"},
      // a dateline, then the headline printed twice
      {"002_7885229fa645d1c2.txt", "تأكيد على أهمية التعاون الاستراتيجي.. لقاء افتراضي يجمع بوتين ونظيره الصيني"},
      {"003_75c0f02aeffcf6cd.txt", "بوتين وشي جينبينغ يعلنان عن شراكة “بلا حدود” ودعم متبادل في مواجهة التوتر المتصاعد مع الغرب"},
      {"004_736099e99802e8d7.txt", "الصين وروسيا، تحالف الضرورة ضد عدو مشترك"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    const std::string page = seed(c.file);
    REQUIRE(!page.empty());
    CHECK(bahth::clean_page(page).title == c.title);
  }
}

TEST_CASE("seed pages: no boilerplate line survives in the body") {
  const char* boilerplate[] = {"HAKAIA", "785", "gmail", "LEAVE A REPLY", "Please enter", "Changed", "Close",
                               "شارك القصة", "تابع القراءة", "About Post Author", "اترك تعليقاً",
                               "جميع الحقوق محفوظة", "©", "Newsphere", "لن يتم نشر", "للمزيد Facebook", "مصدر الخبر"};
  for (const char* file : {"000_1c21489d73f88a25.txt", "001_005e2f9528a27951.txt", "002_7885229fa645d1c2.txt",
                           "003_75c0f02aeffcf6cd.txt", "004_736099e99802e8d7.txt"}) {
    CAPTURE(file);
    const bahth::CleanPage p = bahth::clean_page(seed(file));
    CHECK(p.body.size() > 500);
    for (const char* b : boilerplate) {
      CAPTURE(b);
      CHECK_FALSE(contains(p.body, b));
      CHECK_FALSE(contains(p.title, b));
    }
  }
}

TEST_CASE("seed pages: the dateline is the publication date and leaves the body") {
  const bahth::CleanPage p3 = bahth::clean_page(seed("003_75c0f02aeffcf6cd.txt"));
  REQUIRE(p3.date);
  CHECK(bahth::to_iso(*p3.date) == "2022-02-05");
  CHECK_FALSE(contains(p3.body, "نشرت في"));
  CHECK(contains(p3.body, "دعا الرئيس الروسي فلاديمير بوتين"));

  const bahth::CleanPage p2 = bahth::clean_page(seed("002_7885229fa645d1c2.txt"));
  REQUIRE(p2.date);
  CHECK(bahth::to_iso(*p2.date) == "2024-03-26");
  CHECK_FALSE(contains(p2.body, "26 مارس"));

  // a copyright year in the footer is not a publication date
  CHECK_FALSE(bahth::clean_page(seed("004_736099e99802e8d7.txt")).date);
}

TEST_CASE("boilerplate lines") {
  struct Case {
    const char* line;
    bool arabic_page;
    bool boilerplate;
  } cases[] = {
      {"LEAVE A REPLY", true, true},
      {"+(785) 238-4131", true, true},
      {"hakaia.latifa@gmail.com", true, true},
      {"LEAVE A REPLY", false, true},
      {"Putin met Xi in Beijing on Friday.", false, false},  // an English page keeps English lines
      {"جميع الحقوق محفوظة © 2020 مجلة السفير", true, true},
      {"اترك تعليقاً", true, true},
      {"قال بوتين إن العلاقات مع الصين غير مسبوقة", true, false},
      {"", true, false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    CHECK(bahth::is_boilerplate_line(c.line, c.arabic_page) == c.boilerplate);
  }
}

TEST_CASE("a page of one short paragraph is its own title and text (issue 16)") {
  struct Case {
    const char* page;
    const char* title;
    const char* body;
  } cases[] = {
      {"عاجل: زلزال بقوة 5 درجات يضرب جنوب تركيا\n", "عاجل: زلزال بقوة 5 درجات يضرب جنوب تركيا",
       "عاجل: زلزال بقوة 5 درجات يضرب جنوب تركيا"},
      // no final line break, blank lines and boilerplate around it
      {"\n\nارتفاع أسعار النفط في الأسواق العالمية\nجميع الحقوق محفوظة ©\n",
       "ارتفاع أسعار النفط في الأسواق العالمية", "ارتفاع أسعار النفط في الأسواق العالمية"},
      // a headline and a paragraph: the paragraph alone is the text, as before
      {"عنوان الخبر\nنص الخبر في فقرة واحدة.\n", "عنوان الخبر", "نص الخبر في فقرة واحدة."},
      // nothing but boilerplate: still nothing
      {"جميع الحقوق محفوظة ©\n", "", ""},
  };
  for (const auto& c : cases) {
    const std::string page = c.page;
    CAPTURE(page);
    const bahth::CleanPage p = bahth::clean_page(c.page);
    CHECK(p.title == c.title);
    CHECK(p.body == c.body);
  }
}
